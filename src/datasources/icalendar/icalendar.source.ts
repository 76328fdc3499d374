import { AdapterError, EVENTS_KIND, HttpClient, PullResult, SourceAdapter, SourceFormat, SourceSpec } from '../adapter';
import { toNormalizedEvents } from './icalendar.map';
import { WebLinkCheck } from '../shared/web-links';
import { decodeUtf8 } from './icalendar-lines';
import { parseICalendarPaced } from './icalendar.parse';

/** Pulls an .ics URL (conditional GET: a 304 means no parse and no write) and maps it to events. */
export const icalendarAdapter: SourceAdapter = {
  format: SourceFormat.ICALENDAR,
  async pull(source: SourceSpec, http: HttpClient): Promise<PullResult> {
    const response = await http.fetch(source.url, { conditional: source.validators, headers: { accept: 'text/calendar, */*;q=0.5' } });
    const validators = { etag: response.etag, lastModified: response.lastModified };
    if (response.notModified) return { notModified: true, validators, kind: EVENTS_KIND, items: [], skipped: [], incremental: false };
    if (/^text\/html/i.test(response.contentType ?? '') && !/^\s*BEGIN:VCALENDAR/i.test(response.body.subarray(0, 64).toString('utf8').replace(/^\uFEFF/, ''))) {
      throw new AdapterError(`Not an iCalendar feed: ${response.url} answered with an HTML page (Content-Type ${response.contentType}).`);
    }
    // Paced: a sync runs inside the server, and expanding a big feed must not hold up its other requests.
    const calendar = await parseICalendarPaced(decode(response.body, response.contentType), {
      defaultTimezone: source.partnerTimezone, window: source.window, maxOccurrencesPerSeries: source.maxOccurrencesPerSeries,
    });
    const links = new WebLinkCheck();
    const items = await toNormalizedEvents(calendar.occurrences, links);
    return {
      notModified: false, validators, kind: EVENTS_KIND, incremental: false, title: calendar.name,
      items, skipped: [...calendar.skipped, ...links.skipped()], notes: calendar.notes,
    };
  },
};

/** RFC 5545 says UTF-8, but old Outlook/Exchange servers send windows-1252 and say so in Content-Type. */
export function decode(body: Buffer, contentType: string | null): string {
  const charset = /charset="?([\w-]+)"?/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  if (!charset || charset === 'utf-8' || charset === 'utf8') return decodeUtf8(body);
  try {
    return new TextDecoder(charset).decode(body);
  } catch {
    return decodeUtf8(body); // an unknown label: UTF-8 is what the RFC requires anyway
  }
}
