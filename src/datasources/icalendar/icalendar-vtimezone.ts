import ICAL from './ical';

/**
 * A feed's own VTIMEZONE as UTC transitions (RFC 5545 §3.6.5), for TZIDs no zone database knows
 * (Outlook display names, custom or historical zones). ical.js's Timezone is not used for this: it
 * drops the seconds of a UTC offset (LMT zones such as +001932) and ignores an observance's DTSTART
 * onset when the observance also lists RDATEs.
 */
interface Transition { at: number; offset: number }

/** Onsets are generated this far; later instants keep the last rule's offset. */
const LAST_YEAR = 2200;
const MAX_ONSETS_PER_OBSERVANCE = 2_000;

/** A UTC-OFFSET in seconds from its jCal text ("+00:19:32", "-05:00"); null when unreadable. */
export function offsetSeconds(text: unknown): number | null {
  const m = /^([+-])(\d{2}):?(\d{2})(?::?(\d{2}))?$/.exec(String(text ?? '').trim());
  if (!m) return null;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0));
}

const wallMs = (t: ICAL.Time) => Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);

export class VtimezoneOffsets {
  private readonly transitions: Transition[] = [];
  /** Offset before the first transition. */
  private readonly initial: number;

  constructor(component: ICAL.Component) {
    for (const observance of [...component.getAllSubcomponents('standard'), ...component.getAllSubcomponents('daylight')]) {
      const from = offsetSeconds(observance.getFirstProperty('tzoffsetfrom')?.toJSON()[3]);
      const to = offsetSeconds(observance.getFirstProperty('tzoffsetto')?.toJSON()[3]);
      const start = observance.getFirstPropertyValue('dtstart') as ICAL.Time | null;
      if (to === null || !start) continue;
      const before = from ?? to;
      const onset = (t: ICAL.Time) => this.transitions.push({ at: t.zone === ICAL.Timezone.utcTimezone ? wallMs(t) : wallMs(t) - before * 1000, offset: to });
      onset(start);
      for (const prop of observance.getAllProperties('rdate')) {
        for (const value of prop.getValues() as Array<ICAL.Time | ICAL.Period>) onset(value instanceof ICAL.Period ? value.start : value);
      }
      const rule = (observance.getFirstPropertyValue('rrule') as ICAL.Recur | null)?.clone();
      if (rule) {
        if (rule.until && rule.until.zone === ICAL.Timezone.utcTimezone) {
          // Onsets are wall-clock times in TZOFFSETFROM; a UTC UNTIL must be read on that clock too.
          const wall = new Date(wallMs(rule.until) + before * 1000);
          rule.until = ICAL.Time.fromData({ year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate(), hour: wall.getUTCHours(), minute: wall.getUTCMinutes(), second: wall.getUTCSeconds() });
        }
        const iterator = rule.iterator(start.clone());
        let n = 0;
        for (let next = iterator.next(); next && next.year <= LAST_YEAR && ++n <= MAX_ONSETS_PER_OBSERVANCE; next = iterator.next()) onset(next);
      }
    }
    this.transitions.sort((a, b) => a.at - b.at);
    this.initial = this.offsetBeforeFirst(component);
  }

  private offsetBeforeFirst(component: ICAL.Component): number {
    // The earliest observance's TZOFFSETFROM is what was in force before it.
    let best: { at: number; from: number } | null = null;
    for (const observance of component.getAllSubcomponents()) {
      const start = observance.getFirstPropertyValue('dtstart') as ICAL.Time | null;
      const from = offsetSeconds(observance.getFirstProperty('tzoffsetfrom')?.toJSON()[3]);
      if (start && from !== null && (!best || wallMs(start) < best.at)) best = { at: wallMs(start), from };
    }
    return best?.from ?? this.transitions[0]?.offset ?? 0;
  }

  /** UTC offset in seconds in force at a UTC instant (ms). */
  offsetAt(utcMs: number): number {
    let lo = 0;
    let hi = this.transitions.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.transitions[mid].at <= utcMs) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found < 0 ? this.initial : this.transitions[found].offset;
  }

  /**
   * A wall-clock time (as if UTC, in ms) → the UTC instant. RFC 5545 §3.3.5: a time that occurs twice
   * means the first; a time skipped by a change is read with the offset before it.
   */
  wallToUtc(wall: number): number {
    const early = this.offsetAt(wall - 26 * 3_600_000);
    const late = this.offsetAt(wall + 26 * 3_600_000);
    const asEarly = wall - early * 1000;
    if (early === late) return asEarly;
    const asLate = wall - late * 1000;
    const earlyFits = this.offsetAt(asEarly) === early;
    const lateFits = this.offsetAt(asLate) === late;
    if (earlyFits && lateFits) return Math.min(asEarly, asLate);
    return lateFits && !earlyFits ? asLate : asEarly;
  }

  /** UTC instant → wall clock (as if UTC, in ms). */
  utcToWall(utcMs: number): number {
    return utcMs + this.offsetAt(utcMs) * 1000;
  }
}
