import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { SourceFormat } from '../../src/datasources/adapter';
import { openDatabase } from '../../src/db/data-source';
import { stableId } from '../../src/domain/ids';
import { EventEntity } from '../../src/model/event.entity';
import { SourceEntity } from '../../src/model/source.entity';
import { startServe } from '../support/cli';
import { createTestDatabase, TestDatabase } from '../support/backends';
import { FeedServer } from '../support/feed-server';
import { createPartner, insertNativeEvent, REGISTER } from '../support/native-event';
import { describeNeeding, needsAll, needsPostgres, needsRedis } from '../support/needs';
import { connect, toWsUrl } from '../support/ws';

/**
 * Scale-out: replicas are identical processes on one PostgreSQL database (and one Redis). Checked
 * here: N replicas started at once on an empty database (a Deployment's first rollout) all come up,
 * migrate once and load the demo once; and with Redis, the three properties scale-out rests on:
 * subscriptions fan out across replicas, a scheduled sync runs on one replica only, and rate limits
 * are one budget across replicas.
 */
describeNeeding(needsPostgres(), 'replicas on one PostgreSQL database', () => {
  it('start together on an empty database: every replica becomes ready, the schema and the demo exist once', async () => {
    const database: TestDatabase = await createTestDatabase('postgres');
    const replicas: Awaited<ReturnType<typeof startServe>>[] = [];
    try {
      const started = await Promise.allSettled([1, 2, 3].map(() => startServe({ DATABASE_URL: database.url, DEMO: 'on' })));
      for (const s of started) if (s.status === 'fulfilled') replicas.push(s.value);
      expect(started.filter((s) => s.status === 'rejected').map((s) => String((s as PromiseRejectedResult).reason))).toEqual([]);

      const answers = await Promise.all(replicas.map(async ({ url: graphqlUrl }) => {
        const ready = await fetch(new URL('/readyz', graphqlUrl));
        const response = await fetch(graphqlUrl, {
          method: 'POST', headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ partners { slug } events(first: 1) { totalCount } }' }),
        });
        const { data } = (await response.json()) as { data: { partners: { slug: string }[]; events: { totalCount: number } } };
        return { ready: ready.status, partners: data.partners.length, events: data.events.totalCount };
      }));
      expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
      expect(answers[0]).toMatchObject({ ready: 200, partners: 5 });
    } finally {
      for (const replica of replicas) {
        replica.child.kill('SIGTERM');
        await replica.exited;
      }
      await database.drop();
    }
  });
});

const ONE_EVENT_ICS = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//replicas test//EN', 'BEGIN:VEVENT', 'UID:replica-sync@test',
  'DTSTAMP:20260101T000000Z', 'DTSTART:20270105T170000Z', 'DTEND:20270105T180000Z', 'SUMMARY:Synced once', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');

describeNeeding(needsAll(needsPostgres(), needsRedis()), 'three replicas on PostgreSQL and Redis', () => {
  it('fan out subscriptions, run a scheduled sync once, and share one rate-limit budget', async () => {
    const database = await createTestDatabase('postgres');
    const prefix = `cg-replicas-${process.pid}-${randomBytes(4).toString('hex')}`;
    const redis = new Redis(process.env.TEST_REDIS_URL!);
    const feeds = await new FeedServer().start();
    feeds.set('/calendar.ics', { kind: 'feed', body: ONE_EVENT_ICS });
    const replicas: Awaited<ReturnType<typeof startServe>>[] = [];
    let db!: DataSource;
    try {
      const env = {
        DATABASE_URL: database.url, DEMO: 'off', REDIS_URL: process.env.TEST_REDIS_URL!, REDIS_CHANNEL_PREFIX: `${prefix}:`,
        RATE_LIMIT: 'on', RATE_LIMIT_PER_IP: '6', RATE_LIMIT_KEY_PREFIX: `${prefix}:rl`,
        SOURCE_ALLOW_HOSTS: '127.0.0.1', SYNC_SCHEDULER_TICK_MS: '200',
      };
      replicas.push(await startServe(env)); // the first migrates; the others start on the migrated schema
      replicas.push(...await Promise.all([startServe(env), startServe(env)]));
      db = await openDatabase(database.config);
      const urls = replicas.map((r) => r.url.replace('localhost', '127.0.0.1'));
      const post = (url: string, query: string, variables: unknown = {}) => fetch(url, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }),
      }).then(async (r) => ({ status: r.status, json: await r.json() as any }));

      // 1. Rate limits: nine requests from one address, round-robin over three replicas, against a
      // budget of six. Per-replica buckets would let all nine through.
      const answers = [];
      for (let i = 0; i < 9; i++) answers.push(await post(urls[i % 3], '{ partners { slug } }'));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200, 429, 429, 429]);
      expect(answers[6].json.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'ip' });
      const buckets = await redis.keys(`${prefix}:rl*`);
      if (buckets.length) await redis.del(...buckets); // a fresh budget for the rest of the test

      // 2. Fan-out: a subscriber on replica 3 sees the counts of a registration made on replica 1.
      const { partner } = await createPartner(db);
      const event = await insertNativeEvent(db, partner.id, { capacity: 3, waitlistCapacity: 0, maxPartySize: 1 });
      const subscriber = await connect(toWsUrl(urls[2]));
      subscriber.send({ type: 'subscribe', id: 'counts', payload: { query: `subscription { registrationCounts(eventIds: ["${event.globalId}"]) { eventId confirmed remaining } }` } });
      const channel = `${prefix}:REGISTRATION_COUNTS`;
      for (let i = 0; i < 500 && Number(((await redis.pubsub('NUMSUB', channel)) as [string, number])[1]) < 1; i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const registered = await post(urls[0], REGISTER, { input: { eventId: event.globalId, name: 'N', email: 'fanout@example.org' } });
      expect(registered.json.errors).toBeUndefined();
      expect(await subscriber.next()).toMatchObject({ type: 'next', id: 'counts', payload: { data: { registrationCounts: { eventId: event.globalId, confirmed: 1, remaining: 2 } } } });
      subscriber.close();

      // 3. A due source is pulled by exactly one of the three schedulers (each ticks every 200 ms).
      const sourceId = stableId('replica-test-source', prefix);
      await db.getRepository(SourceEntity).insert(db.getRepository(SourceEntity).create({
        id: sourceId, partnerId: partner.id, format: SourceFormat.ICALENDAR, url: `${feeds.url}/calendar.ics`, refreshMinutes: 60,
        expandFrom: null, expandTo: null, options: '{}', title: null, etag: null, lastModified: null, lastAttemptAt: null,
        lastSuccessAt: null, lastError: null, lastExpandedAt: null, consecutiveFailures: 0, itemCount: 0, nextSyncAt: new Date(), createdAt: new Date(),
      }));
      let synced: SourceEntity | null = null;
      for (let i = 0; i < 300 && !synced?.lastSuccessAt; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        synced = await db.getRepository(SourceEntity).findOneBy({ id: sourceId });
      }
      expect([synced?.lastError, synced?.itemCount]).toEqual([null, 1]);
      // Every replica's scheduler passes over the source again, counted, not timed: two more finished
      // ticks on each, so at least one began after the sync was stored. None may pull it again.
      const ticks = async (url: string) => {
        const text = await (await fetch(new URL('/metrics', url))).text();
        return Number(/^community_graph_sync_scheduler_ticks_total (\d+)$/m.exec(text)![1]);
      };
      const after = await Promise.all(urls.map(ticks));
      expect(after.every((n) => n > 0)).toBe(true);
      for (let i = 0; i < 1_000 && (await Promise.all(urls.map(ticks))).some((n, r) => n < after[r] + 2); i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect((await Promise.all(urls.map(ticks))).every((n, r) => n >= after[r] + 2)).toBe(true);
      expect(feeds.count('/calendar.ics')).toBe(1);
      expect(await db.getRepository(EventEntity).countBy({ sourceId })).toBe(1);
    } finally {
      for (const replica of replicas) replica.child.kill('SIGTERM');
      await Promise.all(replicas.map((r) => r.exited));
      await db?.destroy();
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
      await feeds.close();
      await database.drop();
    }
  }, 120_000);
});
