import { DomainError, ErrorCode, InvalidArgumentError } from '../../domain/errors';
import { isBareDate, urlInstant } from '../../domain/url-instant';
import { ImpactDimension } from './impact-figures';

/** An impact report asked for in a URL (/reports/impact.csv): partners by slug, as the dashboard names them. */
export interface ImpactUrlQuery {
  from: Date;
  to: Date;
  partnerSlugs: string[];
  groupBy: ImpactDimension[];
}

const KNOWN = ['from', 'to', 'partner', 'groupBy'];
const DAY_MS = 86_400_000;

/**
 * A bare date is a whole day in UTC: `from=2026-01-01&to=2026-12-31` is the year, its last day included.
 * An instant (RFC 3339 with its offset) is taken as it is.
 */
function instantOf(name: 'from' | 'to', value: unknown): Date {
  if (typeof value !== 'string' || !value) throw new InvalidArgumentError(name, value ?? null, 'a date (YYYY-MM-DD) or an ISO 8601 instant');
  const parsed = urlInstant(name, value);
  return name === 'to' && isBareDate(value) ? new Date(parsed.getTime() + DAY_MS) : parsed;
}

/** A comma-separated list, once per name (a repeated parameter is refused rather than half read). */
function listOf(name: string, value: unknown): string[] {
  if (value === undefined || value === '') return [];
  if (typeof value !== 'string') throw new InvalidArgumentError(name, value, 'one comma-separated list');
  return value.split(',').map((v) => v.trim()).filter(Boolean);
}

export function parseImpactQuery(query: Record<string, unknown>): ImpactUrlQuery {
  const unknown = Object.keys(query).find((k) => !KNOWN.includes(k));
  if (unknown) throw new DomainError(ErrorCode.BAD_USER_INPUT, `Unknown query parameter "${unknown}". The report takes "from", "to", "partner" (slugs) and "groupBy".`);
  const groupBy = listOf('groupBy', query.groupBy).map((d) => {
    const dimension = d.toUpperCase() as ImpactDimension;
    if (!Object.values(ImpactDimension).includes(dimension)) {
      throw new InvalidArgumentError('groupBy', d, `one or more of ${Object.values(ImpactDimension).join(', ')}, comma-separated`);
    }
    return dimension;
  });
  return { from: instantOf('from', query.from), to: instantOf('to', query.to), partnerSlugs: listOf('partner', query.partner), groupBy };
}
