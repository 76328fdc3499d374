import { openDatabase } from '../../src/db/data-source';
import { createTestDatabase } from '../support/backends';
import { startServe } from '../support/cli';
import { createPartner, insertNativeEvent, REGISTER, storedCounts } from '../support/native-event';
import { describeReplicas } from '../support/replicas';

describeReplicas('registration across two replicas sharing one database', (backend) => {
  it('never over-allocates when 300 registrations race through two server processes', async () => {
    const database = await createTestDatabase(backend);
    const replicas: Awaited<ReturnType<typeof startServe>>[] = [];
    try {
      replicas.push(await startServe({ DATABASE_URL: database.url, DEMO: 'off', RATE_LIMIT: 'off' }));
      replicas.push(await startServe({ DATABASE_URL: database.url, DEMO: 'off', RATE_LIMIT: 'off' }));
      const urls = replicas.map((r) => r.url.replace('localhost', '127.0.0.1'));
      const db = await openDatabase(database.config);
      try {
        const { partner } = await createPartner(db);
        const event = await insertNativeEvent(db, partner.id, { capacity: 50, waitlistCapacity: 20, maxPartySize: 1 });
        const responses = await Promise.all(Array.from({ length: 300 }, (_, n) => fetch(urls[n % 2], {
          method: 'POST', headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: REGISTER, variables: { input: { eventId: event.globalId, name: 'R', email: `replica-race${n}@example.org` } } }),
        }).then((r) => r.json())));
        const outcomes = responses.map((r) => r.data.register.registration?.status ?? r.data.register.code);
        const tally = outcomes.reduce<Record<string, number>>((t, o) => ({ ...t, [o]: (t[o] ?? 0) + 1 }), {});
        expect(tally).toEqual({ CONFIRMED: 50, WAITLISTED: 20, EVENT_FULL: 230 });
        const counts = await storedCounts(db, event.id);
        expect(counts).toMatchObject({ confirmed: 50, waitlisted: 20, rows: { confirmed: 50, waitlisted: 20 } });
        expect(counts.rows.waitlistPositions).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      } finally {
        await db.destroy();
      }
    } finally {
      for (const replica of replicas) replica.child.kill('SIGTERM');
      await Promise.all(replicas.map((r) => r.exited));
      await database.drop();
    }
  }, 90_000);
});
