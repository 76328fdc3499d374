import { DateTime } from 'luxon';

/** A partner's date or date-time, resolved: an instant, or a local calendar date for all-day values. */
export type ResolvedTime =
  | { allDay: false; instant: Date }
  | { allDay: true; date: string };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads an ISO 8601 date or date-time as partners publish it: with an offset or Z it is an instant;
 * without one it is wall time in the partner's zone (schema.org and LibCal both allow that); a bare
 * date is an all-day value. Returns null for anything unparseable.
 */
export function resolveLocalTime(value: unknown, zone: string): ResolvedTime | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (DATE_ONLY.test(text)) {
    return DateTime.fromISO(text, { zone }).isValid ? { allDay: true, date: text } : null;
  }
  // "2024-01-10 10:00:00" (space separator) is common in feeds; ISO needs the T.
  const iso = /^\d{4}-\d{2}-\d{2} \d/.test(text) ? text.replace(' ', 'T') : text;
  const parsed = DateTime.fromISO(iso, { zone, setZone: true });
  return parsed.isValid ? { allDay: false, instant: parsed.toJSDate() } : null;
}

/** Midnight starting a local date, as an instant. */
export function startOfLocalDate(date: string, zone: string): Date {
  return DateTime.fromISO(date, { zone }).startOf('day').toJSDate();
}

export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;
}

/** The local calendar date of an instant in a zone. */
export function localDateOf(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate()!;
}
