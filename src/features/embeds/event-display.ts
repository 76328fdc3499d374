import { DateTime } from 'luxon';
import { Audience, EventStatus, RegistrationMode } from '../../domain/enums';
import type { FeedItem } from './event-feed.service';
import { waitlistOpen } from '../events/registration-info';
import { webLinkAsStored } from '../../domain/web-url';

/** Human wording shared by the embed page, RSS and iCalendar descriptions (the widget has its own in the browser). */
const AUDIENCE_LABELS: Record<Audience, string> = {
  BABIES: 'Babies', TODDLERS: 'Toddlers', PRESCHOOL: 'Preschool', KIDS: 'Kids', TWEENS: 'Tweens', TEENS: 'Teens',
  ADULTS: 'Adults', SENIORS: 'Seniors', FAMILIES: 'Families', ALL_AGES: 'All ages',
};

const STATUS_LABELS: Partial<Record<EventStatus, string>> = {
  CANCELLED: 'Cancelled', POSTPONED: 'Postponed', RESCHEDULED: 'Rescheduled', MOVED_ONLINE: 'Moved online',
};

export const audienceLabel = (a: Audience): string => AUDIENCE_LABELS[a] ?? a;
export const statusLabel = (s: EventStatus): string | null => STATUS_LABELS[s] ?? null;

/** Wall-clock time where the event happens (a visitor in another zone still sees the venue's time, with its zone). */
export function whenText(item: FeedItem, locale = 'en-US'): string {
  const e = item.event;
  if (e.allDay && e.startDate) {
    const start = DateTime.fromISO(e.startDate, { zone: 'UTC' }).setLocale(locale);
    // endDate is exclusive (RFC 5545 DTEND); people read the last day inclusively.
    const last = e.endDate ? DateTime.fromISO(e.endDate, { zone: 'UTC' }).minus({ days: 1 }).setLocale(locale) : start;
    const day = (d: DateTime) => d.toLocaleString({ weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' });
    return last > start ? `${day(start)} – ${day(last)} (all day)` : `${day(start)} (all day)`;
  }
  const start = DateTime.fromJSDate(e.startsAt, { zone: e.timezone }).setLocale(locale);
  const end = DateTime.fromJSDate(e.endsAt, { zone: e.timezone }).setLocale(locale);
  const date = start.toLocaleString({ weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' });
  const time = (d: DateTime) => d.toLocaleString(DateTime.TIME_SIMPLE);
  const sameDay = start.hasSame(end, 'day');
  const until = sameDay ? time(end) : `${end.toLocaleString({ month: 'short', day: 'numeric' })}, ${time(end)}`;
  return `${date}, ${time(start)} – ${until} ${end.toFormat('ZZZZ')}`;
}

/** ISO 8601 with the venue's offset (schema.org and <time datetime>); a plain date for all-day events. */
export function isoStart(item: FeedItem): string {
  const e = item.event;
  if (e.allDay && e.startDate) return e.startDate;
  return DateTime.fromJSDate(e.startsAt, { zone: e.timezone }).toISO({ suppressMilliseconds: true })!;
}

/** The inclusive end: schema.org reads endDate as the last day of an all-day event. */
export function isoEnd(item: FeedItem): string {
  const e = item.event;
  if (e.allDay && e.endDate) return DateTime.fromISO(e.endDate, { zone: 'UTC' }).minus({ days: 1 }).toISODate()!;
  return DateTime.fromJSDate(e.endsAt, { zone: e.timezone }).toISO({ suppressMilliseconds: true })!;
}

export function placeText(item: FeedItem): string | null {
  const l = item.location;
  if (!l) return null;
  return l.address ? `${l.name}, ${l.address}` : l.name;
}

/** "3 spots left", "Full, waitlist open", "Full"; null when there is no seat limit or no registration. */
export function spotsText(item: FeedItem): string | null {
  const r = item.registration;
  if (r.mode === RegistrationMode.NONE || r.remaining == null) return null;
  if (r.remaining > 0) return `${r.remaining} ${r.remaining === 1 ? 'spot' : 'spots'} left`;
  return waitlistOpen(r) ? 'Full, waitlist open' : 'Full';
}

/**
 * The event's page and image, only when they are web links: adapters store no other since
 * src/domain/web-url.ts, but a row stored before may hold javascript: and must never become a link.
 * (The registration URL is already checked in registrationInfo.)
 */
export const eventPageUrl = (item: FeedItem): string | null => webLinkAsStored(item.event.url);
export const eventImageUrl = (item: FeedItem): string | null => webLinkAsStored(item.event.imageUrl);
export const partnerWebsite = (item: FeedItem): string | null => webLinkAsStored(item.partner.website);

/** The web links an event is published with (each http(s) or null), for every feed and page that links. */
export const eventLinks = (item: FeedItem) => ({ page: eventPageUrl(item), image: eventImageUrl(item), website: partnerWebsite(item) });

/** Where to register: the partner's page for EXTERNAL events. */
export function externalRegistrationUrl(item: FeedItem): string | null {
  return item.registration.mode === RegistrationMode.EXTERNAL ? item.registration.url : null;
}
