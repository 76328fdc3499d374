import { openDatabase } from '../../src/db/data-source';
import { describeWithRedis } from '../support/redis';
import { describeReplicas, expectChannelSubscribers, withTwoReplicas } from '../support/replicas';
import { CANCEL, createPartner, insertNativeEvent, REGISTER } from '../support/native-event';
import { connect, toWsUrl } from '../support/ws';

describeWithRedis('live counts across replicas (Redis)', (REDIS_URL) => {
  describeReplicas('live counts across two replicas sharing the database and Redis', (backend) => {
    it('delivers to a subscriber on replica B the counts of registrations made on replica A, in order', async () => {
      // Every change is a frame (LIVE_COALESCE_MS=0), so each one's counts can be named in order.
      await withTwoReplicas(backend, REDIS_URL, { LIVE_COALESCE_MS: '0' }, async ({ a, b, database, prefix, redis }) => {
        expect(a).not.toBe(b);

        const db = await openDatabase(database.config);
        const { partner } = await createPartner(db);
        const event = await insertNativeEvent(db, partner.id, { capacity: 3, waitlistCapacity: 2, maxPartySize: 1 });
        await db.destroy();

        const subscriber = await connect(toWsUrl(b));
        subscriber.send({ type: 'subscribe', id: 'counts', payload: { query: `subscription { registrationCounts(eventIds: ["${event.globalId}"]) { eventId confirmed waitlisted remaining } }` } });
        // B's Redis subscription is in place once Redis counts a subscriber on the channel (bounded wait).
        await expectChannelSubscribers(redis, `${prefix}REGISTRATION_COUNTS`, 1);

        const post = (url: string, query: string, variables: unknown) => fetch(url, {
          method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }),
        }).then((r) => r.json());
        // B delivers the counts as stored when the change reaches it (fresh-counts.ts), so each change
        // is awaited on B before the next is made on A: every step's counts can then be named.
        const seen: { eventId: string; confirmed: number; waitlisted: number; remaining: number }[] = [];
        const nextFrame = async () => {
          const message = await subscriber.next();
          expect(message).toMatchObject({ type: 'next', id: 'counts' });
          seen.push(message.payload.data.registrationCounts);
        };
        const tickets = [];
        for (let n = 0; n < 5; n++) {
          const result = await post(a, REGISTER, { input: { eventId: event.globalId, name: 'N', email: `replica${n}@example.org` } });
          tickets.push(result.data.register);
          await nextFrame();
        }
        const full = await post(a, REGISTER, { input: { eventId: event.globalId, name: 'N', email: 'late@example.org' } });
        expect(full.data.register.code).toBe('EVENT_FULL');
        await post(a, CANCEL, { input: { registrationId: tickets[0].registration.id, cancelToken: tickets[0].cancelToken } });
        await nextFrame();
        expect(seen.map((c) => [c.confirmed, c.waitlisted, c.remaining])).toEqual([
          [1, 0, 2], [2, 0, 1], [3, 0, 0], [3, 1, 0], [3, 2, 0], // five registrations on A
          [3, 1, 0], // a cancellation on A promoted the first waitlisted party
        ]);
        expect(new Set(seen.map((c) => c.eventId))).toEqual(new Set([event.globalId]));
        subscriber.close();
      });
    }, 120_000);
  });
});
