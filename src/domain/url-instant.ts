import { InvalidArgumentError } from './errors';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

/** Whether a URL's value is a bare date (YYYY-MM-DD), which readers take as a whole day in UTC. */
export const isBareDate = (raw: string): boolean => DATE_ONLY.test(raw);

/**
 * An instant as people write it in a URL (feeds, the impact CSV): an RFC 3339 instant with its offset,
 * or a bare date, meaning the start of that day in UTC. Anything else is BAD_USER_INPUT naming `name`.
 */
export function urlInstant(name: string, raw: string): Date {
  const text = isBareDate(raw) ? `${raw}T00:00:00Z` : raw;
  const date = DATE_TIME.test(text) ? new Date(text) : new Date(NaN);
  if (Number.isNaN(date.getTime())) {
    throw new InvalidArgumentError(name, raw, 'an RFC 3339 instant such as 2026-12-01T17:00:00Z, or a date such as 2026-12-01');
  }
  return date;
}
