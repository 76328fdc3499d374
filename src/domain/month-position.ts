import { DateTime } from 'luxon';

/**
 * Where a day sits in its month, as recurrence rules count it (RFC 5545 BYDAY "2MO" / "-1FR" and
 * BYMONTHDAY, schema.org byMonthWeek / byMonthDay). One copy for every format that expands them.
 */

/** Is `day` the nth of its weekday in its month? 1 = first, -1 = last; null = any. */
export function isNthWeekdayOfMonth(day: DateTime, nth: number | null): boolean {
  if (nth === null) return true;
  if (nth > 0) return Math.ceil(day.day / 7) === nth;
  return Math.ceil((day.daysInMonth! - day.day + 1) / 7) === -nth;
}

/** Is `day` the nth day of its month? Negative counts from the end: -1 = the last day. */
export function isMonthDay(day: DateTime, n: number): boolean {
  return n > 0 ? day.day === n : day.day === day.daysInMonth! + n + 1;
}
