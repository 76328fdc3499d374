import { DateTime } from 'luxon';
import { OpeningHoursRule, ruleDaysIn, zoneOf } from '../shared/opening-hours';
import { isObject, JsonObject } from './hsds.parse';

const WEEKDAY: Record<string, number> = { MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6, SU: 7 };
const WEEKDAY_NAMES: Record<string, number> = { monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7 };

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null);
const num = (v: unknown): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
};
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(',') : typeof v === 'number' ? [String(v)] : [])
  .map((s) => s.trim()).filter(Boolean);
const date = (v: unknown): string | null => {
  const s = str(v);
  return s && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : null;
};

/** RRULE BYDAY tokens: "MO", "2MO" (second Monday), "-1FR" (last Friday). Unknown tokens are dropped. */
export function parseByDay(value: unknown): { weekday: number; nth: number | null }[] {
  return list(value).flatMap((token) => {
    const m = /^([+-]?\d{1,2})?\s*([A-Za-z]{2})$/.exec(token);
    const weekday = m ? WEEKDAY[m[2].toUpperCase()] : WEEKDAY_NAMES[token.toLowerCase()];
    return weekday ? [{ weekday, nth: m?.[1] ? Number(m[1]) : null }] : [];
  });
}

/**
 * One HSDS schedule (3.x `schedules`, `operating_hours` or `events` entry, or 2.x `regular_schedules`
 * with `weekday`) as an opening-hours rule. `timezone` is numeric in HSDS 3 (a UTC offset in hours).
 */
export function scheduleRule(raw: JsonObject, locationExternalId: string | null): OpeningHoursRule {
  const freq = str(raw.freq)?.toUpperCase();
  const weekday = raw.weekday ?? raw.day;
  const byDay = parseByDay(raw.byday ?? raw.by_day);
  if (weekday != null) {
    const n = num(weekday);
    const w = n !== null ? (n === 0 ? 7 : n) : WEEKDAY_NAMES[String(weekday).toLowerCase()] ?? WEEKDAY[String(weekday).toUpperCase()];
    if (w) byDay.push({ weekday: w, nth: null });
  }
  const offset = num(raw.timezone);
  return {
    freq: freq === 'WEEKLY' || freq === 'MONTHLY' ? freq : null,
    interval: Math.max(1, num(raw.interval) ?? 1),
    byDay,
    byMonthDay: list(raw.bymonthday ?? raw.by_month_day).map(Number).filter((n) => Number.isInteger(n) && n !== 0),
    opensAt: str(raw.opens_at),
    closesAt: str(raw.closes_at),
    validFrom: date(raw.valid_from),
    validTo: date(raw.valid_to),
    dtstart: date(raw.dtstart),
    until: date(raw.until),
    count: num(raw.count),
    utcOffsetHours: offset !== null && Math.abs(offset) <= 14 ? offset : null,
    locationExternalId: str(raw.location_id) ?? locationExternalId,
    description: str(raw.description),
  };
}

/** A dated, non-recurring entry (a single dtstart, or valid_from = valid_to) is a session, not opening hours. */
export function isOneOff(rule: OpeningHoursRule): boolean {
  return rule.freq === null && rule.byDay.length === 0 && rule.byMonthDay.length === 0
    && (rule.dtstart !== null || (rule.validFrom !== null && rule.validFrom === rule.validTo));
}

/** IANA name for a whole-hour fixed offset (Etc/GMT signs are inverted); else the partner zone. */
export function ianaZoneFor(rule: OpeningHoursRule, partnerZone: string): string {
  const h = rule.utcOffsetHours;
  if (h === null || !Number.isInteger(h)) return partnerZone;
  return h === 0 ? 'UTC' : `Etc/GMT${h > 0 ? '-' : '+'}${Math.abs(h)}`;
}

export interface SessionTime {
  start: Date;
  end: Date;
  allDay: boolean;
  localDate: string;
  zone: string;
}

/** The dated occurrences of a session rule inside the window (one for a one-off). */
export function sessionTimes(rule: OpeningHoursRule, partnerZone: string, window: { from: Date; to: Date }): SessionTime[] {
  const zone = ianaZoneFor(rule, partnerZone);
  const days = isOneOff(rule)
    ? [DateTime.fromISO((rule.dtstart ?? rule.validFrom)!, { zone: zoneOf(rule, partnerZone) })]
    : ruleDaysIn(rule, window, partnerZone);
  const times = days.filter((d) => d.isValid).map((day) => {
    const at = (time: string | null) => {
      const m = time ? /^(\d{1,2}):(\d{2})/.exec(time) : null;
      return m ? day.set({ hour: Number(m[1]), minute: Number(m[2]), second: 0, millisecond: 0 }) : null;
    };
    const opens = at(rule.opensAt);
    let closes = at(rule.closesAt);
    if (!opens) return { start: day.toJSDate(), end: day.plus({ days: 1 }).toJSDate(), allDay: true, localDate: day.toISODate()!, zone };
    if (!closes || closes < opens) closes = closes ? closes.plus({ days: 1 }) : opens;
    return { start: opens.toJSDate(), end: closes.toJSDate(), allDay: false, localDate: day.toISODate()!, zone };
  });
  // A recurrence is expanded to occurrences starting inside [from, to); a one-off is kept wherever it falls.
  return isOneOff(rule) ? times : times.filter((t) => t.start >= window.from && t.start < window.to);
}

/** Every schedule-like list on an HSDS object, in both shapes (3.0 `schedules`, newer `operating_hours` / `events`, 2.x `regular_schedules`). */
export function scheduleLists(owner: JsonObject): { hours: JsonObject[]; events: JsonObject[] } {
  const arr = (v: unknown) => (Array.isArray(v) ? v.filter(isObject) : []);
  return {
    hours: [...arr(owner.schedules), ...arr(owner.operating_hours), ...arr(owner.regular_schedules)],
    events: arr(owner.events),
  };
}
