import { AdapterError, EVENTS_KIND, HttpClient, PullResult, SourceAdapter, SourceFormat, SourceSpec } from '../adapter';
import { FetchError } from '../shared/http';
import { mapJsonLdEvents } from './jsonld.map';
import { parseJsonLd } from './jsonld.parse';
import { WebLinkCheck } from '../shared/web-links';

/** A museum's events page (HTML with JSON-LD blocks) or a JSON-LD document, pulled with a conditional GET. */
export const jsonLdSource: SourceAdapter = {
  format: SourceFormat.JSONLD,
  async pull(source: SourceSpec, http: HttpClient): Promise<PullResult> {
    const response = await http.fetch(source.url, {
      headers: { accept: 'application/ld+json, application/json;q=0.9, text/html;q=0.8' },
      conditional: source.validators,
    }).catch((error: unknown) => {
      // The HttpClient fails on any status >= 400 (429/5xx after retries): say what was expected.
      if (error instanceof FetchError && error.status !== null) {
        throw new AdapterError(`GET ${source.url} answered HTTP ${error.status}; expected 200 with JSON-LD or HTML.`);
      }
      throw error;
    });
    const validators = { etag: response.etag, lastModified: response.lastModified };
    if (response.notModified) return { notModified: true, validators, kind: EVENTS_KIND, items: [], skipped: [], incremental: false };
    if (response.status < 200 || response.status >= 300) {
      throw new AdapterError(`GET ${source.url} answered HTTP ${response.status}; expected 200 with JSON-LD or HTML.`);
    }
    const document = parseJsonLd(response.body, response.contentType);
    const mapped = mapJsonLdEvents(document.nodes, { zone: source.partnerTimezone, window: source.window });
    const links = new WebLinkCheck();
    return {
      notModified: false, validators, kind: EVENTS_KIND, items: mapped.events.map((e) => links.event(e)),
      skipped: [...document.skipped, ...mapped.skipped, ...links.skipped()], incremental: false,
    };
  },
};
