import ICAL from './ical';

/** BY-parts that choose the dates of a YEARLY rule; without any, the date comes from DTSTART. */
const DATE_PARTS = ['BYMONTH', 'BYWEEKNO', 'BYYEARDAY', 'BYMONTHDAY', 'BYDAY'];

/**
 * RFC 5545 §3.3.10: a YEARLY rule with no BYxxx date part repeats on DTSTART's month and day, and an
 * instance on a date that does not exist (29 February in a common year) MUST be ignored and not counted.
 * ical.js rolls such an instance over to 1 March instead (birthday calendars from 29 February showed one
 * every common year). Written out as BYMONTH/BYMONTHDAY, the same rule makes ical.js skip those years.
 */
export function spellOutYearlyDate(rule: ICAL.Recur, start: ICAL.Time): void {
  if (rule.freq !== 'YEARLY' || DATE_PARTS.some((part) => rule.getComponent(part).length)) return;
  rule.setComponent('BYMONTH', [start.month]);
  rule.setComponent('BYMONTHDAY', [start.day]);
}
