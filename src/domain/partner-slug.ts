import { InvalidArgumentError } from './errors';

/** What a partner slug may be: the letters a URL path or a query string carries without escaping. */
const PARTNER_SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * Slugs a client asked for, lower-cased and deduplicated (slugs are stored lower-case, and people type
 * them from a URL or a sign); null when none. A value that cannot be a slug is a mistake worth naming
 * (a global id pasted in the wrong argument, say) rather than a silent empty list.
 */
export function partnerSlugsOf(list: string[] | null | undefined, argument: string, max: number): string[] | null {
  if (!list?.length) return null;
  const slugs = [...new Set(list.map((slug) => slug.trim().toLowerCase()))];
  if (slugs.length > max) throw new InvalidArgumentError(argument, slugs.join(','), `at most ${max} slugs`);
  const bad = slugs.find((slug) => !PARTNER_SLUG.test(slug));
  if (bad !== undefined) throw new InvalidArgumentError(argument, bad.slice(0, 70), 'a partner slug such as millbrook-library');
  return slugs;
}
