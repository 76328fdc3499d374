import type { PartnerEntity } from '../../model/partner.entity';
import { webUrl } from '../../domain/web-url';

/** Who may frame /embed pages and read feeds from browser scripts, per Partner.allowedOrigins. */
export type OriginPolicy = { any: true } | { any: false; origins: string[] };

/** Only well-formed origins survive, so a stored value can never inject CSP syntax (";", spaces, quotes). */
export function normalizeOrigin(value: string): string | null {
  const href = webUrl(value);
  if (!href) return null;
  const { origin } = new URL(href);
  return origin === value.replace(/\/$/, '') ? origin : null;
}

/**
 * No partner named, or a named partner that lists no origins: any origin (the events are public).
 * Otherwise the union of the named partners' lists.
 */
export function originPolicyFor(partners: PartnerEntity[]): OriginPolicy {
  if (!partners.length || partners.some((p) => !p.allowedOrigins?.length)) return { any: true };
  const origins = [...new Set(partners.flatMap((p) => p.allowedOrigins.map(normalizeOrigin).filter((o): o is string => !!o)))];
  return { any: false, origins };
}

/** CSP frame-ancestors source list. */
export function frameAncestors(policy: OriginPolicy): string {
  return policy.any ? '*' : ["'self'", ...policy.origins].join(' ');
}

/** The Access-Control-Allow-Origin value for a request's Origin, or null to refuse. */
export function corsOrigin(policy: OriginPolicy, requestOrigin: string | undefined): string | null {
  if (policy.any) return '*';
  return requestOrigin && policy.origins.includes(requestOrigin) ? requestOrigin : null;
}
