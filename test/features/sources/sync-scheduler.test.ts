import { DataSource } from 'typeorm';
import { SourceFormat } from '../../../src/datasources/adapter';
import { SourceEntity } from '../../../src/model/source.entity';
import { openDatabase } from '../../../src/db/data-source';
import { createMemoryPubSub } from '../../../src/pubsub/pubsub';
import { createServices, Services } from '../../../src/compose';
import { SourceLocks } from '../../../src/features/sources/source-lock';
import { SyncScheduler } from '../../../src/features/sources/sync-scheduler';
import { describeEachBackend } from '../../support/backends';
import { FeedServer } from '../../support/feed-server';
import { loopbackUrlPolicy } from '../../support/url-policy';
import { createSyncHarness, fixtureText, localOf, SyncHarness } from './sync-harness';

/** A second "replica": its own connection pool, services and scheduler over the same database. */
async function replica(h: SyncHarness): Promise<{ db: DataSource; services: Services; scheduler: SyncScheduler }> {
  const db = await openDatabase(h.graph.database.config);
  const services = createServices(db, { pubsub: createMemoryPubSub(), urlPolicy: loopbackUrlPolicy(), partnerHttp: { timeoutMs: 2_000, retries: 0 } });
  return { db, services, scheduler: new SyncScheduler(db, services.sync, services.syncLocks, { tickMs: 60_000 }) };
}

describeEachBackend('sync scheduler', (backend) => {
  let h: SyncHarness;
  let feeds: FeedServer;
  let partnerId: string;
  let scheduler: SyncScheduler;

  beforeAll(async () => {
    h = await createSyncHarness(backend); // its 5 s timeout: the slow feeds below must not time out on a busy machine
    feeds = await new FeedServer().start();
    partnerId = await h.addPartner('scheduled-school');
    scheduler = new SyncScheduler(h.graph.db, h.graph.services.sync, h.graph.services.syncLocks, { tickMs: 60_000 });
  });
  afterAll(async () => {
    await scheduler.stop();
    await feeds.close();
    await h.close();
  });

  it('syncs due sources, then not again until their interval (with jitter) has passed; a failing one backs off', async () => {
    feeds.set('/a.ics', { kind: 'feed', body: fixtureText('text.ics') }).set('/broken.ics', { kind: 'status', status: 500 });
    const a = await h.addSource(partnerId, `${feeds.url}/a.ics`);
    const broken = await h.addSource(partnerId, `${feeds.url}/broken.ics`);
    const first = await scheduler.tick();
    expect(first.map((r) => r.status).sort()).toEqual(['FAILED', 'OK']);
    const source = await h.source(a);
    const waitMs = source.nextSyncAt!.getTime() - source.lastSuccessAt!.getTime();
    expect(waitMs).toBeGreaterThanOrEqual(60 * 60_000);
    expect(waitMs).toBeLessThanOrEqual(66 * 60_000);
    expect(await scheduler.tick()).toEqual([]);
    expect(feeds.count('/a.ics')).toBe(1);
    expect(feeds.count('/broken.ics')).toBe(2); // the first attempt and its one retry
    const failing = await h.source(broken);
    expect(failing.nextSyncAt!.getTime()).toBeGreaterThan(Date.now());
    // Once due again, it is retried.
    const later = await scheduler.tick(new Date(failing.nextSyncAt!.getTime() + 1));
    expect(later.map((r) => r.sourceId)).toEqual([localOf(broken)]);
  });

  it('runs a source once even when ticks overlap in one process', async () => {
    feeds.set('/slow.ics', { kind: 'feed', body: fixtureText('text.ics'), delayMs: 300 });
    await h.addSource(partnerId, `${feeds.url}/slow.ics`);
    const [one, two] = await Promise.all([scheduler.tick(), scheduler.tick()]);
    expect(one.length + two.length).toBe(1);
    expect(feeds.count('/slow.ics')).toBe(1);
  });

  it('never pulls a live ILS_AVAILABILITY source (read per request), even when its nextSyncAt is due', async () => {
    feeds.set('/ilsdi', { kind: 'status', status: 500 });
    const live = await h.addSource(partnerId, `${feeds.url}/ilsdi`, SourceFormat.ILS_AVAILABILITY);
    await h.graph.db.getRepository(SourceEntity).update({ id: localOf(live) }, { nextSyncAt: new Date(0) });
    expect(await scheduler.tick()).toEqual([]);
    expect(feeds.count('/ilsdi')).toBe(0);
    expect((await h.source(live)).lastAttemptAt).toBeNull();
  });

  if (backend === 'postgres') {
    it('with several replicas on PostgreSQL, each due sync runs on exactly one (advisory lock)', async () => {
      const paths = ['/r1.ics', '/r2.ics', '/r3.ics', '/r4.ics'];
      for (const path of paths) {
        feeds.set(path, { kind: 'feed', body: fixtureText('text.ics'), delayMs: 200 });
        await h.addSource(partnerId, `${feeds.url}${path}`);
      }
      const [b, c] = [await replica(h), await replica(h)];
      try {
        const results = await Promise.all([b.scheduler.tick(), c.scheduler.tick(), scheduler.tick()]);
        expect(results.flat().length).toBe(paths.length);
        expect(paths.map((p) => feeds.count(p))).toEqual([1, 1, 1, 1]);
      } finally {
        await b.db.destroy();
        await c.db.destroy();
      }
    });

    it('the advisory lock is held across connections until the sync ends', async () => {
      const other = await openDatabase(h.graph.database.config);
      try {
        const mine = new SourceLocks(h.graph.db);
        const theirs = new SourceLocks(other);
        let release!: () => void;
        let entered!: () => void;
        const working = new Promise<void>((resolve) => { entered = resolve; });
        const held = mine.tryRun('some-source', () => new Promise<string>((resolve) => {
          release = () => resolve('done');
          entered();
        }));
        // Waited for, not timed: the work has started, and the other connection sees the advisory lock granted.
        await working;
        const [{ granted }] = await other.query("SELECT count(*)::int AS granted FROM pg_locks WHERE locktype = 'advisory' AND granted");
        expect(granted).toBeGreaterThanOrEqual(1);
        expect(await theirs.tryRun('some-source', async () => 'ran')).toBeNull();
        release();
        expect(await held).toBe('done');
        expect(await theirs.tryRun('some-source', async () => 'ran')).toBe('ran');
      } finally {
        await other.destroy();
      }
    });
  }
});
