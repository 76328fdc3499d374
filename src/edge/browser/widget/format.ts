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
  const date = (iso: string) => new Intl.DateTimeFormat(locale, { ...DAY, timeZone: zone }).format(new Date(iso));
  const time = (iso: string, named?: boolean) =>
    new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: zone, timeZoneName: named ? 'short' : undefined }).format(new Date(iso));
  const start = date(x.starts_at);
  const end = date(x.ends_at);
  return start + ', ' + time(x.starts_at) + ' – ' + (end === start ? '' : end + ', ') + time(x.ends_at, true);
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
