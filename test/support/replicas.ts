import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { BackendName, createTestDatabase, TestDatabase } from './backends';
import { startServe } from './cli';
import { describeNeeding, needsPostgres } from './needs';

export interface TwoReplicas {
  /** Base URLs of replica A (started first, so it ran the migrations) and replica B. */
  a: string;
  b: string;
  database: TestDatabase;
  /** This run's Redis channel prefix (REDIS_CHANNEL_PREFIX), unique per test. */
  prefix: string;
  /** A client of our own, to look at what the replicas do on Redis. */
  redis: Redis;
}

/**
 * Two `serve` processes sharing one fresh database and one Redis, for the length of `work`. Both are
 * stopped afterwards and must exit cleanly; the database is dropped and the Redis client closed.
 */
export async function withTwoReplicas(
  backend: BackendName, redisUrl: string, env: Record<string, string>, work: (replicas: TwoReplicas) => Promise<void>,
): Promise<void> {
  const database = await createTestDatabase(backend);
  const prefix = `cg-test-${process.pid}-${randomBytes(4).toString('hex')}:`;
  const redis = new Redis(redisUrl);
  const serveEnv = { DATABASE_URL: database.url, DEMO: 'off', REDIS_URL: redisUrl, REDIS_CHANNEL_PREFIX: prefix, RATE_LIMIT: 'off', ...env };
  const started: Awaited<ReturnType<typeof startServe>>[] = [];
  try {
    started.push(await startServe(serveEnv)); // A migrates first
    started.push(await startServe(serveEnv));
    const [a, b] = started.map((r) => r.url.replace('localhost', '127.0.0.1'));
    await work({ a, b, database, prefix, redis });
  } finally {
    for (const replica of started) replica.child.kill('SIGTERM');
    const codes = await Promise.all(started.map((r) => r.exited));
    await redis.quit();
    await database.drop();
    expect(codes).toEqual(started.map(() => 0));
  }
}

/** Waits (bounded) until Redis counts `count` subscribers on `channel`, and asserts it. */
export async function expectChannelSubscribers(redis: Redis, channel: string, count: number): Promise<void> {
  const subscribers = async () => Number(((await redis.pubsub('NUMSUB', channel)) as [string, number])[1]);
  for (let i = 0; i < 500 && (await subscribers()) < count; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(await subscribers()).toBe(count);
}

/**
 * Suites of several replicas on one database: PostgreSQL only, since a second `serve` on one SQLite
 * file is refused (test/e2e/startup-errors.test.ts). Without TEST_DATABASE_URL the suite fails in CI
 * and is skipped elsewhere, the reason in its name.
 */
export function describeReplicas(title: string, suite: (backend: BackendName) => void): void {
  describeNeeding(needsPostgres(), `${title} [postgres]`, () => suite('postgres'));
}
