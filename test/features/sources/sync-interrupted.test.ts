import { FeedServer } from '../../support/feed-server';
import { until } from '../../support/until';
import { createSyncHarness, fixtureText, SyncHarness } from './sync-harness';

/**
 * A sync cut short by shutdown (the server aborts `stopping` first thing in close()) is not the
 * partner's fault: no failure, no back-off recorded, so the source is still due after the restart.
 * test/e2e/shutdown-sync.test.ts checks the same through a real `serve` and SIGTERM.
 */
describe('a sync interrupted by shutdown', () => {
  let h: SyncHarness;
  let feeds: FeedServer;
  const stopping = new AbortController();

  beforeAll(async () => {
    // The fetch timeout is far past the wait below: only the abort ends the pull.
    h = await createSyncHarness('sqlite', { timeoutMs: 60_000, retries: 0 }, {}, { stopping: stopping.signal });
    feeds = await new FeedServer().start();
  });
  afterAll(async () => {
    await feeds.close();
    await h.close();
  });

  it('reports FAILED but records no failure: the source keeps its due date and a clean error state', async () => {
    feeds.set('/stalled.ics', { kind: 'feed', body: fixtureText('text.ics'), delayMs: 30_000 });
    const sourceId = await h.addSource(await h.addPartner('stalled-school'), `${feeds.url}/stalled.ics`);
    const before = await h.source(sourceId);

    const sync = h.graph.services.sources.syncSource(h.admin, sourceId);
    await until(() => feeds.count('/stalled.ics') === 1, 'the pull has started');
    stopping.abort();
    const report = await sync;

    expect(report).toMatchObject({ status: 'FAILED', error: expect.any(String) });
    const after = await h.source(sourceId);
    expect(after).toMatchObject({ consecutiveFailures: 0, lastError: null, lastAttemptAt: null, lastSuccessAt: null, nextSyncAt: before.nextSyncAt });
  });
});
