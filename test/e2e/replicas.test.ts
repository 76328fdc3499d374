import { startServe } from '../support/cli';
import { createTestDatabase, TestDatabase } from '../support/backends';

/**
 * Scale-out: replicas are identical processes on one PostgreSQL database. What this file checks now
 * is the part that needs no Redis: N replicas started at once on an empty database (a Deployment's
 * first rollout) all come up, migrate once and load the demo once. Subscriptions fanning out through
 * Redis, scheduled syncs running once, and shared rate limits join here as those features land.
 */
describe('replicas on one PostgreSQL database', () => {
  it('start together on an empty database: every replica becomes ready, the schema and the demo exist once', async () => {
    if (!process.env.TEST_DATABASE_URL) {
      const message = 'replicas need PostgreSQL: set TEST_DATABASE_URL to run the scale-out test';
      if (process.env.CI === 'true') throw new Error(message);
      console.warn(`NOTICE: ${message}`);
      return;
    }
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
