import { Audience, EventStatus, PartnerKind } from '../../domain/enums';
import { DomainError, ErrorCode, InvalidArgumentError } from '../../domain/errors';
import { NearInput } from '../../domain/event-filter';
import { partnerSlugsOf } from '../../domain/partner-slug';
import { urlInstant } from '../../domain/url-instant';

/**
 * The EventFilter spelled as URL query parameters, shared by /feeds/*, /embed/events and the widget's
 * data attributes. Partners are named by slug (what a webmaster knows), not by global id.
 */
export interface FeedQuery {
  partnerSlugs: string[];
  kinds: PartnerKind[];
  audiences: Audience[];
  categories: string[];
  status: EventStatus[];
  text: string | null;
  from: Date | null;
  to: Date | null;
  near: NearInput | null;
  limit: number;
  /** At most this many occurrences of one recurring series (`per_series`); null: no cap. */
  perSeries: number | null;
}

export type RawQuery = Record<string, unknown>;

/** Each parameter and its accepted aliases (singular and plural both read naturally in a URL). */
const PARAMETERS: Record<string, string[]> = {
  partner: ['partner', 'partners'],
  kinds: ['kinds', 'kind'],
  audiences: ['audiences', 'audience'],
  categories: ['categories', 'category'],
  status: ['status'],
  text: ['text', 'q'],
  from: ['from'],
  to: ['to'],
  near: ['near'],
  limit: ['limit'],
  perSeries: ['per_series'],
};
const KNOWN = new Set(Object.values(PARAMETERS).flat());
const MAX_LIST = 20;

function values(query: RawQuery, name: string): string[] {
  return PARAMETERS[name].flatMap((alias) => {
    const raw = query[alias];
    if (raw === undefined) return [];
    const list = Array.isArray(raw) ? raw : [raw];
    if (list.some((v) => typeof v !== 'string')) throw new InvalidArgumentError(alias, raw, 'plain text values');
    return (list as string[]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  });
}

function single(query: RawQuery, name: string): string | null {
  const list = values(query, name);
  if (list.length > 1 && name !== 'near') throw new InvalidArgumentError(PARAMETERS[name][0], list.join(','), 'a single value');
  return list.length ? list.join(',') : null;
}

function enumList<T extends string>(query: RawQuery, name: string, allowed: Record<string, T>): T[] {
  const list = values(query, name);
  if (list.length > MAX_LIST) throw new InvalidArgumentError(name, list.join(','), `at most ${MAX_LIST} values`);
  const known = Object.values(allowed);
  return list.map((value) => {
    // Case-insensitive and forgiving of "all-ages", since people type these into HTML attributes.
    const normal = value.toUpperCase().replace(/-/g, '_') as T;
    if (!known.includes(normal)) throw new InvalidArgumentError(name, value, `one or more of ${known.join(', ')} (comma-separated)`);
    return normal;
  });
}

/** Free text is taken whole (commas included). */
function text(query: RawQuery): string | null {
  const raw = PARAMETERS.text.map((alias) => query[alias]).filter((v) => v !== undefined);
  if (raw.length > 1 || (raw.length === 1 && typeof raw[0] !== 'string')) throw new InvalidArgumentError('text', raw, 'a single text value');
  return (raw[0] as string | undefined)?.trim() || null;
}

function instant(query: RawQuery, name: string): Date | null {
  const raw = single(query, name);
  // A bare date means the start of that day in UTC; give a full RFC 3339 instant for a local midnight.
  return raw === null ? null : urlInstant(name, raw);
}

function near(query: RawQuery): NearInput | null {
  const raw = single(query, 'near');
  if (raw === null) return null;
  const parts = raw.split(',').map((p) => Number(p.trim()));
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n)) || raw.split(',').some((p) => p.trim() === '')) {
    throw new InvalidArgumentError('near', raw, 'three numbers "lat,lon,km", e.g. near=41.50,-90.56,2');
  }
  return { lat: parts[0], lon: parts[1], km: parts[2] };
}

/** A whole number from 1 to `max`, or null when the parameter is absent. */
function count(query: RawQuery, name: 'limit' | 'perSeries', max: number): number | null {
  const raw = single(query, name);
  if (raw === null) return null;
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > max) throw new InvalidArgumentError(PARAMETERS[name][0], raw, `an integer from 1 to ${max}`);
  return n;
}

/**
 * Parses and validates the query string. Unknown parameters are refused, so a typo such as
 * `audiance=KIDS` is a clear 400 instead of a silently unfiltered feed; names starting with "_" (cache
 * busters) are ignored. Values the EventService checks itself (near ranges, from/to order) are left to it.
 */
export function parseFeedQuery(query: RawQuery, options: { defaultLimit: number; maxLimit: number }): FeedQuery {
  const unknown = Object.keys(query).filter((key) => !KNOWN.has(key) && !key.startsWith('_'));
  if (unknown.length) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `Unknown query parameter "${unknown[0]}". Known parameters: ${[...KNOWN].join(', ')}.`, { argument: unknown[0] });
  }
  return {
    partnerSlugs: partnerSlugsOf(values(query, 'partner'), 'partner', MAX_LIST) ?? [],
    kinds: enumList(query, 'kinds', PartnerKind),
    audiences: enumList(query, 'audiences', Audience),
    categories: values(query, 'categories'),
    status: enumList(query, 'status', EventStatus),
    text: text(query),
    from: instant(query, 'from'),
    to: instant(query, 'to'),
    near: near(query),
    limit: count(query, 'limit', options.maxLimit) ?? options.defaultLimit,
    perSeries: count(query, 'perSeries', options.maxLimit),
  };
}
