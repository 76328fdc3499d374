import { NormalizedEvent, NormalizedPlace } from '../adapter';
import { AttendanceMode, Audience, EventStatus, RegistrationMode } from '../../domain/enums';
import { IcsOccurrence } from './icalendar.parse';
import { webUrl } from '../../domain/web-url';
import { WebLinkCheck } from '../shared/web-links';
import { mapPaced } from '../../event-loop';
import { htmlToPlainText } from '../shared/plain-text';
import { COMMON_AUDIENCE_RULES, mapAudiences } from '../shared/audience';

/**
 * Age bands from CATEGORIES: library and school calendars (LibCal, Google) carry the audience as a
 * category ("Kids", "Teens", "Families", "Ages 3-5"), read with the one audience vocabulary. Only
 * labels that mean a band become rawAudiences (the rest are plain categories).
 */
export function audiencesOf(labels: string[]): { audiences: Audience[]; rawAudiences: string[] } {
  return {
    audiences: mapAudiences(labels, COMMON_AUDIENCE_RULES),
    rawAudiences: labels.filter((label) => mapAudiences([label], COMMON_AUDIENCE_RULES).length > 0),
  };
}

/** DESCRIPTION is plain text per RFC 5545, but Google and Outlook put HTML in it: keep the text, drop markup. */
export function plainText(value: string | null): string | null {
  if (!value) return null;
  // eslint-disable-next-line no-control-regex
  if (!/[<&\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value)) return value.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim().slice(0, 20_000) || null;
  // eslint-disable-next-line no-control-regex
  const stripped = htmlToPlainText(value)?.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim();
  return stripped ? stripped.slice(0, 20_000) : null;
}

const ONLINE = /^(online|virtual|zoom|teams|webinar)\b/i;

/** LOCATION is free text: "Name, street, town" or a URL for online events. */
function placeOf(o: IcsOccurrence): { place: NormalizedPlace | null; online: boolean } {
  const location = o.location?.replace(/\s*\n\s*/g, ', ').trim() || null;
  if (!location) return { place: null, online: false };
  if (webUrl(location) || ONLINE.test(location)) return { place: null, online: true };
  const comma = location.indexOf(',');
  return {
    place: {
      name: (comma > 0 ? location.slice(0, comma) : location).trim(),
      address: comma > 0 ? location : null,
      lat: o.geo?.lat ?? null, lon: o.geo?.lon ?? null,
    },
    online: false,
  };
}

const STATUS: Record<string, EventStatus> = { CANCELLED: EventStatus.CANCELLED, CONFIRMED: EventStatus.SCHEDULED, TENTATIVE: EventStatus.SCHEDULED };

/** One occurrence as an event; only web links are kept. */
export function toNormalizedEvent(o: IcsOccurrence): NormalizedEvent {
  return mapOccurrence(o, new WebLinkCheck());
}

/**
 * The feed's occurrences through one WebLinkCheck, whose notes then say which links were dropped.
 * Paced (event-loop.ts): 50,000 occurrences are too many to map in one stretch inside the server.
 */
export function toNormalizedEvents(occurrences: IcsOccurrence[], links: WebLinkCheck): Promise<NormalizedEvent[]> {
  return mapPaced(occurrences, (o) => mapOccurrence(o, links));
}

function mapOccurrence(o: IcsOccurrence, links: WebLinkCheck): NormalizedEvent {
  const { place, online } = placeOf(o);
  const { audiences, rawAudiences } = audiencesOf(o.categories);
  return links.event({
    externalId: o.recurring ? `${o.uid}#${o.key}` : o.uid,
    seriesKey: o.recurring ? o.uid : null,
    title: (o.summary?.trim() || '(untitled)').slice(0, 500),
    description: plainText(o.description),
    startsAt: o.start, endsAt: o.end, timezone: o.timezone,
    allDay: o.allDay, startDate: o.startDate, endDate: o.endDate,
    status: STATUS[o.status ?? ''] ?? EventStatus.SCHEDULED,
    attendanceMode: online ? AttendanceMode.ONLINE : AttendanceMode.OFFLINE,
    audiences, rawAudiences, categories: o.categories,
    url: o.url, imageUrl: null, place,
    registration: { mode: RegistrationMode.NONE, url: null, capacity: null, confirmed: null },
  });
}
