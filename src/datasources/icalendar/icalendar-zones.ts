import ICAL from './ical';
import { DateTime, FixedOffsetZone, IANAZone, Info, Zone as LuxonZone } from 'luxon';
import { findIana } from 'windows-iana';
import { VtimezoneOffsets } from './icalendar-vtimezone';

/**
 * Turns a TZID into a way to read wall-clock times. In order of trust:
 *  1. an IANA name (also the tail of prefixed ids such as "/mozilla.org/20050126_1/America/New_York");
 *  2. a Windows zone name ("W. Europe Standard Time", Exchange/Outlook) through the CLDR mapping
 *     in windows-iana — the file's VTIMEZONE often only holds today's rule anchored at 1601;
 *  3. the feed's own VTIMEZONE (Outlook display names like "(GMT+10.00) Canberra, Melbourne, Sydney");
 *  4. a raw offset ("GMT+0200", "UTC-05:00");
 *  5. otherwise the default zone (X-WR-TIMEZONE, else the partner's), never silently UTC.
 */
export type Zone =
  | { kind: 'named'; name: string }
  | { kind: 'vtimezone'; name: string; offsets: VtimezoneOffsets };

/** A wall-clock reading of an instant. */
export interface WallTime { year: number; month: number; day: number; hour: number; minute: number; second: number }

/**
 * The identity of a TZID, for matching DTSTART;TZID=... against a VTIMEZONE's TZID. Exchange quotes
 * the VTIMEZONE's own TZID value too (TZID:"Mitteleuropäische Zeit"), though the quotes are only
 * parameter syntax (RFC 5545 §3.2.19, §3.1.1), and macOS writers may store a non-ASCII name decomposed
 * (NFD) in one place and composed in the other: both name the same zone.
 */
export function tzidKey(tzid: string): string {
  return tzid.trim().replace(/^"(.*)"$/, '$1').normalize('NFC');
}

const RAW_OFFSET = /^(?:GMT|UTC)?\s*([+-])(\d{1,2}):?(\d{2})?$/i;

export class ZoneResolver {
  private readonly cache = new Map<string, Zone>();
  /** Per parse: zone|local date → its UTC offset when constant all day (nearly always), else null. */
  private readonly dayOffsets = new Map<string, number | null>();
  private readonly luxonZones = new Map<string, LuxonZone>();
  readonly defaultZone: string;

  /** vtimezones: keyed by tzidKey of their TZID. */
  constructor(private readonly vtimezones: Map<string, ICAL.Timezone>, defaultZone: string) {
    this.defaultZone = defaultZone;
  }

  static ianaOf(tzid: string | null | undefined): string | null {
    if (!tzid) return null;
    const id = tzid.trim().replace(/^"|"$/g, '');
    if (IANAZone.isValidZone(id)) return id;
    const tail = /([A-Za-z_]+\/[A-Za-z_+\-0-9]+(?:\/[A-Za-z_+\-0-9]+)?)$/.exec(id)?.[1];
    if (tail && IANAZone.isValidZone(tail)) return tail;
    const windows = findIana(id)[0];
    if (windows) return windows;
    const raw = RAW_OFFSET.exec(id);
    if (raw) {
      const minutes = (Number(raw[2]) * 60 + Number(raw[3] ?? 0)) * (raw[1] === '-' ? -1 : 1);
      return FixedOffsetZone.instance(minutes).name;
    }
    return null;
  }

  /** null / floating → the default zone. */
  zone(tzid: string | null): Zone {
    if (!tzid || tzid === 'floating') return { kind: 'named', name: this.defaultZone };
    if (tzid === 'Z' || tzid === 'UTC') return { kind: 'named', name: 'UTC' };
    let zone = this.cache.get(tzid);
    if (!zone) {
      const iana = ZoneResolver.ianaOf(tzid);
      const vtz = this.vtimezones.get(tzidKey(tzid));
      zone = iana ? { kind: 'named', name: iana }
        : vtz ? { kind: 'vtimezone', name: ZoneResolver.ianaOf(locationOf(vtz)) ?? this.defaultZone, offsets: new VtimezoneOffsets(componentOf(vtz)) }
          : { kind: 'named', name: this.defaultZone };
      this.cache.set(tzid, zone);
    }
    return zone;
  }

  /** The instant of a wall-clock time in the zone its TZID names (UTC times are instants already). */
  instant(time: ICAL.Time, tzid: string | null): Date {
    if (time.zone === ICAL.Timezone.utcTimezone) return new Date(Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second));
    const zone = this.zone(tzid);
    if (zone.kind === 'vtimezone') {
      return new Date(zone.offsets.wallToUtc(time.isDate ? Date.UTC(time.year, time.month - 1, time.day) : Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second)));
    }
    return new Date(time.isDate ? this.wallToUtc(time.year, time.month, time.day, 0, 0, 0, zone.name) : this.wallToUtc(time.year, time.month, time.day, time.hour, time.minute, time.second, zone.name));
  }

  /**
   * Wall clock → UTC in a named zone. Asking the zone database (Intl) for every one of 10,000
   * occurrences dominated parsing, so the offset is looked up once per local day and reused for every
   * time on that day, unless the offset changes within it (a DST day): those go through luxon exactly.
   */
  wallToUtc(year: number, month: number, dayOfMonth: number, hour: number, minute: number, second: number, name: string): number {
    const day = Date.UTC(year, month - 1, dayOfMonth);
    const key = `${name}|${day}`;
    let offset = this.dayOffsets.get(key);
    if (offset === undefined) {
      let zone = this.luxonZones.get(name);
      if (!zone) {
        zone = Info.normalizeZone(name);
        this.luxonZones.set(name, zone);
      }
      const before = zone.offset(day - 14 * 3_600_000);
      const after = zone.offset(day + 38 * 3_600_000);
      offset = before === after ? before : null;
      this.dayOffsets.set(key, offset);
    }
    if (offset === null) return DateTime.fromObject({ year, month, day: dayOfMonth, hour, minute, second }, { zone: name }).toMillis();
    return Date.UTC(year, month - 1, dayOfMonth, hour, minute, second) - offset * 60_000;
  }

  /** The wall clock an instant shows in the zone a TZID names (null: the default zone). */
  wallOf(instant: Date, tzid: string | null): WallTime {
    const zone = this.zone(tzid);
    if (zone.kind === 'vtimezone') {
      const w = new Date(zone.offsets.utcToWall(instant.getTime()));
      return { year: w.getUTCFullYear(), month: w.getUTCMonth() + 1, day: w.getUTCDate(), hour: w.getUTCHours(), minute: w.getUTCMinutes(), second: w.getUTCSeconds() };
    }
    const { year, month, day, hour, minute, second } = DateTime.fromJSDate(instant, { zone: zone.name });
    return { year, month, day, hour, minute, second };
  }

  /** The IANA-ish name stored on the event. */
  nameOf(tzid: string | null, utc: boolean): string {
    return utc ? this.defaultZone : this.zone(tzid).name;
  }
}

export function wallClock(time: ICAL.Time, zone: string): DateTime {
  return DateTime.fromObject(
    { year: time.year, month: time.month, day: time.day, hour: time.isDate ? 0 : time.hour, minute: time.isDate ? 0 : time.minute, second: time.isDate ? 0 : time.second },
    { zone },
  );
}

const componentOf = (tz: ICAL.Timezone) => (tz as unknown as { component: ICAL.Component }).component;

function locationOf(tz: ICAL.Timezone): string | null {
  return (componentOf(tz)?.getFirstPropertyValue('x-lic-location') as string | null) ?? null;
}
