import ICAL from '../../support/icaljs';
import { parseDocument } from 'htmlparser2';
import { EventEntity } from '../../../src/model/event.entity';
import { PartnerEntity } from '../../../src/model/partner.entity';
import { EventStatus } from '../../../src/domain/enums';
import { describeEachBackend } from '../../support/backends';
import { startTestServer, TestServer } from '../../support/server';

const EVENTS = `query ($filter: EventFilter, $first: Int) { events(first: $first, filter: $filter) { edges { node {
  id title startsAt endsAt allDay startDate endDate status organizer { id slug } registration { state } } } } }`;

type GraphEvent = { id: string; title: string; startsAt: string; endsAt: string; allDay: boolean; startDate: string | null; endDate: string | null; status: string; registration: { state: string } };

function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid, summary: event.summary, start: event.startDate, end: event.endDate,
      status: component.getFirstPropertyValue('status'), sequence: component.getFirstPropertyValue('sequence'),
    };
  });
  return { calendar, events };
}

describeEachBackend('event feeds', (backend) => {
  let server: TestServer;
  let url: (path: string) => string;
  let library: PartnerEntity;

  beforeAll(async () => {
    server = await startTestServer(backend);
    url = (path) => `${server.app.url}${path}`;
    library = (await server.app.db.getRepository(PartnerEntity).findOneByOrFail({ slug: 'millbrook-library' }));
  });
  afterAll(() => server.close());

  async function graph(filter: Record<string, unknown>): Promise<GraphEvent[]> {
    const { json } = await server.post({ query: EVENTS, variables: { filter, first: 100 } });
    expect(json.errors).toBeUndefined();
    return json.data.events.edges.map((e: { node: GraphEvent }) => e.node);
  }

  it('serve an iCalendar feed that ical.js reads back to exactly the GraphQL answer for the same filter', async () => {
    const response = await fetch(url('/feeds/events.ics?partner=millbrook-schools,millbrook-library&audience=KIDS,TEENS,FAMILIES&limit=1000'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await response.text();
    expect(text).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n');
    expect(text).toContain('X-PUBLISHED-TTL:PT1H\r\n');
    const { events } = parseIcs(text);

    const partners = await server.post({ query: '{ partners { id slug } }' });
    const ids = partners.json.data.partners.filter((p: { slug: string }) => ['millbrook-schools', 'millbrook-library'].includes(p.slug)).map((p: { id: string }) => p.id);
    const expected = await graph({ partnerIds: ids, audiences: ['KIDS', 'TEENS', 'FAMILIES'] });
    expect(expected.length).toBeGreaterThan(5);
    expect(events.map((e) => e.summary)).toEqual(expected.map((e) => e.title));
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    events.forEach((e, i) => {
      const g = expected[i];
      if (g.allDay) {
        // All-day: VALUE=DATE, DTEND the exclusive local end date (RFC 5545 §3.6.1).
        expect(e.start.isDate).toBe(true);
        expect([e.start.toString(), e.end.toString()]).toEqual([g.startDate, g.endDate]);
      } else {
        expect(e.start.isDate).toBe(false);
        expect(e.start.toJSDate().toISOString()).toBe(g.startsAt);
        expect(e.end.toJSDate().toISOString()).toBe(g.endsAt);
        expect(e.start.zone?.tzid).toBe('UTC');
      }
      expect(e.status).toBe('CONFIRMED');
    });
    expect(events.some((e) => e.start.isDate)).toBe(true);
  });

  it('keep UIDs stable across requests and publish SEQUENCE and STATUS:CANCELLED from the event row', async () => {
    const first = parseIcs(await (await fetch(url('/feeds/events.ics?partner=millbrook-museum&limit=3'))).text()).events;
    const repo = server.app.db.getRepository(EventEntity);
    const target = (await repo.findBy({ title: first[1].summary! })).find((e) => `${e.id}@community-graph` === first[1].uid)!;
    try {
      await repo.update({ id: target.id }, { status: EventStatus.CANCELLED, sequence: 3, updatedAt: new Date() });
      const again = parseIcs(await (await fetch(url('/feeds/events.ics?partner=millbrook-museum&limit=3'))).text()).events;
      expect(again.map((e) => e.uid)).toEqual(first.map((e) => e.uid));
      expect(again[1]).toMatchObject({ status: 'CANCELLED', sequence: 3 });
      expect(again[0]).toMatchObject({ status: 'CONFIRMED', sequence: 0 });
    } finally {
      await repo.update({ id: target.id }, { status: target.status, sequence: target.sequence, updatedAt: target.updatedAt });
    }
  });

  it.each(['ics', 'json', 'rss'])('answer a conditional GET of the .%s feed with 304 and carry Cache-Control', async (format) => {
    const path = `/feeds/events.${format}?partner=millbrook-library&limit=5`;
    const first = await fetch(url(path));
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(first.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
    const again = await fetch(url(path), { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const other = await fetch(url(path), { headers: { 'if-none-match': '"stale"' } });
    expect(other.status).toBe(200);
  });

  it('serve a valid JSON Feed 1.1 with our extension, matching GraphQL', async () => {
    const response = await fetch(url('/feeds/events.json?audience=kids&limit=20'));
    expect(response.headers.get('content-type')).toBe('application/feed+json; charset=utf-8');
    const feed = await response.json();
    // Required and typed members per https://www.jsonfeed.org/version/1.1/
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(typeof feed.title).toBe('string');
    expect(feed.feed_url).toBe(url('/feeds/events.json?audience=kids&limit=20'));
    expect(Array.isArray(feed.items)).toBe(true);
    const allowed = new Set(['id', 'url', 'external_url', 'title', 'content_html', 'content_text', 'summary', 'image', 'banner_image',
      'date_published', 'date_modified', 'authors', 'tags', 'language', 'attachments']);
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string');
      expect(typeof item.content_text === 'string' || typeof item.content_html === 'string').toBe(true);
      expect(Object.keys(item).filter((k) => !allowed.has(k) && !k.startsWith('_'))).toEqual([]);
      expect(new Date(item.date_published).toISOString()).toBe(item.date_published);
      expect(item.authors[0].name).toEqual(expect.any(String));
      expect(item._community_graph.audiences).toContain('KIDS');
    }
    const expected = await graph({ audiences: ['KIDS'] });
    expect(feed.items.map((i: { id: string }) => i.id)).toEqual(expected.slice(0, 20).map((e) => e.id));
    expect(feed.items.map((i: any) => i._community_graph.registration.state)).toEqual(expected.slice(0, 20).map((e) => e.registration.state));
  });

  it('pass over later occurrences of a series with per_series, keeping the order and the limit', async () => {
    const items = async (query: string) => (await (await fetch(url(`/feeds/events.json?${query}`))).json()).items as any[];
    const all = await items('partner=millbrook-library&limit=200');
    const capped = await items('partner=millbrook-library&limit=12&per_series=2');
    // What per_series=2 must give: the feed's own order, each series' first two occurrences, single events as they come.
    const seen = new Map<string, number>();
    const expected = all.filter((i) => {
      const series = i._community_graph.series_id;
      if (!series) return true;
      seen.set(series, (seen.get(series) ?? 0) + 1);
      return seen.get(series)! <= 2;
    }).slice(0, 12);
    expect(expected.length).toBe(12);
    expect(all.filter((i) => i._community_graph.series_id).length).toBeGreaterThan(12);
    expect(capped.map((i) => i.id)).toEqual(expected.map((i) => i.id));
  });

  it('serve a well-formed RSS 2.0 channel', async () => {
    const text = await (await fetch(url('/feeds/events.rss?partner=millbrook-museum&limit=4'))).text();
    const doc = parseDocument(text, { xmlMode: true });
    const rss = doc.children.find((n: any) => n.name === 'rss') as any;
    expect(rss.attribs.version).toBe('2.0');
    const channel = rss.children.find((n: any) => n.name === 'channel');
    const child = (node: any, name: string) => node.children.find((n: any) => n.name === name);
    const textOf = (node: any) => node.children.map((c: any) => c.data ?? '').join('');
    for (const required of ['title', 'link', 'description']) expect(textOf(child(channel, required)).length).toBeGreaterThan(0);
    expect(child(channel, 'atom:link').attribs).toMatchObject({ rel: 'self', type: 'application/rss+xml' });
    const items = channel.children.filter((n: any) => n.name === 'item');
    expect(items).toHaveLength(4);
    for (const item of items) {
      expect(textOf(child(item, 'title')).length).toBeGreaterThan(0);
      expect(child(item, 'guid').attribs.isPermaLink).toBe('false');
      // RFC 822 date, as RSS 2.0 requires.
      expect(textOf(child(item, 'pubDate'))).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    }
    expect(text).toContain('<title>Exhibition: Lock &amp; Dam No. 9</title>');
  });

  it('serve one event as an .ics download for "Add to calendar", and 404 for an unknown id', async () => {
    const feed = await (await fetch(url('/feeds/events.json?partner=millbrook-library&limit=1'))).json();
    const response = await fetch(feed.items[0]._community_graph.ics_url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="[A-Za-z0-9-]+\.ics"$/);
    const { events } = parseIcs(await response.text());
    expect(events).toHaveLength(1);
    expect(events[0].summary).toBe(feed.items[0].title);
    const missing = await fetch(url('/feeds/events/RXZlbnQ6bm9wZQ.ics'));
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('No event with id "RXZlbnQ6bm9wZQ".\n');
  });

  it.each([
    ['/feeds/events.ics?partner=no-such-partner', 'Unknown partner "no-such-partner". Known partners: millbrook-food-share, millbrook-library, millbrook-museum, millbrook-schools, riverbend-literacy.'],
    ['/feeds/events.json?audience=KIDZ', 'Invalid value for query parameter "audiences": "KIDZ". Expected one or more of BABIES, TODDLERS, PRESCHOOL, KIDS, TWEENS, TEENS, ADULTS, SENIORS, FAMILIES, ALL_AGES (comma-separated).'],
    ['/feeds/events.rss?near=95,10,1', 'Invalid value for query parameter "near": 95. Expected a latitude from -90 to 90.'],
    ['/feeds/events.ics?from=2026-12-10&to=2026-12-01', 'Invalid value for query parameter "to": "2026-12-01T00:00:00.000Z". Expected an instant not before filter.from (2026-12-10T00:00:00.000Z).'],
    ['/feeds/events.json?limit=5000', 'Invalid value for query parameter "limit": "5000". Expected an integer from 1 to 200.'],
    ['/feeds/events.json?per_series=0', 'Invalid value for query parameter "per_series": "0". Expected an integer from 1 to 200.'],
    ['/feeds/events.json?audiance=KIDS', 'Unknown query parameter "audiance". Known parameters: partner, partners, kinds, kind, audiences, audience, categories, category, status, text, q, from, to, near, limit, per_series.'],
    ['/feeds/events/%E0%A4%A.ics', 'The feed URL is not valid: its path has a malformed percent-encoding.'],
    ['/feeds/events/..%2F..%2Fetc.ics', 'Invalid value for query parameter "id": "../../etc". Expected a global id returned by this API.'],
    ['/feeds/events/UGFydG5lcjp4.ics', 'Invalid value for query parameter "id": "UGFydG5lcjp4". Expected a Event id.'],
    ['/feeds/events.json?partner[a]=b', 'Unknown query parameter "partner[a]". Known parameters: partner, partners, kinds, kind, audiences, audience, categories, category, status, text, q, from, to, near, limit, per_series.'],
    ['/feeds/events.ics?partner=%00', 'Invalid value for query parameter "partner": "\\u0000". Expected a partner slug such as millbrook-library.'],
    [`/feeds/events.ics?text=${'x'.repeat(201)}`, 'Invalid value for query parameter "text": "xxxxxxxxxxxxxxxxxxxx…". Expected at most 200 characters.'],
  ])('refuse a bad feed URL with 400 and a plain explanation (never 500), changing nothing: %s', async (path, message) => {
    const before = await server.app.db.getRepository(EventEntity).count();
    const response = await fetch(url(path));
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response.text()).toBe(`${message}\n`);
    expect(await server.app.db.getRepository(EventEntity).count()).toBe(before);
  });

  it('follow Partner.allowedOrigins for CORS: listed origins only, once a partner lists any', async () => {
    const path = '/feeds/events.json?partner=millbrook-library&limit=1';
    expect((await fetch(url(path), { headers: { origin: 'https://anyone.example' } })).headers.get('access-control-allow-origin')).toBe('*');
    await server.app.db.getRepository(PartnerEntity).update({ id: library.id }, { allowedOrigins: ['https://branch.example'] });
    try {
      const listed = await fetch(url(path), { headers: { origin: 'https://branch.example' } });
      expect(listed.headers.get('access-control-allow-origin')).toBe('https://branch.example');
      expect(listed.headers.get('vary')).toContain('Origin');
      const other = await fetch(url(path), { headers: { origin: 'https://anyone.example' } });
      expect(other.status).toBe(200);
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      // Feeds of every partner stay open.
      expect((await fetch(url('/feeds/events.json?limit=1'), { headers: { origin: 'https://anyone.example' } })).headers.get('access-control-allow-origin')).toBe('*');
    } finally {
      await server.app.db.getRepository(PartnerEntity).update({ id: library.id }, { allowedOrigins: [] });
    }
  });
});
