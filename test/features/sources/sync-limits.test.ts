import { IsNull } from 'typeorm';
import { SourceFormat } from '../../../src/datasources/adapter';
import { EventEntity } from '../../../src/model/event.entity';
import { SourceEntity } from '../../../src/model/source.entity';
import { describeEachBackend } from '../../support/backends';
import { FeedServer } from '../../support/feed-server';
import { closeFeedSync, openFeedSync, FIXTURE_WINDOW, localOf, SyncHarness } from './sync-harness';

/** The finding's feed: one VEVENT repeating every minute, 224 bytes. */
const MINUTELY_FEED = [
  'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//x//EN', 'BEGIN:VEVENT', 'UID:every-minute@hostile.example',
  'DTSTAMP:20260101T000000Z', 'DTSTART:20260101T000000Z', 'DURATION:PT1M', 'RRULE:FREQ=MINUTELY', 'SUMMARY:Tick',
  'END:VEVENT', 'END:VCALENDAR', '',
].join('\r\n');

/** `count` one-off events a day apart from `first`, each its own UID. */
function singlesFeed(prefix: string, count: number, first: string): string {
  const start = new Date(first).getTime();
  const vevents = Array.from({ length: count }, (_, i) => {
    const stamp = new Date(start + i * 86_400_000).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    return ['BEGIN:VEVENT', `UID:${prefix}-${i}@t`, `DTSTART:${stamp}`, 'DURATION:PT1H', `SUMMARY:${prefix} ${i}`, 'END:VEVENT'];
  });
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//x//x//EN', ...vevents.flat(), 'END:VCALENDAR', ''].join('\r\n');
}

const reasons = (source: SourceEntity) => (source.lastSkips?.reasons ?? []).map((r) => r.reason);
const stored = (h: SyncHarness, sourceId: string) => h.graph.db.getRepository(EventEntity).countBy({ sourceId: localOf(sourceId), removedAt: IsNull() });

describeEachBackend('limits per source, default settings', (backend) => {
  let h: SyncHarness;
  let feeds: FeedServer;
  let partnerId: string;

  beforeAll(async () => {
    ({ h, feeds, partnerId } = await openFeedSync(backend, 'hostile-feeds'));
  });
  afterAll(() => closeFeedSync({ h, feeds }));

  it('a 224-byte MINUTELY feed stores SYNC_MAX_OCCURRENCES_PER_SERIES occurrences, says so once, and a second sync adds nothing', async () => {
    expect(Buffer.byteLength(MINUTELY_FEED)).toBe(224);
    feeds.set('/minutely.ics', { kind: 'feed', body: MINUTELY_FEED });
    const sourceId = await h.addSource(partnerId, `${feeds.url}/minutely.ics`);

    const first = await h.graph.services.sources.syncSource(h.admin, sourceId);
    expect(first).toMatchObject({ status: 'PARTIAL', created: 2000, skipped: 1, error: null });
    const reason = 'Series "every-minute@hostile.example" has more than 2000 occurrences in the sync window; the rest were skipped (SYNC_MAX_OCCURRENCES_PER_SERIES).';
    expect(first.skippedItems.map((s) => s.reason)).toEqual([reason]);
    const source = await h.source(sourceId);
    expect(reasons(source)).toEqual([reason]);
    expect(source.itemCount).toBe(2000);

    const second = await h.graph.services.sources.syncSource(h.admin, sourceId);
    expect(second).toMatchObject({ status: 'PARTIAL', created: 0, updated: 0, removed: 0, unchanged: 2000 });
    expect(await stored(h, sourceId)).toBe(2000);
    expect(await h.graph.db.getRepository(EventEntity).countBy({ sourceId: localOf(sourceId) })).toBe(2000);
  });
});

describeEachBackend('limits per source, small settings', (backend) => {
  let h: SyncHarness;
  let feeds: FeedServer;
  let partnerId: string;

  beforeAll(async () => {
    ({ h, feeds, partnerId } = await openFeedSync(backend, 'small-limits', { maxOccurrencesPerSeries: 5, maxEventsPerSync: 40, maxEventsPerSource: 60 }));
  });
  afterAll(() => closeFeedSync({ h, feeds }));

  it('a daily series keeps its first SYNC_MAX_OCCURRENCES_PER_SERIES occurrences', async () => {
    const body = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//x//x//EN', 'BEGIN:VEVENT', 'UID:daily@t', 'DTSTART:20260301T150000Z', 'DURATION:PT1H',
      'RRULE:FREQ=DAILY;COUNT=10', 'SUMMARY:Daily', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
    feeds.set('/daily.ics', { kind: 'feed', body });
    const sourceId = await h.addSource(partnerId, `${feeds.url}/daily.ics`);
    const report = await h.graph.services.sources.syncSource(h.admin, sourceId);
    expect(report).toMatchObject({ status: 'PARTIAL', created: 5, skipped: 1 });
    expect(reasons(await h.source(sourceId))).toEqual(['Series "daily@t" has more than 5 occurrences in the sync window; the rest were skipped (SYNC_MAX_OCCURRENCES_PER_SERIES).']);
    expect((await h.events(sourceId)).map((e) => e.startsAt.toISOString().slice(0, 10))).toEqual(['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05']);
  });

  it('stores the first SYNC_MAX_EVENTS_PER_SYNC events of a pull, with one skip giving the count; a second sync adds nothing', async () => {
    feeds.set('/fifty.ics', { kind: 'feed', body: singlesFeed('fifty', 50, '2026-02-01T15:00:00Z') });
    const sourceId = await h.addSource(partnerId, `${feeds.url}/fifty.ics`);
    const first = await h.graph.services.sources.syncSource(h.admin, sourceId);
    expect(first).toMatchObject({ status: 'PARTIAL', created: 40, skipped: 1 });
    const reason = 'This sync brought 50 events, more than 40; the 10 after the first 40 were skipped (SYNC_MAX_EVENTS_PER_SYNC).';
    expect(reasons(await h.source(sourceId))).toEqual([reason]);
    expect((await h.source(sourceId)).itemCount).toBe(40);

    expect(await h.graph.services.sources.syncSource(h.admin, sourceId)).toMatchObject({ status: 'PARTIAL', created: 0, removed: 0, unchanged: 40 });
    expect(await stored(h, sourceId)).toBe(40);
  });

  it('applies the same limits to the events of another format (JSON-LD)', async () => {
    const graph = Array.from({ length: 45 }, (_, i) => ({
      '@type': 'Event', '@id': `https://museum.example.org/events/${i}`, name: `Talk ${i}`,
      startDate: new Date(Date.parse('2026-04-01T18:00:00Z') + i * 86_400_000).toISOString(),
    }));
    feeds.set('/events.jsonld', { kind: 'feed', body: JSON.stringify({ '@context': 'https://schema.org', '@graph': graph }), contentType: 'application/ld+json' });
    const sourceId = await h.addSource(partnerId, `${feeds.url}/events.jsonld`, SourceFormat.JSONLD);
    expect(await h.graph.services.sources.syncSource(h.admin, sourceId)).toMatchObject({ status: 'PARTIAL', created: 40, skipped: 1 });
    expect(reasons(await h.source(sourceId))).toEqual(['This sync brought 45 events, more than 40; the 5 after the first 40 were skipped (SYNC_MAX_EVENTS_PER_SYNC).']);
  });

  it('never lets a sync take the source over SYNC_MAX_EVENTS_PER_SOURCE stored events, counting what stays stored', async () => {
    feeds.set('/moving.ics', { kind: 'feed', body: singlesFeed('spring', 40, '2026-03-01T15:00:00Z') });
    const sourceId = await h.addSource(partnerId, `${feeds.url}/moving.ics`);
    expect(await h.graph.services.sources.syncSource(h.admin, sourceId)).toMatchObject({ status: 'OK', created: 40 });

    // The window moves past the spring events: they stay stored (outside the window is not "gone"),
    // so only 20 of the 40 autumn events fit under the limit of 60.
    await h.graph.db.getRepository(SourceEntity).update({ id: localOf(sourceId) }, { expandFrom: new Date('2026-09-01T00:00:00Z'), expandTo: FIXTURE_WINDOW.expandTo });
    feeds.set('/moving.ics', { kind: 'feed', body: singlesFeed('autumn', 40, '2026-10-01T15:00:00Z') });
    const second = await h.graph.services.sources.syncSource(h.admin, sourceId);
    expect(second).toMatchObject({ status: 'PARTIAL', created: 20, removed: 0, skipped: 1 });
    expect(reasons(await h.source(sourceId))).toEqual(['Storing every event would take this source over 60 stored events; 20 were skipped (SYNC_MAX_EVENTS_PER_SOURCE).']);
    expect(await stored(h, sourceId)).toBe(60);

    expect(await h.graph.services.sources.syncSource(h.admin, sourceId)).toMatchObject({ created: 0, unchanged: 20 });
    expect(await stored(h, sourceId)).toBe(60);
  });
});
