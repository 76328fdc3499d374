import { NormalizedEvent, PullResult, SourceFormat, SourceSpec } from '../../../src/datasources/adapter';
import { hsdsSource } from '../../../src/datasources/hsds/hsds.source';
import { icalendarAdapter } from '../../../src/datasources/icalendar/icalendar.source';
import { jsonLdSource } from '../../../src/datasources/jsonld/jsonld.source';
import { createLibCalSource } from '../../../src/datasources/libcal/libcal.source';
import { NormalizedService } from '../../../src/datasources/shared/service-item';
import { FakeLibCal, startFakeLibCal } from '../../support/fake-libcal';
import { testHttpClient } from '../../support/http-client';
import { LocalServer, startLocalServer } from '../../support/local-http';

/**
 * Every format, pulled over real HTTP from a 127.0.0.1 server: a non-web link in a published URL field
 * is dropped (null), the item is kept, and a skip (stored in lastSkips) names the item, the field and the
 * rule, never the value.
 */
const http = testHttpClient();
const HOSTILE = 'javascript:alert(document.cookie)';
const spec = (format: SourceFormat, url: string, options: Record<string, unknown> = {}): SourceSpec => ({
  id: 'src-1', partnerId: 'p-1', format, url, partnerTimezone: 'America/Chicago',
  window: { from: new Date('2026-11-27T06:00:00Z'), to: new Date('2027-11-27T06:00:00Z') },
  validators: { etag: null, lastModified: null }, lastSuccessAt: null, options,
});

function expectDropNoted(pull: PullResult, field: string, externalId: string): void {
  expect(pull.skipped.filter((s) => s.ref === field)).toEqual([
    { externalId, ref: field, reason: `Link ${field} left out: only http: and https: links are published.` },
  ]);
}
const noHostileValue = (pull: PullResult) => expect(JSON.stringify([pull.items, pull.skipped])).not.toMatch(/javascript|alert/i);

describe('non-web links are dropped at the door, with a skip reason, from every format', () => {
  let site: LocalServer;
  let libcal: FakeLibCal;
  beforeAll(async () => {
    site = await startLocalServer((req) => {
      if (req.path === '/events.ics') {
        return {
          headers: { 'content-type': 'text/calendar' },
          body: ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN',
            'BEGIN:VEVENT', 'UID:ics-1', 'DTSTAMP:20261101T000000Z', 'DTSTART:20261202T160000Z', 'DTEND:20261202T170000Z',
            'SUMMARY:Storytime', `URL:${HOSTILE}`, 'END:VEVENT',
            'BEGIN:VEVENT', 'UID:ics-2', 'DTSTAMP:20261101T000000Z', 'DTSTART:20261203T160000Z', 'DTEND:20261203T170000Z',
            'SUMMARY:Lego club', 'URL:https://library.example/lego', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n'),
        };
      }
      if (req.path === '/events.jsonld') {
        return {
          headers: { 'content-type': 'application/ld+json' },
          body: [{
            '@context': 'https://schema.org', '@type': 'Event', '@id': 'https://museum.example/e/1', name: 'Gallery walk',
            startDate: '2026-12-02T10:00:00-06:00', endDate: '2026-12-02T11:00:00-06:00', url: ' JaVaScRiPt:alert(1)',
            image: 'data:text/html,<script>alert(1)</script>',
            offers: { '@type': 'Offer', url: 'vbscript:msgbox(1)', price: 0, priceCurrency: 'USD' },
          }],
        };
      }
      if (req.path === '/services.json') {
        return { body: [{ id: 'svc-1', name: 'Food pantry', status: 'active', url: 'file:///etc/passwd' }] };
      }
      return { status: 404, body: 'not found' };
    });
    libcal = await startFakeLibCal(() => [
      { id: 1001, title: 'Storytime', allday: false, start: '2026-12-02T10:00:00-06:00', end: '2026-12-02T10:45:00-06:00',
        url: { public: HOSTILE }, featured_image: 'java\tscript:alert(1)', registration: true, seats: 20, seats_taken: 3 },
      { id: 1002, title: 'Lego club', allday: false, start: '2026-12-03T10:00:00-06:00', end: '2026-12-03T10:45:00-06:00',
        url: { public: 'https://library.example/event/1002' }, registration: true, seats: 10, seats_taken: 1 },
    ]);
  });
  afterAll(async () => {
    await site.close();
    await libcal.close();
  });

  it('LibCal: url.public = javascript: leaves the event with no url and no registration link', async () => {
    const pull = await createLibCalSource().pull(spec(SourceFormat.LIBCAL, libcal.url, { clientId: 'client-1', clientSecret: 's3cret', calendarId: 1 }), http);
    const [hostile, fine] = pull.items as NormalizedEvent[];
    expect(hostile).toMatchObject({ externalId: '1001', title: 'Storytime', url: null, imageUrl: null, registration: { mode: 'EXTERNAL', url: null, capacity: 20 } });
    expect(fine).toMatchObject({ url: 'https://library.example/event/1002', registration: { url: 'https://library.example/event/1002' } });
    expect(pull.skipped.map((s) => s.externalId)).toEqual(['1001', '1001', '1001']);
    expectDropNoted(pull, 'url', '1001');
    expectDropNoted(pull, 'imageUrl', '1001');
    expectDropNoted(pull, 'registration.url', '1001');
    noHostileValue(pull);
  });

  it('iCalendar: a URL property that is not http(s) is dropped, the event kept', async () => {
    const pull = await icalendarAdapter.pull(spec(SourceFormat.ICALENDAR, `${site.url}/events.ics`), http);
    const events = pull.items as NormalizedEvent[];
    expect(events.map((e) => [e.externalId, e.url])).toEqual([['ics-1', null], ['ics-2', 'https://library.example/lego']]);
    expectDropNoted(pull, 'url', 'ics-1');
    noHostileValue(pull);
  });

  it('JSON-LD: url, image and an offer url that are not http(s) are dropped, the event kept', async () => {
    const pull = await jsonLdSource.pull(spec(SourceFormat.JSONLD, `${site.url}/events.jsonld`), http);
    const [event] = pull.items as NormalizedEvent[];
    expect(event).toMatchObject({ title: 'Gallery walk', url: null, imageUrl: null, registration: { url: null } });
    expect(event.details?.offers?.[0]).toMatchObject({ price: 0, url: null });
    expectDropNoted(pull, 'url', event.externalId);
    expectDropNoted(pull, 'imageUrl', event.externalId);
    expectDropNoted(pull, 'offers.url', event.externalId);
    noHostileValue(pull);
  });

  it('HSDS: a service url that is not http(s) is dropped, the service kept', async () => {
    const pull = await hsdsSource.pull(spec(SourceFormat.HSDS, `${site.url}/services.json`), http);
    const [service] = pull.items as NormalizedService[];
    expect(service).toMatchObject({ externalId: 'svc-1', name: 'Food pantry', url: null });
    expect(pull.skipped).toHaveLength(1);
    expectDropNoted(pull, 'url', 'svc-1');
    expect(JSON.stringify([pull.items, pull.skipped])).not.toContain('passwd');
  });
});
