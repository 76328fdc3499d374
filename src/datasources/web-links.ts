import { webUrl } from '../domain/web-url';
import { NormalizedEvent } from './adapter';
import { NormalizedService } from './service-item';

/** How many item ids a note names before it says "and N more": enough to find them, short enough to show. */
const IDS_NAMED = 5;

/**
 * Every link a pull will publish passes here before it is stored: only http(s) URLs are kept
 * (src/domain/web-url.ts). A refused link is set to null and the item is kept (a bad link is no reason
 * to lose the event); the pull's notes name the field, the rule and the items, never the value, which
 * is the partner's and may be hostile.
 */
export class WebLinkCheck {
  private readonly dropped = new Map<string, string[]>();

  /** The web URL, or null; a value that was there but is not a web URL is noted against `field`. */
  link(field: string, externalId: string, value: string | null): string | null {
    if (value == null || !value.trim()) return null;
    const url = webUrl(value);
    if (!url) this.dropped.set(field, [...(this.dropped.get(field) ?? []), externalId]);
    return url;
  }

  event(e: NormalizedEvent): NormalizedEvent {
    const id = e.externalId;
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

  notes(): string[] {
    return [...this.dropped].map(([field, ids]) => {
      const named = ids.slice(0, IDS_NAMED).join(', ') + (ids.length > IDS_NAMED ? ` and ${ids.length - IDS_NAMED} more` : '');
      return `${field} dropped from ${ids.length} item(s) (only http: and https: links are published): ${named}`;
    });
  }
}
