import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { openDatabase } from '../../src/db/data-source';
import { createTestDatabase, describeEachBackend } from '../support/backends';
import { startServe } from '../support/cli';
import { describeWithRedis } from '../support/redis';
import { createPartner, insertNativeEvent, REGISTER } from '../support/native-event';

const SEATS = `query Seats($id: ID!) { event(id: $id) { registration { confirmed remaining } } }`;

describeWithRedis('response cache across replicas (Redis)', (REDIS_URL) => {
  describeEachBackend('response cache across two replicas sharing the database and Redis', (backend) => {
    it('a registration on replica A empties replica B\'s cache', async () => {
      const database = await createTestDatabase(backend);
      const prefix = `cg-cache-${process.pid}-${randomBytes(4).toString('hex')}:`;
      const redis = new Redis(REDIS_URL);
      // A ten-minute TTL: B's answer can only change through the invalidation message.
      const env = {
        DATABASE_URL: database.url, DEMO: 'off', REDIS_URL, REDIS_CHANNEL_PREFIX: prefix, RATE_LIMIT: 'off', SYNC_SCHEDULER: 'off',
        RESPONSE_CACHE: 'on', RESPONSE_CACHE_TTL_MS: '600000',
      };
      const replicas: Awaited<ReturnType<typeof startServe>>[] = [];
      try {
        replicas.push(await startServe(env)); // A migrates first
        replicas.push(await startServe(env));
        const [a, b] = replicas.map((r) => r.url.replace('localhost', '127.0.0.1'));
        const db = await openDatabase(database.config);
        const { partner } = await createPartner(db);
        const event = await insertNativeEvent(db, partner.id, { capacity: 3, waitlistCapacity: 0, maxPartySize: 1 });
        await db.destroy();

        const post = async (url: string, query: string, variables: unknown) => {
          const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
          return { cache: response.headers.get('x-cache'), json: await response.json() as any };
        };
        const seatsOnB = () => post(b, SEATS, { id: event.globalId });
        expect((await seatsOnB()).cache).toBe('MISS');
        const cached = await seatsOnB();
        expect([cached.cache, cached.json.data.event.registration]).toEqual(['HIT', { confirmed: 0, remaining: 3 }]);

        // Both replicas listen on DATA_CHANGED before A writes (bounded wait for the subscriptions).
        const channel = `${prefix}DATA_CHANGED`;
        for (let i = 0; i < 500 && Number(((await redis.pubsub('NUMSUB', channel)) as [string, number])[1]) < 2; i++) {
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        expect(Number(((await redis.pubsub('NUMSUB', channel)) as [string, number])[1])).toBe(2);

        const registered = await post(a, REGISTER, { input: { eventId: event.globalId, name: 'N', email: 'replica-cache@example.org' } });
        expect(registered.json.data.register.registration.status).toBe('CONFIRMED');
        // The message crosses Redis after A's answer; wait for B to drop its copy (bounded).
        let seen = await seatsOnB();
        for (let i = 0; i < 200 && seen.cache === 'HIT'; i++) {
          await new Promise((resolve) => setTimeout(resolve, 25));
          seen = await seatsOnB();
        }
        expect([seen.cache, seen.json.data.event.registration]).toEqual(['MISS', { confirmed: 1, remaining: 2 }]);
      } finally {
        for (const replica of replicas) replica.child.kill('SIGTERM');
        const codes = await Promise.all(replicas.map((r) => r.exited));
        await redis.quit();
        await database.drop();
        expect(codes).toEqual(replicas.map(() => 0));
      }
    }, 120_000);
  });
});
