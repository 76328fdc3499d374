import type { FeedItem } from './event-feed.service';
import { isoEnd, isoStart, placeText, eventLinks } from './event-display';

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

export interface FeedMeta {
  title: string;
  description: string;
  /** The site (base URL) and this feed's own URL, both absolute. */
  homePageUrl: string;
  feedUrl: string;
  /** Absolute URL of one event's .ics ("Add to calendar"). */
  icsUrlOf: (item: FeedItem) => string;
}

/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). Everything that is not in the spec (times,
 * place, registration counts) sits in the `_community_graph` extension object, as §"Extensions"
 * prescribes; the widget renders from exactly this feed, so it carries the global id the live
 * subscription and `register` mutation need.
 */
export function renderJsonFeed(items: FeedItem[], meta: FeedMeta): string {
  const feed = {
    version: JSON_FEED_VERSION,
    title: meta.title,
    home_page_url: meta.homePageUrl,
    feed_url: meta.feedUrl,
    description: meta.description,
    language: 'en',
    items: items.map((item) => {
      const { event: e, registration: r } = item;
      const { page, image, website } = eventLinks(item);
      return {
        id: item.globalId,
        ...(page ? { url: page } : {}),
        ...(r.url ? { external_url: r.url } : {}),
        title: e.title,
        content_text: e.description ?? '',
        ...(image ? { image } : {}),
        date_published: e.createdAt.toISOString(),
        date_modified: e.updatedAt.toISOString(),
        authors: [{ name: item.partner.name, ...(website ? { url: website } : {}) }],
        tags: e.categories,
        _community_graph: {
          about: `${meta.homePageUrl}/docs/embedding`,
          starts_at: e.startsAt.toISOString(),
          ends_at: e.endsAt.toISOString(),
          local_start: isoStart(item),
          local_end: isoEnd(item),
          all_day: e.allDay,
          start_date: e.startDate,
          end_date: e.endDate,
          timezone: e.timezone,
          series_id: e.seriesId,
          status: e.status,
          attendance_mode: e.attendanceMode,
          audiences: e.audiences,
          partner: { slug: item.partner.slug, name: item.partner.name, kind: item.partner.kind },
          place: placeText(item),
          location: item.location
            ? { name: item.location.name, address: item.location.address, lat: item.location.lat, lon: item.location.lon }
            : null,
          registration: {
            mode: r.mode, url: r.url, capacity: r.capacity, confirmed: r.confirmed, waitlisted: r.waitlisted,
            waitlist_capacity: r.waitlistCapacity, waitlist_available: r.waitlistAvailable, remaining: r.remaining, max_party_size: r.maxPartySize, is_open: r.isOpen, state: r.state,
            party_categories: r.mode === 'NATIVE' ? r.partyCategories.map(({ key, label }) => ({ key, label })) : [],
          },
          ics_url: meta.icsUrlOf(item),
        },
      };
    }),
  };
  return JSON.stringify(feed);
}
