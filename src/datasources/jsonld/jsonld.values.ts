import { JsonObject } from './jsonld.parse';
import { webUrl } from '../../domain/web-url';

/**
 * schema.org values are "string or object or array of either" almost everywhere; these readers
 * take whatever a publisher wrote and return the one shape the mapper wants.
 */
export const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

export const asArray = (value: unknown): unknown[] => (value == null ? [] : Array.isArray(value) ? value : [value]);

/** "https://schema.org/EventCancelled", "http://schema.org/EventCancelled", "schema:EventCancelled" → "EventCancelled". */
export function schemaTerm(value: unknown): string | null {
  const raw = isObject(value) ? (value['@id'] ?? value.name) : value;
  if (typeof raw !== 'string' || !raw.trim()) return null;
  return raw.trim().replace(/^https?:\/\/(www\.)?schema\.org\//i, '').replace(/^schema:/i, '');
}

export function typesOf(node: JsonObject): string[] {
  return asArray(node['@type']).map(schemaTerm).filter((t): t is string => t !== null);
}

/** Text of a value: a string, a number, `{ "@value": ... }`, `{ "name": ... }`, or the first of an array. */
export function textOf(value: unknown): string | null {
  for (const item of asArray(value)) {
    if (typeof item === 'string' && item.trim()) return item.trim();
    if (typeof item === 'number') return String(item);
    if (isObject(item)) {
      const inner = textOf(item['@value'] ?? item.name);
      if (inner) return inner;
    }
  }
  return null;
}

export function numberOf(value: unknown): number | null {
  const first = asArray(value)[0];
  const raw = isObject(first) ? (first['@value'] ?? first.value) : first;
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() ? Number(raw) : NaN;
  return Number.isFinite(n) ? n : null;
}

/** A URL from a string, `{ url }`, `{ contentUrl }` or `{ @id }` (ImageObject, WebPage), or the first of an array. */
export function urlOf(value: unknown): string | null {
  const candidates = linkCandidates(value);
  // The first web link wins; with none, the first as written, so the pull's WebLinkCheck reports the drop.
  return candidates.map(webUrl).find(Boolean) ?? candidates[0] ?? null;
}

function linkCandidates(value: unknown): string[] {
  return asArray(value).flatMap((item) => {
    if (typeof item === 'string') return item.trim() ? [item.trim()] : [];
    return isObject(item) ? linkCandidates(item.url ?? item.contentUrl ?? item['@id']) : [];
  });
}

/** PostalAddress (or a plain string) as one line: street, locality, region postal code, country. */
export function addressLine(value: unknown): string | null {
  const first = asArray(value)[0];
  if (typeof first === 'string') return first.trim() || null;
  if (!isObject(first)) return null;
  const regionPostal = [textOf(first.addressRegion), textOf(first.postalCode)].filter(Boolean).join(' ');
  const parts = [textOf(first.streetAddress), textOf(first.addressLocality), regionPostal, textOf(first.addressCountry)]
    .filter((p): p is string => !!p);
  return parts.length ? parts.join(', ') : null;
}
