import { DateTime, FixedOffsetZone, Zone } from 'luxon';
import { isMonthDay, isNthWeekdayOfMonth } from '../../domain/month-position';

/**
 * Opening hours as an RRULE-like rule (the shape HSDS schedules use, RFC 5545 terms): on which days
 * a rule applies and the local hours it is open. Pure functions; `isOpenAt` reads the rule in the
 * location's own time, never the server's.
 */
export interface OpeningHoursRule {
  /** null: no recurrence (a single date, or publishers who only fill byday: read as weekly). */
  freq: 'WEEKLY' | 'MONTHLY' | null;
  interval: number;
  /** ISO weekday 1 = Monday; nth 2 = second in the month, -1 = last (RRULE BYDAY "2MO", "-1FR"). */
  byDay: { weekday: number; nth: number | null }[];
  /** Days of the month; negative counts from the end (-1 = last day). */
  byMonthDay: number[];
  /** Local wall time "HH:mm" or "HH:mm:ss"; closesAt <= opensAt means it closes after midnight. */
  opensAt: string | null;
  closesAt: string | null;
  /** Local dates (YYYY-MM-DD), inclusive. */
  validFrom: string | null;
  validTo: string | null;
  dtstart: string | null;
  until: string | null;
  count: number | null;
  /** HSDS numeric `timezone`: a fixed UTC offset in hours; null = the location's IANA zone. */
  utcOffsetHours: number | null;
  /** The location the hours are for; null = every location of the service. */
  locationExternalId: string | null;
  description: string | null;
}

const MAX_COUNT_DAYS = 3660; // counting occurrences for COUNT walks at most ten years

export function zoneOf(rule: OpeningHoursRule, locationZone: string): Zone | string {
  return rule.utcOffsetHours === null ? locationZone : FixedOffsetZone.instance(Math.round(rule.utcOffsetHours * 60));
}

function minutesOf(time: string | null): number | null {
  const m = time ? /^(\d{1,2}):(\d{2})/.exec(time) : null;
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** Does the rule's pattern (ignoring COUNT) include this local date? */
function patternIncludes(rule: OpeningHoursRule, day: DateTime): boolean {
  const date = day.toISODate()!;
  if (rule.validFrom && date < rule.validFrom) return false;
  if (rule.validTo && date > rule.validTo) return false;
  if (rule.dtstart && date < rule.dtstart) return false;
  if (rule.until && date > rule.until.slice(0, 10)) return false;
  const start = rule.dtstart ? DateTime.fromISO(rule.dtstart, { zone: day.zone }) : null;
  const every = Math.max(1, rule.interval || 1);
  const freq = rule.freq ?? (rule.byDay.length ? 'WEEKLY' : null);
  if (freq === null) return rule.dtstart ? date === rule.dtstart : !!rule.validFrom && rule.validFrom === rule.validTo;
  if (freq === 'WEEKLY') {
    if (start && every > 1) {
      const weeks = Math.floor(day.startOf('week').diff(start.startOf('week'), 'weeks').weeks + 1e-9);
      if (weeks % every !== 0) return false;
    }
    if (rule.byDay.length) return rule.byDay.some((d) => d.weekday === day.weekday);
    return start ? day.weekday === start.weekday : true;
  }
  if (start && every > 1 && ((day.year - start.year) * 12 + day.month - start.month) % every !== 0) return false;
  if (rule.byDay.length) return rule.byDay.some((d) => d.weekday === day.weekday && isNthWeekdayOfMonth(day, d.nth));
  if (rule.byMonthDay.length) {
    return rule.byMonthDay.some((n) => isMonthDay(day, n));
  }
  return start ? day.day === start.day : false;
}

/** The pattern plus COUNT: the nth occurrence after dtstart is the last one. */
export function ruleIncludesDay(rule: OpeningHoursRule, day: DateTime): boolean {
  if (!patternIncludes(rule, day)) return false;
  if (rule.count === null || !rule.dtstart) return true;
  let seen = 0;
  let cursor = DateTime.fromISO(rule.dtstart, { zone: day.zone });
  for (let i = 0; i < MAX_COUNT_DAYS && cursor <= day; i++, cursor = cursor.plus({ days: 1 })) {
    if (patternIncludes(rule, cursor)) seen++;
    if (seen > rule.count) return false;
  }
  return seen <= rule.count;
}

/**
 * Is the rule open at this instant? Read in the rule's fixed offset, else the location's zone. A rule
 * without hours says nothing about being open (false). Overnight hours (22:00–02:00) belong to the
 * day they open on.
 */
export function ruleOpenAt(rule: OpeningHoursRule, at: Date, locationZone: string): boolean {
  const opens = minutesOf(rule.opensAt);
  const closes = minutesOf(rule.closesAt);
  if (opens === null || closes === null) return false;
  const local = DateTime.fromJSDate(at, { zone: zoneOf(rule, locationZone) });
  if (!local.isValid) return false;
  const minute = local.hour * 60 + local.minute;
  const today = local.startOf('day');
  if (closes > opens) return minute >= opens && minute < closes && ruleIncludesDay(rule, today);
  if (minute >= opens && ruleIncludesDay(rule, today)) return true;
  return minute < closes && ruleIncludesDay(rule, today.minus({ days: 1 }));
}

/** null when no rule states hours (unknown), else whether any rule is open. */
export function isOpenAt(rules: OpeningHoursRule[], at: Date, locationZone: string): boolean | null {
  const withHours = rules.filter((r) => r.opensAt && r.closesAt);
  if (withHours.length === 0) return null;
  return withHours.some((rule) => ruleOpenAt(rule, at, locationZone));
}

/** Local occurrence days of a rule inside [from, to) (for sessions published as schedules). */
export function ruleDaysIn(rule: OpeningHoursRule, window: { from: Date; to: Date }, locationZone: string, maxDays = 800): DateTime[] {
  const zone = zoneOf(rule, locationZone);
  const days: DateTime[] = [];
  let day = DateTime.fromJSDate(window.from, { zone }).startOf('day');
  const end = DateTime.fromJSDate(window.to, { zone });
  for (let i = 0; i < maxDays && day < end; i++, day = day.plus({ days: 1 })) {
    if (ruleIncludesDay(rule, day)) days.push(day);
  }
  return days;
}
