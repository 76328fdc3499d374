import { webUrl } from '../../domain/web-url';
import { NormalizedEvent, SkippedItem } from '../adapter';
import { NormalizedService } from './service-item';

/**
 * Every link a pull will publish passes here before it is stored: only http(s) URLs are kept
 * (src/domain/web-url.ts). A refused link is set to null and the item is kept (a bad link is no reason
 * to lose the event); each refusal is a skip (stored in the Source's lastSkips, so the partner's staff
 * see it) naming the item, the field and the rule, never the value, which is the partner's and may be
 * hostile.
 */
export class WebLinkCheck {
  /** Ids of the items (a series counts once, by its key) each field was dropped from. */
  private readonly dropped = new Map<string, Set<string>>();

  /** The web URL, or null; a value that was there but is not a web URL is noted against `field`. */
  link(field: string, externalId: string, value: string | null): string | null {
    if (value == null || !value.trim()) return null;
    const url = webUrl(value);
    if (!url) this.dropped.set(field, (this.dropped.get(field) ?? new Set<string>()).add(externalId));
    return url;
  }

  event(e: NormalizedEvent): NormalizedEvent {
    // Every occurrence of a series carries the series' link: one skip for the series, not one per date.
    const id = e.seriesKey ?? e.externalId;
    const offers = e.details?.offers?.map((o) => ({ ...o, url: this.link('offers.url', id, o.url) }));
    return {
      ...e,
      url: this.link('url', id, e.url),
      imageUrl: this.link('imageUrl', id, e.imageUrl),
      registration: { ...e.registration, url: this.link('registration.url', id, e.registration.url) },
      ...(e.details ? { details: { ...e.details, ...(offers ? { offers } : {}) } } : {}),
    };
  }

  service(s: NormalizedService): NormalizedService {
    return { ...s, url: this.link('url', s.externalId, s.url), sessions: s.sessions.map((e) => this.event(e)) };
  }

  /** One skip per link left out. */
  skipped(): SkippedItem[] {
    return [...this.dropped].flatMap(([field, ids]) => [...ids].map((externalId) => ({
      externalId, ref: field, reason: `Link ${field} left out: only http: and https: links are published.`,
    })));
  }

}
