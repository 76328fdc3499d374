import { AttendanceMode, EventStatus, RegistrationMode } from '../../domain/enums';
import type { FeedItem } from './event-feed.service';
import { waitlistOpen } from '../events/registration-info';
import { audienceLabel, eventPageUrl, isoEnd, isoStart, eventLinks } from './event-display';
import { webLinkAsStored } from '../../domain/web-url';

const S = 'https://schema.org/';

const EVENT_STATUS: Record<EventStatus, string> = {
  SCHEDULED: `${S}EventScheduled`,
  CANCELLED: `${S}EventCancelled`,
  POSTPONED: `${S}EventPostponed`,
  RESCHEDULED: `${S}EventRescheduled`,
  MOVED_ONLINE: `${S}EventMovedOnline`,
};

const ATTENDANCE: Record<AttendanceMode, string> = {
  OFFLINE: `${S}OfflineEventAttendanceMode`,
  ONLINE: `${S}OnlineEventAttendanceMode`,
  MIXED: `${S}MixedEventAttendanceMode`,
};

function place(item: FeedItem): object | undefined {
  const l = item.location;
  const physical = l && {
    '@type': 'Place',
    name: l.name,
    ...(l.address ? { address: l.address } : {}),
    ...(l.lat != null && l.lon != null ? { geo: { '@type': 'GeoCoordinates', latitude: l.lat, longitude: l.lon } } : {}),
  };
  const page = eventPageUrl(item);
  const virtual = item.event.attendanceMode !== AttendanceMode.OFFLINE && page ? { '@type': 'VirtualLocation', url: page } : null;
  const both = [physical, virtual].filter(Boolean);
  return both.length > 1 ? both : both[0] ?? undefined;
}

/**
 * The partner's stored offers when it published any; otherwise an Offer only where there is something
 * to take up (a registration), with no price claimed, its availability following the live seat count.
 */
function offers(item: FeedItem): object | object[] | undefined {
  // The partner's own offers (prices, ticket links) when its feed published them (issue 4).
  const stored = item.event.offers ?? [];
  if (stored.length) {
    return stored.map((o) => {
      const url = webLinkAsStored(o.url);
      return {
        '@type': 'Offer',
        ...(o.name ? { name: o.name } : {}),
        ...(o.price != null ? { price: o.price } : {}),
        ...(o.currency ? { priceCurrency: o.currency } : {}),
        ...(url ? { url } : {}),
        ...(o.availability ? { availability: `${S}${o.availability}` } : {}),
      };
    });
  }
  const r = item.registration;
  if (r.mode === RegistrationMode.NONE) return undefined;
  const full = r.remaining === 0;
  const availability = !r.isOpen ? 'SoldOut' : full ? (waitlistOpen(r) ? 'PreOrder' : 'SoldOut') : r.remaining != null && r.remaining <= 5 ? 'LimitedAvailability' : 'InStock';
  return {
    '@type': 'Offer',
    url: r.url ?? eventPageUrl(item) ?? undefined,
    availability: `${S}${availability}`,
    ...(r.opensAt ? { validFrom: r.opensAt.toISOString() } : {}),
    ...(r.closesAt ? { validThrough: r.closesAt.toISOString() } : {}),
  };
}

/** schema.org/Event JSON-LD (https://schema.org/Event) for search engines, one object per event. */
export function eventJsonLd(item: FeedItem, pageUrl: string): Record<string, unknown> {
  const { event: e, registration: r } = item;
  const { page, image, website } = eventLinks(item);
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    '@id': `${pageUrl}#event-${item.globalId}`,
    identifier: item.globalId,
    name: e.title,
    ...(e.description ? { description: e.description } : {}),
    startDate: isoStart(item),
    endDate: isoEnd(item),
    ...(e.previousStartsAt ? { previousStartDate: e.previousStartsAt.toISOString() } : {}),
    eventStatus: EVENT_STATUS[e.status],
    eventAttendanceMode: ATTENDANCE[e.attendanceMode],
    location: place(item),
    organizer: { '@type': 'Organization', name: item.partner.name, ...(website ? { url: website } : {}) },
    ...(page ? { url: page } : {}),
    ...(image ? { image } : {}),
    ...(e.categories.length ? { keywords: e.categories.join(', ') } : {}),
    ...(e.audiences.length ? { audience: e.audiences.map((a) => ({ '@type': 'PeopleAudience', audienceType: audienceLabel(a) })) } : {}),
    ...(r.capacity != null && r.mode !== RegistrationMode.NONE ? { maximumAttendeeCapacity: r.capacity } : {}),
    ...(r.remaining != null ? { remainingAttendeeCapacity: r.remaining } : {}),
    offers: offers(item),
  };
}

/** JSON inside <script>: "<" escaped so no "</script>" or "<!--" in the data can end the block. */
export const scriptSafeJson = (value: unknown): string =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
