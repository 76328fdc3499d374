import { describeEachBackend } from '../../support/backends';
import { FeedServer, FeedRoute } from '../../support/feed-server';
import { closeFeedSync, openFeedSync, fixtureText, SyncHarness } from './sync-harness';

/**
 * A broken partner feed records its error on the Source, keeps the data already stored, backs off,
 * and leaves other sources and queries alone. The harness uses one retry and a 256 KiB body cap; the
 * timeout here is 1.5 s, far below the hanging feed's 20 s, so every failure below ends in seconds.
 */
describeEachBackend('sync isolation: broken feeds', (backend) => {
  let h: SyncHarness;
  let feeds: FeedServer;
  let partnerId: string;

  beforeAll(async () => {
    ({ h, feeds, partnerId } = await openFeedSync(backend, 'isolation-school', {}, { timeoutMs: 1_500 }));
  });
  afterAll(() => closeFeedSync({ h, feeds }));

  const failures: Array<[string, FeedRoute, string]> = [
    ['answers 500', { kind: 'status', status: 500, body: 'boom' }, 'HTTP 500 Internal Server Error from {url}. (gave up after 2 attempts)'],
    ['times out', { kind: 'slow', delayMs: 20_000 }, 'Timed out after 1500 ms fetching {url}. (gave up after 2 attempts)'],
    ['sends an oversized body', { kind: 'oversized', bytes: 1024 * 1024 }, 'Response from {url} exceeds the 262144-byte limit.'],
    ['returns garbage', { kind: 'feed', body: 'PK\u0003\u0004garbage;;\nmore' }, 'Not an iCalendar feed: line 1 is not BEGIN:VCALENDAR.'],
    ['returns an HTML error page', { kind: 'feed', body: fixtureText('html-error-page.ics'), contentType: 'text/html; charset=utf-8' }, 'Not an iCalendar feed: {url} answered with an HTML page (Content-Type text/html; charset=utf-8).'],
    ['is truncated', { kind: 'feed', body: fixtureText('truncated.ics') }, 'Truncated iCalendar feed: BEGIN:VEVENT at line 4 is never closed (the feed ends at line 7).'],
    ['has an invalid RRULE in its VTIMEZONE', { kind: 'feed', body: fixtureText('invalid-vtimezone-rrule.ics') }, 'Invalid RRULE at line 8 in the STANDARD starting at line 6: FREQ=SOMETIMES is not a valid value.'],
  ];

  it.each(failures)('a feed that %s fails with a clear error on the Source, keeps its events and backs off', async (_name, route, message) => {
    const path = `/${_name.replace(/\W+/g, '-')}.ics`;
    feeds.set(path, { kind: 'feed', body: fixtureText('text.ics') });
    const url = `${feeds.url}${path}`;
    const sourceId = await h.addSource(partnerId, url);
    expect((await h.graph.services.sources.syncSource(h.admin, sourceId)).status).toBe('OK');
    const kept = await h.events(sourceId);

    feeds.set(path, route);
    const report = await h.graph.services.sources.syncSource(h.admin, sourceId);
    const expected = message.replace('{url}', url);
    expect(report).toMatchObject({ status: 'FAILED', error: expected, created: 0, updated: 0, removed: 0 });
    const source = await h.source(sourceId);
    expect([source.lastError, source.consecutiveFailures]).toEqual([expected, 1]);
    expect(source.nextSyncAt!.getTime()).toBeGreaterThan(source.lastAttemptAt!.getTime());
    expect(await h.events(sourceId)).toEqual(kept);

    const again = await h.graph.services.sources.syncSource(h.admin, sourceId);
    expect(again.status).toBe('FAILED');
    const twice = await h.source(sourceId);
    expect(twice.consecutiveFailures).toBe(2);
    // The back-off doubles with each consecutive failure.
    expect(twice.nextSyncAt!.getTime() - twice.lastAttemptAt!.getTime()).toBeGreaterThan(source.nextSyncAt!.getTime() - source.lastAttemptAt!.getTime());
  });

  it('a failing source neither affects another source\'s sync nor the events query', async () => {
    feeds.set('/down.ics', { kind: 'status', status: 502 });
    feeds.set('/up.ics', { kind: 'feed', body: fixtureText('all-day.ics') });
    const down = await h.addSource(partnerId, `${feeds.url}/down.ics`);
    const up = await h.addSource(partnerId, `${feeds.url}/up.ics`);
    const [bad, good] = await Promise.all([h.graph.services.sources.syncSource(h.admin, down), h.graph.services.sources.syncSource(h.admin, up)]);
    expect([bad.status, good.status, good.created]).toEqual(['FAILED', 'OK', 5]);
    const result = await h.graph.execute('{ events(first: 100, filter: { from: "2026-11-01T00:00:00Z", to: "2027-02-01T00:00:00Z" }) { totalCount } }');
    expect(result.errors).toBeUndefined();
    expect(result.data!.events.totalCount).toBeGreaterThanOrEqual(5);
  });

  it('a later good sync clears the error and the failure count', async () => {
    feeds.set('/recovers.ics', { kind: 'sequence', steps: [{ kind: 'status', status: 500 }, { kind: 'status', status: 500 }, { kind: 'feed', body: fixtureText('text.ics') }] });
    const sourceId = await h.addSource(partnerId, `${feeds.url}/recovers.ics`);
    expect((await h.graph.services.sources.syncSource(h.admin, sourceId)).status).toBe('FAILED');
    expect((await h.graph.services.sources.syncSource(h.admin, sourceId)).status).toBe('OK');
    const source = await h.source(sourceId);
    expect([source.lastError, source.consecutiveFailures, source.itemCount]).toEqual([null, 0, 2]);
  });
});
