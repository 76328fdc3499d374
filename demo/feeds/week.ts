import { DateTime } from 'luxon';
import { TOWN_TIMEZONE } from '../town';

/** Demo feeds are rendered relative to `now` (like the seed), so the demo never goes stale. */
export function weekStartOf(now: Date): DateTime {
  return DateTime.fromJSDate(now, { zone: TOWN_TIMEZONE }).startOf('week');
}

/** Local date of a weekday (1 = Monday) `weeks` after the current week. */
export function dayIn(now: Date, weeks: number, weekday: number): string {
  return weekStartOf(now).plus({ weeks }).set({ weekday: weekday as 1 }).toISODate()!;
}
