import { openDatabase } from '../../../src/db/data-source';
import { createLogger } from '../../../src/logger';
import { metrics } from '../../../src/observability/metrics';
import { SyncScheduler } from '../../../src/features/sources/sync-scheduler';
import { FeedServer } from '../../support/feed-server';
import { until } from '../../support/until';
import { createSyncHarness, fixtureText, localOf, SyncHarness } from './sync-harness';

interface LogLine { level: number; msg: string; sourceId?: string; status?: string; error?: string; err?: { message?: string } }

const ticks = async () => (await metrics.syncSchedulerTicks.get()).values[0]?.value ?? 0;

/** The scheduler's own loop (start / stop), as `serve` runs it with SYNC_SCHEDULER=on: no tick() called by hand. */
describe('sync scheduler loop', () => {
  let h: SyncHarness;
  let feeds: FeedServer;
  let partnerId: string;
  let logs: LogLine[];
  const logger = () => createLogger('info', { write: (line: string) => void logs.push(JSON.parse(line)) });

  beforeAll(async () => {
    h = await createSyncHarness('sqlite', { retries: 0 });
    feeds = await new FeedServer().start();
    partnerId = await h.addPartner('looping-school');
  });
  beforeEach(() => { logs = []; });
  afterAll(async () => {
    await feeds.close();
    await h.close();
  });

  it('syncs due sources on its own, logs each scheduled sync (with the error of a failed one) and counts each look', async () => {
    feeds.set('/ok.ics', { kind: 'feed', body: fixtureText('text.ics') }).set('/gone.ics', { kind: 'status', status: 404 });
    const ok = await h.addSource(partnerId, `${feeds.url}/ok.ics`);
    const gone = await h.addSource(partnerId, `${feeds.url}/gone.ics`);
    const before = await ticks();
    const scheduler = new SyncScheduler(h.graph.db, h.graph.services.sync, h.graph.services.syncLocks, { tickMs: 20, logger: logger() });
    scheduler.start();
    try {
      await until(() => logs.filter((l) => l.msg === 'scheduled sync').length >= 2, 'both sources were synced');
      await until(async () => (await ticks()) > before, 'the tick was counted');
    } finally {
      await scheduler.stop();
    }
    const synced = logs.filter((l) => l.msg === 'scheduled sync').sort((a, b) => String(a.status).localeCompare(String(b.status)));
    expect(synced).toEqual([
      expect.objectContaining({ sourceId: localOf(gone), status: 'FAILED', error: `HTTP 404 Not Found from ${feeds.url}/gone.ics.` }),
      expect.objectContaining({ sourceId: localOf(ok), status: 'OK', created: expect.any(Number) }),
    ]);
    expect(synced[1]).not.toHaveProperty('error');
    expect((await h.source(ok)).lastSuccessAt).not.toBeNull();
    expect((await h.source(gone)).consecutiveFailures).toBe(1);
  });

  it('stop() waits for the sync in progress to finish and be recorded', async () => {
    feeds.set('/slow.ics', { kind: 'feed', body: fixtureText('text.ics'), delayMs: 400 });
    const slow = await h.addSource(partnerId, `${feeds.url}/slow.ics`);
    const scheduler = new SyncScheduler(h.graph.db, h.graph.services.sync, h.graph.services.syncLocks, { tickMs: 20, logger: logger() });
    scheduler.start();
    await until(() => feeds.count('/slow.ics') >= 1, 'the slow feed was requested');
    await scheduler.stop();
    expect((await h.source(slow)).lastSuccessAt).not.toBeNull();
    expect(logs).toContainEqual(expect.objectContaining({ msg: 'scheduled sync', sourceId: localOf(slow), status: 'OK' }));
  });

  it('a look that fails (its database is gone) is logged as an error, and the loop keeps looking', async () => {
    const db = await openDatabase(h.graph.database.config);
    await db.destroy();
    const scheduler = new SyncScheduler(db, h.graph.services.sync, h.graph.services.syncLocks, { tickMs: 20, logger: logger() });
    scheduler.start();
    try {
      await until(() => logs.filter((l) => l.msg === 'sync scheduler tick failed').length >= 2, 'two failed looks were logged');
    } finally {
      await scheduler.stop();
    }
    const failed = logs.find((l) => l.msg === 'sync scheduler tick failed')!;
    expect(failed.level).toBe(50); // pino's "error"
    expect(failed.err?.message).toEqual(expect.any(String));
  });
});
