import { DateTime } from 'luxon';
import { AttendanceMode, EventStatus, RegistrationMode } from '../../domain/enums';
import { addDays, resolveLocalTime, startOfLocalDate } from '../shared/local-time';
import { htmlToPlainText } from '../shared/plain-text';
import { EventDetails, NormalizedEvent, NormalizedPlace, SkippedItem } from '../adapter';
import { audiencesOf } from './jsonld.audience';
import { JsonObject } from './jsonld.parse';
import { expandSchedule } from './jsonld.schedule';
import { addressLine, asArray, isObject, numberOf, schemaTerm, textOf, typesOf, urlOf } from './jsonld.values';
import { webUrl } from '../../domain/web-url';

export interface JsonLdMapContext {
  zone: string;
  window: { from: Date; to: Date };
}

export interface JsonLdMapResult {
  events: NormalizedEvent[];
  skipped: SkippedItem[];
}

/** https://schema.org/EventStatusType — all five values. */
const STATUS: Record<string, EventStatus> = {
  EventScheduled: EventStatus.SCHEDULED,
  EventCancelled: EventStatus.CANCELLED,
  EventPostponed: EventStatus.POSTPONED,
  EventRescheduled: EventStatus.RESCHEDULED,
  EventMovedOnline: EventStatus.MOVED_ONLINE,
};

const MODE: Record<string, AttendanceMode> = {
  OfflineEventAttendanceMode: AttendanceMode.OFFLINE,
  OnlineEventAttendanceMode: AttendanceMode.ONLINE,
  MixedEventAttendanceMode: AttendanceMode.MIXED,
};

/** Subtypes that say what kind of program it is; kept as a category. */
const TYPE_CATEGORY: Record<string, string> = {
  ExhibitionEvent: 'Exhibition', ChildrensEvent: 'Children', EducationEvent: 'Education', MusicEvent: 'Music',
  TheaterEvent: 'Theater', ScreeningEvent: 'Screening', ComedyEvent: 'Comedy', DanceEvent: 'Dance',
  LiteraryEvent: 'Literary', SocialEvent: 'Social', SportsEvent: 'Sports', VisualArtsEvent: 'Visual arts',
  FoodEvent: 'Food', BusinessEvent: 'Business', Festival: 'Festival', Hackathon: 'Hackathon', CourseInstance: 'Course',
};

export const isEventType = (types: string[]): boolean =>
  types.some((t) => t === 'Event' || t.endsWith('Event') || t === 'EventSeries' || t in TYPE_CATEGORY);

/** Fields a sub-event inherits from its EventSeries when it does not state them itself. */
const INHERITED = ['location', 'organizer', 'offers', 'image', 'audience', 'typicalAgeRange', 'description', 'eventAttendanceMode', 'url', 'keywords'];

function placeOf(location: unknown): { place: NormalizedPlace | null; online: boolean; offline: boolean; virtualUrl: string | null } {
  let place: NormalizedPlace | null = null;
  let online = false;
  let offline = false;
  let virtualUrl: string | null = null;
  for (const item of asArray(location)) {
    if (typeof item === 'string' && item.trim()) {
      offline = true;
      place ??= { name: item.trim(), address: null, lat: null, lon: null };
      continue;
    }
    if (!isObject(item)) continue;
    if (typesOf(item).includes('VirtualLocation')) {
      online = true;
      virtualUrl ??= urlOf(item.url);
      continue;
    }
    offline = true;
    if (place) continue;
    const geo = asArray(item.geo).find(isObject);
    const address = addressLine(item.address);
    const name = textOf(item.name) ?? address;
    if (!name) continue;
    place = {
      name, address,
      lat: geo ? numberOf(geo.latitude) : numberOf(item.latitude),
      lon: geo ? numberOf(geo.longitude) : numberOf(item.longitude),
    };
  }
  return { place, online, offline, virtualUrl };
}

function registrationOf(node: JsonObject, fallbackUrl: string | null): NormalizedEvent['registration'] {
  const offers = asArray(node.offers).filter(isObject);
  const offerUrl = offers.map((o) => urlOf(o.url)).find(Boolean) ?? null;
  const capacity = numberOf(node.maximumAttendeeCapacity);
  const remaining = numberOf(node.remainingAttendeeCapacity);
  const soldOut = offers.length > 0 && offers.every((o) => schemaTerm(o.availability) === 'SoldOut');
  if (capacity === null && remaining === null && !offerUrl) {
    return { mode: RegistrationMode.NONE, url: null, capacity: null, confirmed: null };
  }
  let confirmed: number | null = null;
  if (capacity !== null && remaining !== null) confirmed = Math.max(0, capacity - remaining);
  else if (capacity !== null && soldOut) confirmed = capacity;
  return { mode: RegistrationMode.EXTERNAL, url: offerUrl ?? fallbackUrl, capacity, confirmed };
}

/** offers (price, currency, url, availability), previousStartDate and organizer, kept as details. */
function detailsOf(node: JsonObject, zone: string): EventDetails {
  const previous = resolveLocalTime(textOf(node.previousStartDate), zone);
  const organizer = asArray(node.organizer)[0];
  return {
    previousStartsAt: previous ? (previous.allDay ? startOfLocalDate(previous.date, zone) : previous.instant) : null,
    offers: asArray(node.offers).filter(isObject).map((o) => ({
      name: textOf(o.name), price: numberOf(o.price), currency: textOf(o.priceCurrency),
      url: urlOf(o.url), availability: schemaTerm(o.availability),
    })),
    organizerName: typeof organizer === 'string' ? organizer.trim() || null : isObject(organizer) ? textOf(organizer.name) : null,
  };
}

function categoriesOf(node: JsonObject, types: string[]): string[] {
  const keywords = asArray(node.keywords).flatMap((k) => (typeof k === 'string' ? k.split(',') : [textOf(k) ?? '']));
  const all = [...types.map((t) => TYPE_CATEGORY[t]).filter(Boolean), ...keywords.map((k) => k.trim()).filter(Boolean)];
  return [...new Set(all)];
}

interface Timing {
  startsAt: Date; endsAt: Date; allDay: boolean; startDate: string | null; endDate: string | null; timezone: string;
}

/** startDate/endDate: with an offset, without (partner zone), or date-only (all-day, endDate inclusive). */
function timingOf(node: JsonObject, zone: string): Timing | string {
  const startText = textOf(node.startDate);
  if (!startText) return 'no startDate';
  const start = resolveLocalTime(startText, zone);
  if (!start) return `unreadable startDate ${JSON.stringify(startText)}`;
  const end = resolveLocalTime(textOf(node.endDate), zone);
  if (start.allDay) {
    // schema.org endDate is the last day (inclusive); we keep RFC 5545's exclusive end date.
    const lastDay = end ? (end.allDay ? end.date : DateTime.fromJSDate(end.instant, { zone }).toISODate()!) : start.date;
    const endDate = addDays(lastDay < start.date ? start.date : lastDay, 1);
    return {
      startsAt: startOfLocalDate(start.date, zone), endsAt: startOfLocalDate(endDate, zone),
      allDay: true, startDate: start.date, endDate, timezone: zone,
    };
  }
  let endsAt = end ? (end.allDay ? startOfLocalDate(addDays(end.date, 1), zone) : end.instant) : start.instant;
  if (endsAt < start.instant) endsAt = start.instant;
  return { startsAt: start.instant, endsAt, allDay: false, startDate: null, endDate: null, timezone: zone };
}

function baseEvent(node: JsonObject, types: string[], externalId: string, seriesKey: string | null, timing: Timing): NormalizedEvent {
  const { place, online, offline, virtualUrl } = placeOf(node.location);
  const statedMode = MODE[schemaTerm(node.eventAttendanceMode) ?? ''];
  const attendanceMode = statedMode ?? (online && offline ? AttendanceMode.MIXED : online ? AttendanceMode.ONLINE : AttendanceMode.OFFLINE);
  const url = urlOf(node.url) ?? virtualUrl;
  return {
    externalId, seriesKey,
    // CMSs often HTML-escape inside JSON-LD ("Lock &amp; Dam"); titles are stored as plain text.
    title: htmlToPlainText(textOf(node.name)) ?? textOf(node.name)!,
    description: htmlToPlainText(textOf(node.description)),
    ...timing,
    status: STATUS[schemaTerm(node.eventStatus) ?? ''] ?? EventStatus.SCHEDULED,
    attendanceMode,
    ...audiencesOf(node, types),
    categories: categoriesOf(node, types),
    url,
    imageUrl: urlOf(node.image),
    place,
    registration: registrationOf(node, url),
    details: detailsOf(node, timing.timezone),
  };
}

function idOf(node: JsonObject): string | null {
  return (typeof node['@id'] === 'string' && node['@id']) || webUrl(urlOf(node.url)) || null;
}

/** One event node (maybe a series with sub-events or a schedule) → occurrences. */
function mapNode(node: JsonObject, ctx: JsonLdMapContext, out: JsonLdMapResult, seriesKey: string | null): void {
  const types = typesOf(node);
  const name = textOf(node.name);
  const id = idOf(node);
  if (!name) {
    out.skipped.push({ externalId: id, reason: `${types.join('/') || 'Event'} without a name` });
    return;
  }
  const subEvents = asArray(node.subEvent).filter(isObject);
  if (subEvents.length) {
    const key = id ?? `series:${name}`;
    for (const sub of subEvents) {
      const merged: JsonObject = { ...sub };
      for (const field of INHERITED) if (merged[field] === undefined && node[field] !== undefined) merged[field] = node[field];
      if (!merged['@type']) merged['@type'] = 'Event';
      mapNode(merged, ctx, out, key);
    }
    return;
  }
  const schedules = asArray(node.eventSchedule).filter(isObject);
  if (schedules.length) {
    const key = id ?? `schedule:${name}`;
    const before = out.events.length;
    for (const schedule of schedules) {
      for (const occ of expandSchedule(schedule, ctx.zone, ctx.window, node.duration)) {
        const timing: Timing = occ.allDay
          ? { startsAt: occ.start.toJSDate(), endsAt: occ.start.plus({ days: 1 }).toJSDate(), allDay: true, startDate: occ.start.toISODate(), endDate: occ.start.plus({ days: 1 }).toISODate(), timezone: occ.zone }
          : { startsAt: occ.start.toJSDate(), endsAt: occ.end.toJSDate(), allDay: false, startDate: null, endDate: null, timezone: occ.zone };
        out.events.push(baseEvent(node, types, `${key}#${occ.start.toISO({ includeOffset: false, suppressMilliseconds: true })}`, key, timing));
      }
    }
    if (out.events.length === before && !textOf(node.startDate)) {
      out.skipped.push({ externalId: id, reason: `"${name}": its eventSchedule has no occurrence in the sync window` });
    }
    if (out.events.length > before || !textOf(node.startDate)) return;
  }
  const timing = timingOf(node, ctx.zone);
  if (typeof timing === 'string') {
    out.skipped.push({ externalId: id, reason: `"${name}": ${timing}` });
    return;
  }
  out.events.push(baseEvent(node, types, id ?? `${name}#${textOf(node.startDate)}`, seriesKey, timing));
}

const PLACE_TYPES = /(Place|Museum|Library|Venue|Building|Hall|Center|Centre|Park|Theater|Gallery)$/;

/**
 * Event nodes wherever listing pages put them: top level, an ItemList's itemListElement (item or the
 * element itself), or nested under another node's `event` / `events` (a Museum or Place listing its
 * events inherits as their location when they name none). Bounded depth.
 */
function eventNodes(nodes: unknown[], depth: number): JsonObject[] {
  if (depth > 3) return [];
  return nodes.filter(isObject).flatMap((node) => {
    const types = typesOf(node);
    if (isEventType(types)) return [node];
    const listed = asArray(node.itemListElement).filter(isObject).map((el) => (isObject(el.item) ? el.item : el));
    const hosted = asArray(node.event ?? node.events).filter(isObject).map((ev) => (
      ev.location === undefined && types.some((t) => PLACE_TYPES.test(t)) ? { ...ev, location: node } : ev));
    return eventNodes([...listed, ...hosted], depth + 1);
  });
}

/**
 * Maps the event nodes of a JSON-LD document to occurrences. Non-event nodes (Organization,
 * WebPage, BreadcrumbList...) are ignored silently; events without a usable start are skipped with
 * a reason. Duplicate ids (two events sharing a page url) get their start appended.
 */
export function mapJsonLdEvents(nodes: JsonObject[], ctx: JsonLdMapContext): JsonLdMapResult {
  const out: JsonLdMapResult = { events: [], skipped: [] };
  for (const node of eventNodes(nodes, 0)) mapNode(node, ctx, out, null);
  const seen = new Map<string, number>();
  for (const event of out.events) {
    const n = seen.get(event.externalId) ?? 0;
    seen.set(event.externalId, n + 1);
    if (n > 0) event.externalId = `${event.externalId}#${event.startsAt.toISOString()}`;
  }
  return out;
}
