import ICAL from './ical';
import { Steps } from '../../event-loop';
import { WallTime, wallClock, ZoneResolver } from './icalendar-zones';
import { spellOutYearlyDate } from './icalendar-yearly-date';

/** One concrete instance of a VEVENT: instants in UTC, all-day ones also as local dates (end exclusive). */
export interface Instance {
  start: Date;
  end: Date;
  allDay: boolean;
  startDate: string | null;
  endDate: string | null;
  /** Identifies the instance in its series: the RECURRENCE-ID it has or would have (UTC, or a date for all-day). */
  key: string;
}

export interface Window { from: Date; to: Date }

/**
 * Expansion stops after this many generated instances per rule, whatever the rule says: it bounds the
 * iterations spent before the window (a MINUTELY rule from 1990). What lands inside the window is
 * bounded by the much smaller per-series limit (SYNC_MAX_OCCURRENCES_PER_SERIES).
 */
export const MAX_INSTANCES_PER_SERIES = 100_000;

const DAY_MS = 86_400_000;
const compactUtc = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const compactDate = (iso: string) => iso.replace(/-/g, '');

export function tzidOf(prop: ICAL.Property | null): string | null {
  if (!prop) return null;
  const value = prop.getFirstValue() as ICAL.Time;
  if (value?.zone === ICAL.Timezone.utcTimezone) return 'Z';
  return (prop.getParameter('tzid') as string | undefined) ?? null;
}

/**
 * The span a JavaScript Date can hold (ECMA-262 §21.4.1.1: ±8.64e15 ms). A longer DURATION
 * (P999999999999999999W, seen in parser test suites) cannot end anywhere.
 */
const MAX_DATE_SPAN_MS = 8.64e15;

const isTime = (value: unknown): value is ICAL.Time => value != null && typeof (value as ICAL.Time).year === 'number' && Number.isFinite((value as ICAL.Time).year);

/** The DTEND value, or null when it is no date or date-time ("DTEND:None"): ical.js reads those lazily and throws. */
function readableEnd(prop: ICAL.Property): ICAL.Time | null {
  try {
    const value = prop.getFirstValue();
    return isTime(value) && !Number.isNaN((value as ICAL.Time).toUnixTime()) ? value : null;
  } catch {
    return null;
  }
}

/**
 * Start, duration and zone of a VEVENT, from DTSTART + DTEND / DURATION (RFC 5545 §3.6.1 defaults).
 * An end that cannot be read ("DTEND:None", a DURATION no date can hold) is ignored: the start is
 * certain and the end optional, so the event keeps the length the RFC gives an event without one
 * (a DATE lasts one day, a DATE-TIME ends at its start), and `notes` says which line was ignored.
 */
export class Timing {
  readonly start: ICAL.Time;
  readonly tzid: string | null;
  readonly allDay: boolean;
  readonly zoneName: string;
  /** What was ignored, e.g. 'DTEND is not a date or date-time'. */
  readonly notes: string[] = [];
  private readonly durationMs: number;
  private readonly durationDays: number;

  constructor(event: ICAL.Component, readonly zones: ZoneResolver) {
    const startProp = event.getFirstProperty('dtstart');
    if (!startProp) throw new Error('DTSTART is missing');
    this.start = startProp.getFirstValue() as ICAL.Time;
    if (!this.start || typeof this.start.year !== 'number') throw new Error('DTSTART is not a date or date-time');
    this.tzid = tzidOf(startProp);
    this.allDay = this.start.isDate;
    this.zoneName = zones.nameOf(this.tzid, this.tzid === 'Z');
    const span = this.writtenSpan(event);
    this.durationDays = this.allDay ? Math.max(1, Math.round((span ?? 0) / DAY_MS)) : 0;
    this.durationMs = this.allDay ? 0 : span ?? 0;
  }

  /** Milliseconds from start to end as written (days × 24 h for dates), or null when no usable end is written. */
  private writtenSpan(event: ICAL.Component): number | null {
    const endProp = event.getFirstProperty('dtend');
    if (endProp) {
      const end = readableEnd(endProp);
      // ical.js has already rewritten the text ("None" → "None--T::"), so the value is not quoted back.
      if (!end) return this.ignore('DTEND is not a date or date-time');
      // DTSTART = DTEND on dates (seen in Outlook exports) means one day, like a missing DTEND.
      const ms = this.allDay
        ? Date.UTC(end.year, end.month - 1, end.day) - Date.UTC(this.start.year, this.start.month - 1, this.start.day)
        : (end.isDate ? this.zones.instant(end, this.tzid) : this.zones.instant(end, tzidOf(endProp))).getTime() - this.zones.instant(this.start, this.tzid).getTime();
      if (ms < 0) throw new Error(`DTEND ${end.toString()} is before DTSTART ${this.start.toString()}`);
      return ms <= MAX_DATE_SPAN_MS ? ms : this.ignore(`DTEND ${end.toString()} is further than any calendar can hold`);
    }
    const duration = event.getFirstPropertyValue('duration') as ICAL.Duration | null;
    if (!duration) return null;
    const ms = duration.toSeconds() * 1000;
    return ms <= MAX_DATE_SPAN_MS ? ms : this.ignore(`DURATION ${duration.toString()} is longer than any calendar can hold`);
  }

  private ignore(what: string): null {
    this.notes.push(`${what}; it was ignored and the event given the length RFC 5545 §3.6.1 gives an event without an end`);
    return null;
  }

  /** The instance starting at wall-clock `time` (in this event's zone). */
  instanceAt(time: ICAL.Time, key?: string): Instance {
    if (this.allDay) {
      // Local midnights in the event's zone; the dates themselves need no zone arithmetic.
      const endDay = new Date(Date.UTC(time.year, time.month - 1, time.day + this.durationDays));
      const startDate = new Date(Date.UTC(time.year, time.month - 1, time.day)).toISOString().slice(0, 10);
      const endDate = endDay.toISOString().slice(0, 10);
      const start = new Date(this.zones.wallToUtc(time.year, time.month, time.day, 0, 0, 0, this.zoneName));
      const end = new Date(this.zones.wallToUtc(endDay.getUTCFullYear(), endDay.getUTCMonth() + 1, endDay.getUTCDate(), 0, 0, 0, this.zoneName));
      return { start, end, allDay: true, startDate, endDate, key: key ?? compactDate(startDate) };
    }
    const start = this.zones.instant(time, this.tzid);
    return { start, end: new Date(start.getTime() + this.durationMs), allDay: false, startDate: null, endDate: null, key: key ?? compactUtc(start) };
  }

  /** A timed instance starting at an instant; an RDATE PERIOD brings its own end (RFC 5545 §3.8.5.2). */
  instanceFrom(start: Date, end?: Date): Instance {
    return { start, end: end ?? new Date(start.getTime() + this.durationMs), allDay: false, startDate: null, endDate: null, key: compactUtc(start) };
  }

  /** Local date of an instant in this event's zone, to match DATE-valued EXDATE / RECURRENCE-ID against timed instances. */
  localDate(instant: Date): string {
    const w = this.wallOf(instant);
    return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
  }

  /** An instant on this event's wall clock (a UTC DTSTART reads in the feed's default zone). */
  wallOf(instant: Date): WallTime {
    return this.zones.wallOf(instant, this.tzid === 'Z' ? null : this.tzid);
  }
}

/** Makes UNTIL comparable with a floating DTSTART: RFC 5545 says a UTC UNTIL bounds local DTSTARTs by instant. */
function alignUntil(rule: ICAL.Recur, timing: Timing): void {
  const until = rule.until;
  if (!until) return;
  if (timing.allDay) {
    if (!until.isDate) {
      const local = until.zone === ICAL.Timezone.utcTimezone ? timing.wallOf(timing.zones.instant(until, 'Z')) : until;
      rule.until = ICAL.Time.fromData({ year: local.year, month: local.month, day: local.day, isDate: true });
    }
    return;
  }
  if (until.isDate) {
    rule.until = ICAL.Time.fromData({ year: until.year, month: until.month, day: until.day, hour: 23, minute: 59, second: 59 });
  } else if (until.zone === ICAL.Timezone.utcTimezone && timing.tzid !== 'Z') {
    // Through the event's own zone (a feed's VTIMEZONE too), or the last instance is lost across a DST change.
    const local = timing.wallOf(timing.zones.instant(until, 'Z'));
    rule.until = ICAL.Time.fromData({ year: local.year, month: local.month, day: local.day, hour: local.hour, minute: local.minute, second: local.second });
  }
}

/**
 * Every instance of a master VEVENT whose start falls in `window` (widened by `margin`, so overrides that
 * move an instance into or out of the window are still matched). RRULEs and RDATEs add instances;
 * EXDATEs remove them (each with its own TZID; a DATE EXDATE removes that local day's instance).
 * Once more than `maxInWindow` instances fall inside the window itself, the rules stop (`capped`):
 * the series is over the per-series limit, and expanding the rest would only be thrown away.
 * Yields after every generated instance, so a caller may give the event loop turns (event-loop.ts).
 */
export function* expandMaster(
  event: ICAL.Component, timing: Timing, window: Window, maxInWindow = Infinity, margin = 31 * DAY_MS,
): Steps<{ instances: Instance[]; truncated: boolean; capped: boolean }> {
  const from = window.from.getTime() - margin;
  const to = window.to.getTime() + margin;
  const byKey = new Map<string, Instance>();
  let truncated = false;
  let capped = false;
  let inWindow = 0;
  const add = (instance: Instance) => {
    const t = instance.start.getTime();
    if (t < from || t >= to) return;
    if (!byKey.has(instance.key) && t >= window.from.getTime() && t < window.to.getTime()) inWindow++;
    byKey.set(instance.key, instance);
  };
  const rules = event.getAllProperties('rrule').map((p) => (p.getFirstValue() as ICAL.Recur).clone());
  // RFC 5545 §3.8.5.3: DTSTART always counts as the first instance, even when the rule would not produce it.
  add(timing.instanceAt(timing.start));
  // Iterate on the wall clock. ical.js attaches zones it has seen to DTSTART, and then compares a
  // floating UNTIL (Outlook, Thunderbird write local UNTILs) as if it were UTC, losing the last instance.
  const wallStart = timing.start.clone();
  if (wallStart.zone !== ICAL.Timezone.utcTimezone) wallStart.zone = ICAL.Timezone.localTimezone;
  for (const rule of rules) {
    alignUntil(rule, timing);
    spellOutYearlyDate(rule, timing.start);
    const iterator = rule.iterator(wallStart.clone());
    let n = 0;
    for (let next = iterator.next(); next; next = iterator.next()) {
      if (++n > MAX_INSTANCES_PER_SERIES) {
        truncated = true;
        break;
      }
      const instance = timing.instanceAt(next);
      if (instance.start.getTime() >= to) break;
      add(instance);
      if (inWindow > maxInWindow) {
        capped = true;
        break;
      }
      yield;
    }
  }
  for (const prop of event.getAllProperties('rdate')) {
    const tzid = tzidOf(prop) ?? timing.tzid;
    for (const value of prop.getValues() as Array<ICAL.Time | ICAL.Period>) {
      const time = value instanceof ICAL.Period ? value.start : value;
      if (timing.allDay || time.isDate) {
        add(timing.instanceAt(time));
        continue;
      }
      // An RDATE may name its own TZID (or be UTC): place it by that, not by DTSTART's zone.
      const start = timing.zones.instant(time, tzid);
      const end = value instanceof ICAL.Period ? periodEnd(value, start, timing, tzid) : undefined;
      add(timing.instanceFrom(start, end));
    }
  }
  for (const prop of event.getAllProperties('exdate')) {
    const tzid = tzidOf(prop);
    for (const value of prop.getValues() as ICAL.Time[]) {
      if (value.isDate) {
        const date = `${value.year}-${String(value.month).padStart(2, '0')}-${String(value.day).padStart(2, '0')}`;
        for (const [key, instance] of byKey) if ((instance.startDate ?? timing.localDate(instance.start)) === date) byKey.delete(key);
      } else if (timing.allDay) {
        byKey.delete(compactDate(wallClock(value, timing.zoneName).toISODate()!));
      } else {
        byKey.delete(compactUtc(timing.zones.instant(value, tzid ?? timing.tzid)));
      }
    }
  }
  return { instances: [...byKey.values()].sort((a, b) => a.start.getTime() - b.start.getTime()), truncated, capped };
}

/** A PERIOD's end: explicit (in the RDATE's zone) or start + its duration; never before its start. */
function periodEnd(period: ICAL.Period, start: Date, timing: Timing, tzid: string | null): Date {
  const end = period.end ? timing.zones.instant(period.end, tzid) : new Date(start.getTime() + (period.duration?.toSeconds() ?? 0) * 1000);
  return end.getTime() >= start.getTime() ? end : start;
}

/** The key of the instance a RECURRENCE-ID names, in the master's terms (see Instance.key). */
export function recurrenceKey(prop: ICAL.Property, master: Timing | null, zones: ZoneResolver): { key: string; date: string } {
  const value = prop.getFirstValue() as ICAL.Time;
  const date = `${value.year}-${String(value.month).padStart(2, '0')}-${String(value.day).padStart(2, '0')}`;
  if (value.isDate || master?.allDay) return { key: compactDate(date), date };
  const tzid = tzidOf(prop) ?? master?.tzid ?? null;
  return { key: compactUtc(zones.instant(value, tzid)), date };
}
