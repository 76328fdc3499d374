import { DateTime } from 'luxon';
import { AttendanceMode, EventStatus, RegistrationMode } from '../../domain/enums';
import { addDays, resolveLocalTime, startOfLocalDate } from '../shared/local-time';
import { htmlToPlainText } from '../shared/plain-text';
import { NormalizedEvent, NormalizedPlace, SkippedItem } from '../adapter';
import { libcalAudiences } from './libcal.audience';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null);
/** LibCal sends counts as numbers, numeric strings, or "" for "not set". */
const count = (v: unknown): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() ? Number(v) : NaN;
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : null;
};
/** LibCal 1.1 sends `wait_list` as a boolean, some payloads as 0/1 (or "0"/"1"); anything else is "not said". */
const flag = (v: unknown): boolean | null => {
  if (v === true || v === 1 || v === '1' || v === 'true') return true;
  if (v === false || v === 0 || v === '0' || v === 'false') return false;
  return null;
};
/** `location` / `campus` arrive as an object, an array of objects, or "" when unset. */
const first = (v: unknown): Json | null => (Array.isArray(v) ? v.find(isObject) ?? null : isObject(v) ? v : null);
const names = (v: unknown): string[] => (Array.isArray(v) ? v : [v]).map((x) => (isObject(x) ? str(x.name) : str(x))).filter((x): x is string => !!x);

/**
 * Fields we never read, so they can reach no stored or public field: meeting passwords and host
 * links (online_join_password, online_host_url), staff notes (internal_notes) and the admin URL.
 * The join URL too: LibCal shows it only to registrants.
 */
export const LIBCAL_PRIVATE_FIELDS = ['online_join_password', 'online_host_url', 'online_join_url', 'internal_notes', 'url.admin'];

function placeOf(ev: Json): NormalizedPlace | null {
  const location = first(ev.location);
  const campus = first(ev.campus);
  const locationName = location ? str(location.name) : null;
  const campusName = campus ? str(campus.name) : null;
  const name = locationName ?? campusName;
  if (!name) return null;
  return {
    name,
    address: locationName && campusName ? campusName : null,
    lat: null, lon: null,
    code: location && str(location.id) ? `libcal-location:${str(location.id)}` : campus && str(campus.id) ? `libcal-campus:${str(campus.id)}` : null,
  };
}

function attendanceOf(ev: Json, place: NormalizedPlace | null): AttendanceMode {
  const online = (count(ev.online_seats) ?? 0) > 0 || !!str(ev.online_provider) || !!str(ev.online_join_url);
  const physical = (count(ev.physical_seats) ?? 0) > 0 || place !== null;
  if (online && physical) return AttendanceMode.MIXED;
  return online ? AttendanceMode.ONLINE : AttendanceMode.OFFLINE;
}

/**
 * Registration counts as LibCal publishes them: `seats` (0 or "" = unlimited) and `seats_taken`, or
 * the physical/online split when only that is present. The registration itself happens on LibCal.
 */
function registrationOf(ev: Json, url: string | null): NormalizedEvent['registration'] {
  const required = ev.registration === true || ev.registration === 1 || ev.registration === '1';
  if (!required) return { mode: RegistrationMode.NONE, url: null, capacity: null, confirmed: null };
  const split = (a: unknown, b: unknown) => (count(a) === null && count(b) === null ? null : (count(a) ?? 0) + (count(b) ?? 0));
  const seats = count(ev.seats) ?? split(ev.physical_seats, ev.online_seats);
  const taken = count(ev.seats_taken) ?? split(ev.physical_seats_taken, ev.online_seats_taken);
  return { mode: RegistrationMode.EXTERNAL, url, capacity: seats && seats > 0 ? seats : null, confirmed: taken ?? 0 };
}

export interface LibCalMapResult {
  events: NormalizedEvent[];
  skipped: SkippedItem[];
}

/** Maps LibCal 1.1 `/events` items; times with or without offsets (no offset = the library's zone). */
export function mapLibCalEvents(items: unknown[], zone: string): LibCalMapResult {
  const out: LibCalMapResult = { events: [], skipped: [] };
  for (const item of items) {
    if (!isObject(item)) {
      out.skipped.push({ externalId: null, reason: `event is ${Array.isArray(item) ? 'an array' : typeof item}, not an object` });
      continue;
    }
    const id = str(item.id);
    const title = htmlToPlainText(str(item.title));
    if (!id || !title) {
      out.skipped.push({ externalId: id, reason: id ? `event ${id} has no title` : 'event without an id' });
      continue;
    }
    const start = resolveLocalTime(item.start, zone);
    if (!start) {
      out.skipped.push({ externalId: id, reason: `event ${id} has an unreadable start ${JSON.stringify(item.start ?? null)}` });
      continue;
    }
    const end = resolveLocalTime(item.end, zone);
    const allDay = item.allday === true || item.allday === 1 || item.allday === '1' || start.allDay;
    const timing = allDay
      ? (() => {
        const startDate = start.allDay ? start.date : DateTime.fromJSDate(start.instant, { zone }).toISODate()!;
        const lastDay = end ? (end.allDay ? end.date : DateTime.fromJSDate(end.instant, { zone }).toISODate()!) : startDate;
        const endDate = addDays(lastDay > startDate ? lastDay : startDate, 1);
        return { startsAt: startOfLocalDate(startDate, zone), endsAt: startOfLocalDate(endDate, zone), allDay: true, startDate, endDate };
      })()
      : (() => {
        const startsAt = (start as { instant: Date }).instant;
        const endsAt = end && !end.allDay && end.instant > startsAt ? end.instant : startsAt;
        return { startsAt, endsAt, allDay: false, startDate: null, endDate: null };
      })();
    const url = isObject(item.url) ? str(item.url.public) : null;
    const place = placeOf(item);
    const audienceLabels = names(item.audience);
    const futureDates = Array.isArray(item.future_dates) ? item.future_dates : [];
    const calendar = first(item.calendar);
    out.events.push({
      externalId: id,
      // LibCal gives each occurrence its own id and lists the others in future_dates; a series is
      // keyed by what its occurrences share.
      seriesKey: futureDates.length ? `libcal-series:${calendar ? str(calendar.id) : ''}:${title}:${place?.name ?? ''}` : null,
      title,
      description: htmlToPlainText(str(item.description)),
      ...timing,
      timezone: zone,
      status: /cancel/i.test(str(item.status) ?? '') ? EventStatus.CANCELLED : EventStatus.SCHEDULED,
      attendanceMode: attendanceOf(item, place),
      audiences: libcalAudiences(audienceLabels),
      rawAudiences: audienceLabels,
      categories: names(item.category),
      url,
      imageUrl: str(item.featured_image),
      place,
      registration: registrationOf(item, url),
      // Whether LibCal takes a waiting list once the seats are gone (it publishes no size or count of it).
      details: { waitlist: flag(item.wait_list) },
    });
  }
  return out;
}
