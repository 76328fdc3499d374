import { createHash } from 'node:crypto';
import ICAL from './ical';
import { AdapterError, SkippedItem } from '../adapter';
import { runAtOnce, runPaced, sortInSteps, Steps } from '../../event-loop';
import { seriesCappedSkip } from '../shared/source-limits';
import { expandMaster, Instance, recurrenceKey, Timing, Window } from './icalendar-expand';
import { decodeUtf8, scanFeedSteps } from './icalendar-lines';
import { tzidKey, ZoneResolver } from './icalendar-zones';

/** One occurrence as the feed describes it (text still raw); icalendar.map.ts turns it into our model. */
export interface IcsOccurrence extends Instance {
  uid: string;
  /** Part of a series (RRULE / RDATE / RECURRENCE-ID): the instance key joins the UID in the external id. */
  recurring: boolean;
  /** The RECURRENCE-ID this occurrence carries, when it came from an override. */
  overridden: boolean;
  timezone: string;
  summary: string | null;
  description: string | null;
  location: string | null;
  geo: { lat: number; lon: number } | null;
  url: string | null;
  categories: string[];
  status: string | null;
}

export interface ParsedCalendar {
  /** NAME (RFC 7986) or X-WR-CALNAME. */
  name: string | null;
  /** X-WR-TIMEZONE when it names a known zone. */
  timezone: string | null;
  occurrences: IcsOccurrence[];
  skipped: SkippedItem[];
  /** What was read leniently, each naming its line (PullResult.notes). */
  notes: string[];
}

export interface ParseOptions {
  /** Zone for floating times when the feed has no X-WR-TIMEZONE (the partner's zone). */
  defaultTimezone: string;
  window: Window;
  /** SYNC_MAX_OCCURRENCES_PER_SERIES: a series keeps its first this-many occurrences in the window; expansion stops there. */
  maxOccurrencesPerSeries?: number;
}

const text = (c: ICAL.Component, name: string): string | null => {
  const value = c.getFirstPropertyValue(name);
  return value == null || value === '' ? null : String(value);
};

/**
 * Pure: iCalendar bytes → occurrences inside the window. Structural problems (not iCalendar, truncated,
 * invalid RRULE) throw an AdapterError naming the line; a VEVENT that cannot be used is skipped with
 * the reason and the rest of the feed is kept.
 */
export function parseICalendar(raw: string | Buffer, options: ParseOptions): ParsedCalendar {
  return runAtOnce(parseSteps(raw, options));
}

/** parseICalendar giving the event loop a turn every few milliseconds: for syncs inside the server. */
export function parseICalendarPaced(raw: string | Buffer, options: ParseOptions): Promise<ParsedCalendar> {
  return runPaced(parseSteps(raw, options));
}

function* parseSteps(raw: string | Buffer, options: ParseOptions): Steps<ParsedCalendar> {
  const maxPerSeries = options.maxOccurrencesPerSeries ?? Infinity;
  const source = typeof raw === 'string' ? raw : decodeUtf8(raw);
  const scanned = yield* scanFeedSteps(source);
  // Each calendar's own properties first (roots[0] is the first calendar's), then its children part by
  // part: the VEVENTs and VTIMEZONEs of all roots together are those of the feed, in document order.
  const roots: ICAL.Component[] = [];
  try {
    for (const part of scanned.calendars.flatMap((c) => [c.header, ...c.parts])) {
      const jcal = ICAL.parse(part);
      roots.push(...(Array.isArray(jcal[0]) ? (jcal as unknown[]) : [jcal]).map((j) => new ICAL.Component(j as never)));
      yield;
    }
  } catch (error) {
    throw new AdapterError(`Could not parse the iCalendar feed: ${(error as Error).message}`);
  }
  const calendar = roots[0];
  const xwrZone = ZoneResolver.ianaOf(text(calendar, 'x-wr-timezone'));
  const vtimezones = new Map<string, ICAL.Timezone>();
  for (const root of roots) {
    for (const vtz of root.getAllSubcomponents('vtimezone')) {
      const tz = new ICAL.Timezone(vtz);
      if (tz.tzid) vtimezones.set(tzidKey(tz.tzid), tz);
    }
  }
  const zones = new ZoneResolver(vtimezones, xwrZone ?? options.defaultTimezone);
  const skipped: SkippedItem[] = [];
  const occurrences: IcsOccurrence[] = [];
  const notes = [...scanned.notes];
  const noteIgnored = (timing: Timing, line: number, uid: string) => notes.push(...timing.notes.map((n) => `VEVENT at line ${line} (UID ${uid}): ${n}.`));

  // Google re-publishes an edited event or instance and keeps the old copy: the higher SEQUENCE wins (RFC 5545 §3.8.7.4).
  const sequenceOf = (c: ICAL.Component) => Number(c.getFirstPropertyValue('sequence') ?? 0) || 0;
  // Group by UID: the master (no RECURRENCE-ID) and its overrides, which may come before it (Google does that).
  const groups = new Map<string, { master: { c: ICAL.Component; line: number } | null; overrides: { c: ICAL.Component; line: number }[] }>();
  const vevents = roots.flatMap((r) => r.getAllSubcomponents('vevent'));
  for (const [i, c] of vevents.entries()) {
    yield;
    const line = scanned.veventLines[i] ?? 0;
    const uid = text(c, 'uid') ?? syntheticUid(c);
    const problem = scanned.veventProblems.get(i);
    if (problem) {
      skipped.push({ externalId: uid, reason: `VEVENT at line ${line} (UID ${uid}): ${problem}` });
      continue;
    }
    const group = groups.get(uid) ?? { master: null, overrides: [] };
    groups.set(uid, group);
    if (c.hasProperty('recurrence-id')) group.overrides.push({ c, line });
    // A revised copy of an event (RFC 5545 §3.8.7.4: a higher SEQUENCE) replaces the copy it revises,
    // wherever each stands in the feed; two copies of one revision are a conflict, and the second is skipped.
    else if (!group.master || sequenceOf(c) > sequenceOf(group.master.c)) group.master = { c, line };
    else if (sequenceOf(c) === sequenceOf(group.master.c)) {
      skipped.push({ externalId: uid, reason: `VEVENT at line ${line}: duplicate UID ${uid} (first defined at line ${group.master.line}).` });
    }
  }

  for (const [uid, group] of groups) {
    let masterTiming: Timing | null = null;
    let cappedWhileExpanding = false;
    const series = new Map<string, IcsOccurrence>();
    const recurring = group.overrides.length > 0 || (group.master != null && (group.master.c.hasProperty('rrule') || group.master.c.hasProperty('rdate')));
    if (group.master) {
      try {
        masterTiming = new Timing(group.master.c, zones);
        noteIgnored(masterTiming, group.master.line, uid);
        const { instances, truncated, capped } = yield* expandMaster(group.master.c, masterTiming, options.window, maxPerSeries);
        cappedWhileExpanding = capped;
        if (truncated) skipped.push({ externalId: uid, reason: `VEVENT at line ${group.master.line}: recurrence expansion stopped after too many instances.` });
        for (const instance of instances) series.set(instance.key, occurrenceOf(uid, group.master.c, null, instance, masterTiming, recurring));
      } catch (error) {
        skipped.push({ externalId: uid, reason: `VEVENT at line ${group.master.line} (UID ${uid}): ${(error as Error).message}.` });
        continue;
      }
    }
    const overriddenBy = new Map<string, ICAL.Component>();
    for (const override of group.overrides) {
      try {
        const rid = recurrenceKey(override.c.getFirstProperty('recurrence-id')!, masterTiming, zones);
        // A DATE RECURRENCE-ID against a timed master names that local day's instance.
        const key = series.has(rid.key) ? rid.key
          : [...series.values()].find((o) => !o.allDay && masterTiming && masterTiming.localDate(o.start) === rid.date && rid.key.length === 8)?.key ?? rid.key;
        const earlier = overriddenBy.get(key);
        if (earlier && sequenceOf(earlier) > sequenceOf(override.c)) continue;
        overriddenBy.set(key, override.c);
        const timing = new Timing(override.c, zones);
        noteIgnored(timing, override.line, uid);
        const instance = { ...timing.instanceAt(timing.start), key };
        series.set(key, occurrenceOf(uid, override.c, group.master?.c ?? null, instance, timing, true));
      } catch (error) {
        skipped.push({ externalId: uid, reason: `VEVENT at line ${override.line} (UID ${uid}, RECURRENCE-ID): ${(error as Error).message}.` });
      }
    }
    const inWindow = [...series.values()].filter((o) => o.start.getTime() >= options.window.from.getTime() && o.start.getTime() < options.window.to.getTime());
    // Overrides may move instances in, and EXDATEs out, after expansion stopped: the limit is applied to the result.
    if (cappedWhileExpanding || inWindow.length > maxPerSeries) {
      inWindow.sort((a, b) => a.start.getTime() - b.start.getTime()).splice(maxPerSeries);
      skipped.push({ ...seriesCappedSkip(uid, maxPerSeries), line: group.master?.line });
    }
    for (const occurrence of inWindow) occurrences.push(occurrence);
    yield;
  }

  // Code-unit order for equal starts: deterministic, and unlike localeCompare cheap enough for 50,000 items.
  const sorted = yield* sortInSteps(occurrences, (a, b) => a.start.getTime() - b.start.getTime() || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
  return { name: text(calendar, 'name') ?? text(calendar, 'x-wr-calname'), timezone: xwrZone, occurrences: sorted, skipped, notes };
}

type Fields = Pick<IcsOccurrence, 'summary' | 'description' | 'location' | 'geo' | 'url' | 'categories' | 'status'>;
const fieldCache = new WeakMap<ICAL.Component, Fields>();

/** Fields come from the override, falling back to its master (Google repeats them; others do not). Read once per VEVENT. */
function fieldsOf(c: ICAL.Component, master: ICAL.Component | null): Fields {
  const cached = fieldCache.get(c);
  if (cached) return cached;
  const pick = (name: string) => text(c, name) ?? (master ? text(master, name) : null);
  const categoriesOf = (x: ICAL.Component) => x.getAllProperties('categories').flatMap((p) => p.getValues().map((v) => String(v).trim()));
  const categories = categoriesOf(c).length ? categoriesOf(c) : master ? categoriesOf(master) : [];
  const geo = (c.getFirstPropertyValue('geo') ?? master?.getFirstPropertyValue('geo')) as number[] | string | null;
  const geoPair = Array.isArray(geo) ? geo.map(Number) : typeof geo === 'string' ? geo.split(/[;,]/).map(Number) : null;
  const fields: Fields = {
    summary: pick('summary'), description: pick('description'), location: pick('location'),
    geo: geoPair && geoPair.length === 2 && geoPair.every(Number.isFinite) ? { lat: geoPair[0], lon: geoPair[1] } : null,
    url: pick('url'), categories: [...new Set(categories.filter(Boolean))], status: text(c, 'status')?.toUpperCase() ?? null,
  };
  fieldCache.set(c, fields);
  return fields;
}

function occurrenceOf(uid: string, c: ICAL.Component, master: ICAL.Component | null, instance: Instance, timing: Timing, recurring: boolean): IcsOccurrence {
  const fields = fieldsOf(c, master);
  return { ...instance, uid, recurring, overridden: c.hasProperty('recurrence-id'), timezone: timing.zoneName, ...fields, categories: [...fields.categories] };
}

/** RFC 5545 requires UID, but old exporters omit it: derive one from what identifies the event. */
function syntheticUid(c: ICAL.Component): string {
  const basis = [text(c, 'dtstart'), text(c, 'summary'), text(c, 'rrule')].join('|');
  return `no-uid-${createHash('sha256').update(basis).digest('hex').slice(0, 16)}`;
}
