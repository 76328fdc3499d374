import { openDatabase } from '../../src/db/data-source';
import { describeWithRedis } from '../support/redis';
import { describeReplicas, expectChannelSubscribers, withTwoReplicas } from '../support/replicas';
import { createPartner, insertNativeEvent, REGISTER } from '../support/native-event';

const SEATS = `query Seats($id: ID!) { event(id: $id) { registration { confirmed remaining } } }`;

describeWithRedis('response cache across replicas (Redis)', (REDIS_URL) => {
  describeReplicas('response cache across two replicas sharing the database and Redis', (backend) => {
    it('a registration on replica A empties replica B\'s cache', async () => {
      // A ten-minute TTL: B's answer can only change through the invalidation message.
      const env = { SYNC_SCHEDULER: 'off', RESPONSE_CACHE: 'on', RESPONSE_CACHE_TTL_MS: '600000' };
      await withTwoReplicas(backend, REDIS_URL, env, async ({ a, b, database, prefix, redis }) => {
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
        await expectChannelSubscribers(redis, `${prefix}DATA_CHANGED`, 2);

        const registered = await post(a, REGISTER, { input: { eventId: event.globalId, name: 'N', email: 'replica-cache@example.org' } });
        expect(registered.json.data.register.registration.status).toBe('CONFIRMED');
        // The message crosses Redis after A's answer; wait for B to drop its copy (bounded).
        let seen = await seatsOnB();
        for (let i = 0; i < 200 && seen.cache === 'HIT'; i++) {
          await new Promise((resolve) => setTimeout(resolve, 25));
          seen = await seatsOnB();
        }
        expect([seen.cache, seen.json.data.event.registration]).toEqual(['MISS', { confirmed: 1, remaining: 2 }]);
      });
    }, 120_000);
  });
});
