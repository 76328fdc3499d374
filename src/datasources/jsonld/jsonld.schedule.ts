import { DateTime, Duration } from 'luxon';
import { JsonObject } from './jsonld.parse';
import { isMonthDay, isNthWeekdayOfMonth } from '../../domain/month-position';
import { asArray, numberOf, schemaTerm, textOf } from './jsonld.values';

/** One expanded occurrence of a schema.org Schedule, as local wall-clock start/end in `zone`. */
export interface ScheduleOccurrence {
  start: DateTime;
  end: DateTime;
  zone: string;
  /** No startTime: the schedule names days, not hours (e.g. a festival open every Saturday). */
  allDay: boolean;
}

const WEEKDAYS: Record<string, number> = {
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
  mo: 1, tu: 2, we: 3, th: 4, fr: 5, sa: 6, su: 7,
};

/** Safety bound: a schedule is walked day by day for at most ten years from its start. */
const MAX_DAYS = 3660;

/** https://schema.org/Schedule — repeatFrequency is an ISO 8601 duration ("P1W") or a word ("weekly"). */
function frequencyOf(value: unknown): { unit: 'days' | 'weeks' | 'months' | 'years'; every: number } | null {
  const text = textOf(value)?.toLowerCase();
  if (!text) return null;
  const words: Record<string, 'days' | 'weeks' | 'months' | 'years'> = { daily: 'days', weekly: 'weeks', monthly: 'months', yearly: 'years', annually: 'years' };
  if (words[text]) return { unit: words[text], every: 1 };
  const duration = Duration.fromISO(text.toUpperCase());
  if (!duration.isValid) return null;
  for (const unit of ['years', 'months', 'weeks', 'days'] as const) {
    const n = duration.get(unit);
    if (n > 0) return { unit, every: n };
  }
  return null;
}

/** byDay as DayOfWeek URLs ("https://schema.org/Wednesday"), names, or iCal codes ("WE", "2MO"). */
function weekdaysOf(value: unknown): { weekday: number; nth: number | null }[] {
  return asArray(value).flatMap((item) => {
    const term = schemaTerm(item)?.toLowerCase() ?? '';
    const ical = /^([+-]?\d)?(mo|tu|we|th|fr|sa|su)$/.exec(term);
    if (ical) return [{ weekday: WEEKDAYS[ical[2]], nth: ical[1] ? Number(ical[1]) : null }];
    return WEEKDAYS[term] ? [{ weekday: WEEKDAYS[term], nth: null }] : [];
  });
}

/** Integers from a number, a numeric string, a comma list ("1,15") or an array of them. */
function integersOf(value: unknown): number[] {
  return asArray(value).flatMap((item) => (typeof item === 'string' ? item.split(',') : [item]))
    .map(numberOf).filter((n): n is number => n !== null && Number.isInteger(n) && n !== 0);
}

function timeOn(day: DateTime, time: string | null): DateTime {
  const m = time ? /^(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(time) : null;
  return day.set({ hour: m ? Number(m[1]) : 0, minute: m ? Number(m[2]) : 0, second: m?.[3] ? Number(m[3]) : 0, millisecond: 0 });
}

/**
 * Expands an eventSchedule to occurrences starting inside [from, to), as schema.org/Schedule reads:
 * repeatFrequency (ISO 8601 duration or a word) sets the period and its interval counted from
 * startDate; byMonth, byMonthDay (negative from the month's end), byDay (with iCal "2MO"/"-1FR"
 * positions) and byMonthWeek (the nth such weekday; negative from the end) each narrow the days, all
 * together; without a day rule the period repeats startDate's weekday or day of month. repeatCount
 * counts occurrences from the first (exceptDate ones included, as RFC 5545 counts EXDATEs);
 * startTime, else startDate's own time, starts each one, ending at endTime or after duration. Walks a
 * day at a time, bounded by endDate, the window and MAX_DAYS.
 */
export function expandSchedule(
  schedule: JsonObject, fallbackZone: string, window: { from: Date; to: Date }, eventDuration: unknown,
): ScheduleOccurrence[] {
  const zone = textOf(schedule.scheduleTimezone) ?? fallbackZone;
  if (!DateTime.now().setZone(zone).isValid) return [];
  const frequency = frequencyOf(schedule.repeatFrequency);
  const byDay = weekdaysOf(schedule.byDay);
  const byMonthDay = integersOf(schedule.byMonthDay);
  const byMonth = integersOf(schedule.byMonth).filter((n) => n >= 1 && n <= 12);
  const byMonthWeek = integersOf(schedule.byMonthWeek).filter((n) => Math.abs(n) <= 5);
  const except = new Set(asArray(schedule.exceptDate).map((d) => textOf(d)?.slice(0, 10)).filter(Boolean));
  const repeatCount = numberOf(schedule.repeatCount);
  const startText = textOf(schedule.startDate);
  // "startDate": "2026-01-07T19:00" with no startTime: the date carries the time.
  const startTime = textOf(schedule.startTime) ?? (startText && /T\d{2}:\d{2}/.test(startText) ? startText.slice(startText.indexOf('T') + 1) : null);
  const endTime = textOf(schedule.endTime);
  const duration = Duration.fromISO(textOf(schedule.duration) ?? textOf(eventDuration) ?? '');

  const windowStart = DateTime.fromJSDate(window.from, { zone }).startOf('day');
  const first = startText ? DateTime.fromISO(startText.slice(0, 10), { zone }) : windowStart;
  if (!first.isValid) return [];
  const last = textOf(schedule.endDate) ? DateTime.fromISO(textOf(schedule.endDate)!.slice(0, 10), { zone }) : null;
  const hardStop = DateTime.fromJSDate(window.to, { zone });

  // A P2W schedule meets every other week counted from its start; P2M every other month.
  const intervalOk = (day: DateTime): boolean => {
    if (!frequency || frequency.every === 1) return true;
    const span = frequency.unit === 'days' ? Math.round(day.diff(first, 'days').days)
      : frequency.unit === 'weeks' ? Math.floor(day.startOf('week').diff(first.startOf('week'), 'weeks').weeks + 1e-9)
        : frequency.unit === 'months' ? (day.year - first.year) * 12 + day.month - first.month : day.year - first.year;
    return span % frequency.every === 0;
  };
  /** Without byDay or byMonthDay, a period repeats its first day: the same weekday (weekly, or weeks of a month), day of month, or date. */
  const repeatsFirstDay = (day: DateTime): boolean => {
    if (!frequency) return day.hasSame(first, 'day');
    if (frequency.unit === 'days') return true;
    if (frequency.unit === 'weeks' || byMonthWeek.length) return day.weekday === first.weekday;
    if (frequency.unit === 'months') return day.day === first.day;
    return day.day === first.day && (byMonth.length > 0 || day.month === first.month);
  };
  const matches = (day: DateTime): boolean => {
    if (byMonth.length && !byMonth.includes(day.month)) return false;
    if (byMonthDay.length && !byMonthDay.some((n) => isMonthDay(day, n))) return false;
    if (byDay.length && !byDay.some((d) => d.weekday === day.weekday && isNthWeekdayOfMonth(day, d.nth))) return false;
    if (byMonthWeek.length && !byMonthWeek.some((n) => isNthWeekdayOfMonth(day, n))) return false;
    if (!byDay.length && !byMonthDay.length && !repeatsFirstDay(day)) return false;
    return intervalOk(day);
  };

  const out: ScheduleOccurrence[] = [];
  let count = 0;
  // Without repeatCount nothing before the window matters: start there (intervals still count from
  // startDate), so a schedule begun years ago still reaches today within MAX_DAYS.
  let day = repeatCount === null && first < windowStart ? windowStart : first;
  for (let i = 0; i < MAX_DAYS; i++, day = day.plus({ days: 1 })) {
    if ((last && day > last) || day > hardStop) break;
    if (!matches(day)) continue;
    count++;
    if (repeatCount !== null && count > repeatCount) break;
    if (except.has(day.toISODate()!)) continue;
    const start = timeOn(day, startTime);
    let end = endTime ? timeOn(day, endTime) : duration.isValid && duration.toMillis() > 0 ? start.plus(duration) : start;
    if (end < start) end = end.plus({ days: 1 }); // 22:00–01:00 ends the next day
    if (start.toJSDate() >= window.from && start.toJSDate() < window.to) out.push({ start, end, zone, allDay: !startTime });
  }
  return out;
}
