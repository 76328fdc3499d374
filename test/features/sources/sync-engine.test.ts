import { EventEntity } from '../../../src/model/event.entity';
import { LocationEntity } from '../../../src/model/location.entity';
import { RegistrationEntity } from '../../../src/model/registration.entity';
import { SourceEntity } from '../../../src/model/source.entity';
import { AttendanceMode, EventStatus, RegistrationMode, RegistrationStatus } from '../../../src/domain/enums';
import { createEventsSink, syncedSeriesId } from '../../../src/features/events/events.sink';
import { describeEachBackend } from '../../support/backends';
import { FeedServer } from '../../support/feed-server';
import { closeFeedSync, openFeedSync, fixtureText, localOf, SyncHarness } from './sync-harness';

describeEachBackend('sync engine with iCalendar feeds', (backend) => {
  let h: SyncHarness;
  let feeds: FeedServer;
  let partnerId: string;

  beforeAll(async () => {
    ({ h, feeds, partnerId } = await openFeedSync(backend, 'millbrook-schools'));
  });
  afterAll(() => closeFeedSync({ h, feeds }));

  it('stores every occurrence with a stable id, provenance and a matched or created Location', async () => {
    feeds.set('/first.ics', { kind: 'feed', body: fixtureText('overrides.ics') });
    const sourceId = await h.addSource(partnerId, `${feeds.url}/first.ics`);
    const report = await h.graph.services.sources.syncSource(h.admin, sourceId);
    expect(report).toMatchObject({ status: 'OK', created: 7, updated: 0, removed: 0, unchanged: 0, skipped: 0, error: null });
    const events = await h.events(sourceId);
    expect(events.map((e) => e.externalId)).toContain('moved@t#20260909T230000Z');
    expect(events.every((e) => e.sourceId === localOf(sourceId) && e.contentHash && e.fetchedAt)).toBe(true);
    const club = events.find((e) => e.externalId === 'moved@t#20260902T230000Z')!;
    const location = await h.graph.db.getRepository(LocationEntity).findOneByOrFail({ id: club.locationId! });
    expect(location.name).toBe('Eastside Branch');
    expect(club.seriesId).toBe(syncedSeriesId(localOf(partnerId), localOf(sourceId), 'moved@t'));
    expect(events.filter((e) => e.seriesId === club.seriesId).length).toBe(4);
    const source = await h.source(sourceId);
    expect([source.itemCount, source.consecutiveFailures, source.lastError]).toEqual([7, 0, null]);
  });

  it('re-syncing an unchanged feed writes no event or location row and publishes nothing', async () => {
    feeds.set('/same.ics', { kind: 'feed', body: fixtureText('recurrence.ics') });
    const sourceId = await h.addSource(partnerId, `${feeds.url}/same.ics`);
    await h.graph.services.sources.syncSource(h.admin, sourceId);
    await new Promise((resolve) => setImmediate(resolve));
    const published = h.published.changes.length;
    expect(published).toBeGreaterThanOrEqual(26);
    const { result, tables } = await h.writes(() => h.graph.services.sources.syncSource(h.admin, sourceId));
    expect(result).toMatchObject({ status: 'OK', created: 0, updated: 0, removed: 0, unchanged: 26 });
    expect(tables).toEqual(['source']); // only the source's health (lastSuccessAt, nextSyncAt)
    await new Promise((resolve) => setImmediate(resolve));
    expect(h.published.changes.length).toBe(published);
  });

  it('answers a 304 to a conditional GET with NOT_MODIFIED: no parse, no event write', async () => {
    feeds.set('/etag.ics', { kind: 'feed', body: fixtureText('recurrence.ics'), etag: true, lastModified: true });
    const sourceId = await h.addSource(partnerId, `${feeds.url}/etag.ics`);
    expect((await h.graph.services.sources.syncSource(h.admin, sourceId)).status).toBe('OK');
    const { result, tables } = await h.writes(() => h.graph.services.sources.syncSource(h.admin, sourceId));
    expect(result).toMatchObject({ status: 'NOT_MODIFIED', created: 0, updated: 0, unchanged: 0 });
    expect(tables).toEqual(['source']);
    const second = feeds.requests.filter((r) => r.path === '/etag.ics')[1];
    expect(second.headers['if-none-match']).toMatch(/^"[0-9a-f]{16}"$/);
    expect(second.headers['if-modified-since']).toBe('Wed, 01 Jul 2026 00:00:00 GMT');
  });

  it('pulls unconditionally once the last full parse is a day old, so the moving window still advances', async () => {
    feeds.set('/daily.ics', { kind: 'feed', body: fixtureText('recurrence.ics'), etag: true });
    const sourceId = await h.addSource(partnerId, `${feeds.url}/daily.ics`);
    await h.graph.services.sources.syncSource(h.admin, sourceId);
    expect((await h.graph.services.sources.syncSource(h.admin, sourceId)).status).toBe('NOT_MODIFIED');
    await h.graph.db.getRepository(SourceEntity).update({ id: localOf(sourceId) }, { lastExpandedAt: new Date(Date.now() - 25 * 3_600_000) });
    const report = await h.graph.services.sources.syncSource(h.admin, sourceId);
    expect(report).toMatchObject({ status: 'OK', unchanged: 26, created: 0 });
    expect(feeds.requests.filter((r) => r.path === '/daily.ics').map((r) => r.headers['if-none-match'] !== undefined)).toEqual([false, true, false]);
    expect((await h.graph.services.sources.syncSource(h.admin, sourceId)).status).toBe('NOT_MODIFIED');
  });

  it('updates a changed event (sequence + 1, UPDATED published) and cancels a vanished one with removedAt, never deleting it', async () => {
    const original = fixtureText('recurrence.ics');
    feeds.set('/change.ics', { kind: 'feed', body: original });
    const sourceId = await h.addSource(partnerId, `${feeds.url}/change.ics`);
    await h.graph.services.sources.syncSource(h.admin, sourceId);
    const before = await h.events(sourceId);
    const yearly = before.find((e) => e.externalId === 'yearly@t#20260704')!;
    // A registration exists on the event that is about to vanish: the row must survive.
    await h.graph.db.getRepository(RegistrationEntity).insert({
      id: 'r1', eventId: yearly.id, name: 'A', email: 'a@example.org', partySize: 1, status: RegistrationStatus.CONFIRMED,
      waitlistPosition: null, cancelTokenHash: 'x'.repeat(64), attended: false, createdAt: new Date(), updatedAt: new Date(),
    });
    const changed = original.replace('SUMMARY:Daily', 'SUMMARY:Daily (new room)')
      .replace(/BEGIN:VEVENT\r\nUID:yearly@t[\s\S]*?END:VEVENT\r\n/, '');
    feeds.set('/change.ics', { kind: 'feed', body: changed });
    const seen = h.published.changes.length;
    const report = await h.graph.services.sources.syncSource(h.admin, sourceId);
    expect(report).toMatchObject({ status: 'OK', created: 0, updated: 3, removed: 2, unchanged: 21 });
    const after = await h.events(sourceId);
    expect(after.length).toBe(before.length);
    const daily = after.filter((e) => e.seriesId === syncedSeriesId(localOf(partnerId), localOf(sourceId), 'daily@t'));
    expect(daily.map((e) => [e.title, e.sequence])).toEqual([['Daily (new room)', 1], ['Daily (new room)', 1], ['Daily (new room)', 1]]);
    const gone = after.find((e) => e.id === yearly.id)!;
    expect([gone.status, gone.removedAt?.toISOString()]).toEqual([EventStatus.CANCELLED, expect.any(String)]);
    await new Promise((resolve) => setImmediate(resolve));
    const published = h.published.changes.slice(seen);
    expect(published.filter((m) => m.type === 'UPDATED').length).toBe(3);
    expect(published.filter((m) => m.type === 'REMOVED').map((m) => m.eventId)).toContain(yearly.id);
    expect(published.every((m) => m.partnerKind === 'SCHOOL' && m.partnerId === localOf(partnerId))).toBe(true);

    // The event comes back (a partner's glitch undone): the same row is scheduled again.
    feeds.set('/change.ics', { kind: 'feed', body: original });
    expect(await h.graph.services.sources.syncSource(h.admin, sourceId)).toMatchObject({ status: 'OK', created: 0, removed: 0 });
    const back = (await h.events(sourceId)).find((e) => e.id === yearly.id)!;
    expect([back.status, back.removedAt]).toEqual([EventStatus.SCHEDULED, null]);
  });

  it('reports PARTIAL with the skipped VEVENT and its reason, keeping the good ones', async () => {
    feeds.set('/partial.ics', { kind: 'feed', body: fixtureText('one-bad-vevent.ics') });
    const sourceId = await h.addSource(partnerId, `${feeds.url}/partial.ics`);
    const report = await h.graph.services.sources.syncSource(h.admin, sourceId);
    expect(report).toMatchObject({ status: 'PARTIAL', created: 2, skipped: 1, skippedItems: [{ externalId: 'bad@t', reason: 'VEVENT at line 9 (UID bad@t): DTSTART is missing.' }] });
  });

  it('reads gzip-encoded feeds and keeps the calendar name on the Source', async () => {
    feeds.set('/gzip.ics', { kind: 'feed', body: fixtureText('text.ics'), gzip: true });
    const sourceId = await h.addSource(partnerId, `${feeds.url}/gzip.ics`);
    expect(await h.graph.services.sources.syncSource(h.admin, sourceId)).toMatchObject({ status: 'OK', created: 2 });
    expect(feeds.requests.find((r) => r.path === '/gzip.ics')!.headers['accept-encoding']).toContain('gzip');
    expect((await h.source(sourceId)).title).toBe('Millbrook Schools'); // the calendar's NAME
  });

  it('decodes a feed in the charset its Content-Type names (windows-1252 from an old Exchange server)', async () => {
    const text = fixtureText('text.ics').replace('SUMMARY:Concert\\, choir \\; band – Ünïcode 🎵', 'SUMMARY:Café für Kinder');
    feeds.set('/cp1252.ics', { kind: 'feed', body: Buffer.from(text.replace(/[^\x00-\xff]/g, '?'), 'latin1'), contentType: 'text/calendar; charset=windows-1252' });
    const sourceId = await h.addSource(partnerId, `${feeds.url}/cp1252.ics`);
    expect((await h.graph.services.sources.syncSource(h.admin, sourceId)).status).toBe('OK');
    expect((await h.events(sourceId)).map((e) => e.title)).toContain('Café für Kinder');
  });

  it('retries a 503 with Retry-After and a 429, then succeeds', async () => {
    feeds.set('/flaky.ics', { kind: 'sequence', steps: [{ kind: 'status', status: 503, retryAfter: '0' }, { kind: 'feed', body: fixtureText('text.ics') }] });
    feeds.set('/busy.ics', { kind: 'sequence', steps: [{ kind: 'status', status: 429, retryAfter: '0' }, { kind: 'feed', body: fixtureText('text.ics') }] });
    for (const path of ['/flaky.ics', '/busy.ics']) {
      const sourceId = await h.addSource(partnerId, `${feeds.url}${path}`);
      expect((await h.graph.services.sources.syncSource(h.admin, sourceId)).status).toBe('OK');
      expect(feeds.count(path)).toBe(2);
    }
  });

  it('keeps events that aged out of the window instead of cancelling them', async () => {
    feeds.set('/aging.ics', { kind: 'feed', body: fixtureText('recurrence.ics') });
    const sourceId = await h.addSource(partnerId, `${feeds.url}/aging.ics`);
    await h.graph.services.sources.syncSource(h.admin, sourceId);
    await h.graph.db.getRepository('source').update({ id: localOf(sourceId) }, { expandFrom: new Date('2026-03-01T00:00:00Z') });
    const report = await h.graph.services.sources.syncSource(h.admin, sourceId);
    expect(report).toMatchObject({ status: 'OK', removed: 0 });
    const january = (await h.events(sourceId)).filter((e) => e.startsAt < new Date('2026-02-01T00:00:00Z'));
    expect(january.length).toBeGreaterThan(0);
    expect(january.every((e) => e.status === EventStatus.SCHEDULED && e.removedAt === null)).toBe(true);
  });

  it('publishes REGISTRATION_COUNTS when an EXTERNAL event\'s partner-reported count changes', async () => {
    const sink = createEventsSink({ pubsub: h.graph.services.pubsub });
    const source = { id: 'external-source', partnerId: localOf(partnerId), partnerTimezone: 'America/Chicago' };
    const item = (confirmed: number) => ({
      externalId: 'ticketed', seriesKey: null, title: 'Ticketed talk', description: null,
      startsAt: new Date('2026-12-01T18:00:00Z'), endsAt: new Date('2026-12-01T19:00:00Z'), timezone: 'America/Chicago', allDay: false,
      startDate: null, endDate: null, status: EventStatus.SCHEDULED, attendanceMode: AttendanceMode.OFFLINE, audiences: [], rawAudiences: [],
      categories: [], url: null, imageUrl: null, place: null,
      registration: { mode: RegistrationMode.EXTERNAL, url: 'https://tickets.example/talk', capacity: 60, confirmed },
    });
    const run = { db: h.graph.db, source, now: new Date(), incremental: false, deletedExternalIds: [] };
    await sink.apply(run, [item(10)]);
    const seen = h.published.counts.length;
    expect(await sink.apply(run, [item(10)])).toEqual({ created: 0, updated: 0, removed: 0, unchanged: 1 });
    expect(await sink.apply(run, [item(12)])).toEqual({ created: 0, updated: 1, removed: 0, unchanged: 0 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(h.published.counts.slice(seen)).toEqual([expect.objectContaining({ capacity: 60, confirmed: 12, remaining: 48, waitlisted: 0 })]);
    const row = await h.graph.db.getRepository(EventEntity).findOneByOrFail({ externalId: 'ticketed' });
    expect(row.confirmedCount).toBe(12);
  });
});
