import ical, { ICalCalendar, ICalEventStatus } from 'ical-generator';
import { EventStatus } from '../../domain/enums';
import type { FeedItem } from './event-feed.service';
import { eventPageUrl, placeText, spotsText } from './event-display';

/** How often subscribed calendars should re-fetch (REFRESH-INTERVAL, RFC 7986 §5.7, and X-PUBLISHED-TTL). */
export const ICS_REFRESH_SECONDS = 3600;

/** Globally unique and stable across requests, hosts and re-syncs (the row id is already stable). */
export const icsUid = (item: FeedItem): string => `${item.event.id}@community-graph`;

// RFC 5545 §3.8.1.11 has only TENTATIVE / CONFIRMED / CANCELLED for VEVENT.
const STATUS: Record<EventStatus, ICalEventStatus> = {
  SCHEDULED: ICalEventStatus.CONFIRMED,
  RESCHEDULED: ICalEventStatus.CONFIRMED,
  MOVED_ONLINE: ICalEventStatus.CONFIRMED,
  POSTPONED: ICalEventStatus.TENTATIVE,
  CANCELLED: ICalEventStatus.CANCELLED,
};

/** UTC midnight of a local date: ical-generator then writes the same Y-M-D as VALUE=DATE. */
const dateOnly = (isoDate: string): Date => new Date(`${isoDate}T00:00:00Z`);

function description(item: FeedItem): string {
  const lines = [item.event.description ?? ''];
  const spots = spotsText(item);
  if (spots) lines.push(spots);
  if (item.registration.url) lines.push(`Register: ${item.registration.url}`);
  lines.push(`By ${item.partner.name}`);
  return lines.filter(Boolean).join('\n\n');
}

/**
 * RFC 5545 calendar. Timed events are written in UTC (DTSTART:...Z), which every client converts
 * without needing a VTIMEZONE; all-day events are VALUE=DATE with an exclusive DTEND (§3.6.1).
 * DTSTAMP is the row's last change, not the request time, so an unchanged feed is byte-identical and
 * its ETag stable. SEQUENCE is Event.sequence, bumped on every change.
 */
export function renderICalendar(items: FeedItem[], meta: { name: string; description: string; url: string | null }): string {
  const calendar: ICalCalendar = ical({
    prodId: { company: 'Community Graph', product: 'Events', language: 'EN' },
    name: meta.name,
    description: meta.description,
    url: meta.url,
    ttl: ICS_REFRESH_SECONDS,
  });
  for (const item of items) {
    const e = item.event;
    const allDay = e.allDay && !!e.startDate;
    calendar.createEvent({
      id: icsUid(item),
      sequence: e.sequence,
      stamp: e.updatedAt,
      created: e.createdAt,
      lastModified: e.updatedAt,
      allDay,
      start: allDay ? dateOnly(e.startDate!) : e.startsAt,
      end: allDay ? (e.endDate ? dateOnly(e.endDate) : new Date(dateOnly(e.startDate!).getTime() + 86_400_000)) : e.endsAt,
      summary: e.title,
      description: description(item),
      location: item.location
        ? {
          title: item.location.name,
          address: item.location.address ?? undefined,
          ...(item.location.lat != null && item.location.lon != null ? { geo: { lat: item.location.lat, lon: item.location.lon } } : {}),
        }
        : placeText(item),
      url: eventPageUrl(item),
      categories: e.categories.map((name) => ({ name })),
      status: STATUS[e.status],
    });
  }
  return calendar.toString();
}
