import type { FeedEvent } from './types';

const DAY: Intl.DateTimeFormatOptions = { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' };

/** When an event takes place, in the JSON Feed extension's own fields (the manage view maps GraphQL's onto them). */
export type EventSpan = Pick<FeedEvent['_community_graph'], 'all_day' | 'start_date' | 'end_date' | 'starts_at' | 'ends_at' | 'timezone'>;

/** Local wall time at the venue (the event's own zone), named with the zone, in the visitor's language. */
export const whenText = (e: FeedEvent, locale?: string): string => spanText(e._community_graph, locale);

/** An all-day event by its dates, a timed one from start to end at the venue. */
export function spanText(x: EventSpan, locale?: string): string {
  if (x.all_day && x.start_date) {
    const day = (iso: string) => new Intl.DateTimeFormat(locale, { ...DAY, timeZone: 'UTC' }).format(new Date(iso + 'T00:00:00Z'));
    // end_date is exclusive (RFC 5545 DTEND): show the last day.
    const last = x.end_date ? new Date(Date.parse(x.end_date + 'T00:00:00Z') - 864e5).toISOString().slice(0, 10) : x.start_date;
    return (last > x.start_date ? day(x.start_date) + ' – ' + day(last) : day(x.start_date)) + ' (all day)';
  }
  const zone = x.timezone;
  const start = dateAt(x.starts_at, zone, locale);
  const end = dateAt(x.ends_at, zone, locale);
  return start + ', ' + timeAt(x.starts_at, zone, false, locale) + ' – ' + (end === start ? '' : end + ', ') + timeAt(x.ends_at, zone, true, locale);
}

/** One instant as a date and time at the venue, named with its zone ("Tue, Dec 8, 2026, 4:45 PM CST"), like an event's start. */
export const momentText = (iso: string, zone: string, locale?: string): string => dateAt(iso, zone, locale) + ', ' + timeAt(iso, zone, true, locale);

const dateAt = (iso: string, zone: string, locale?: string) => new Intl.DateTimeFormat(locale, { ...DAY, timeZone: zone }).format(new Date(iso));
const timeAt = (iso: string, zone: string, named: boolean, locale?: string) =>
  new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: zone, timeZoneName: named ? 'short' : undefined }).format(new Date(iso));

/** The day of an occurrence at the venue, for a program's date rows (its times are in the schedule line). */
export const dayText = (x: EventSpan, locale?: string): string =>
  new Intl.DateTimeFormat(locale, { ...DAY, timeZone: x.all_day ? 'UTC' : x.timezone }).format(new Date(x.all_day && x.start_date ? x.start_date + 'T00:00:00Z' : x.starts_at));

const WEEK_MS = 7 * 864e5;

/** When a program meets, in words, and which of its dates keep to it (the others show their own times). */
export interface ProgramSchedule {
  text: string;
  fits(e: FeedEvent): boolean;
}

/**
 * "Every Saturday, 10:00 AM – 11:30 AM CST" when most dates share a weekday and times at the venue
 * ("Every other …" two weeks apart, "Saturdays, …" at irregular intervals); null when they do not.
 * A date moved or retimed (a tournament at noon) does not change the program's line; it shows its own.
 */
export function programSchedule(dates: FeedEvent[], locale?: string): ProgramSchedule | null {
  const spans = dates.map((d) => d._community_graph);
  if (spans.some((x) => x.all_day)) return null;
  const zone = spans[0].timezone;
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: zone });
  const time = (iso: string, named?: boolean) =>
    new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: zone, timeZoneName: named ? 'short' : undefined }).format(new Date(iso));
  const shape = (x: EventSpan) => x.timezone + '|' + weekday.format(new Date(x.starts_at)) + '|' + time(x.starts_at) + '|' + time(x.ends_at);
  const counts = new Map<string, number>();
  for (const x of spans) counts.set(shape(x), (counts.get(shape(x)) || 0) + 1);
  const [usual, n] = [...counts].sort((a, b) => b[1] - a[1])[0];
  if (n < 2 || n * 2 < spans.length) return null;
  const regular = spans.filter((x) => shape(x) === usual);
  // Whole weeks apart, give or take a daylight-saving hour or a retimed date (which still keeps the rhythm).
  const weeks = spans.slice(1).map((x, i) => (Date.parse(x.starts_at) - Date.parse(spans[i].starts_at)) / WEEK_MS);
  const near = (w: number, n: number) => Math.abs(w - n) < 0.1;
  const day = weekday.format(new Date(regular[0].starts_at));
  const every = weeks.every((w) => near(w, 1)) ? 'Every ' + day : weeks.every((w) => near(w, 2)) ? 'Every other ' + day : day + 's';
  return {
    text: every + ', ' + time(regular[0].starts_at) + ' – ' + time(regular[0].ends_at, true),
    fits: (e) => shape(e._community_graph) === usual,
  };
}

const AUDIENCES: Record<string, string> = {
  BABIES: 'Babies', TODDLERS: 'Toddlers', PRESCHOOL: 'Preschool', KIDS: 'Kids', TWEENS: 'Tweens', TEENS: 'Teens',
  ADULTS: 'Adults', SENIORS: 'Seniors', FAMILIES: 'Families', ALL_AGES: 'All ages',
};
export const audienceText = (list: string[]): string => list.map((a) => AUDIENCES[a] || a).join(', ');

/**
 * "3 spots left" / "Full, waitlist open" / "Full"; empty when there is no seat limit. An EXTERNAL
 * event's waiting list is the partner's (waitlist_available); a NATIVE one's has places left.
 */
export function spotsText(r: { remaining: number | null; waitlisted: number; waitlist_capacity: number; waitlist_available?: boolean | null; mode: string }): string {
  if (r.mode === 'NONE' || r.remaining == null) return '';
  if (r.remaining > 0) return r.remaining + (r.remaining === 1 ? ' spot left' : ' spots left');
  const open = r.mode === 'EXTERNAL' ? r.waitlist_available === true : r.waitlisted < r.waitlist_capacity;
  return open ? 'Full, waitlist open' : 'Full';
}
