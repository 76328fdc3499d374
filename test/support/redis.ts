import { describeNeeding, needsRedis } from './needs';

/**
 * Suites that need a real Redis (TEST_REDIS_URL). Without it the suite is skipped locally (the reason
 * in its name) and fails in CI (CI=true), so a missing Redis never passes for a green run.
 */
export function describeWithRedis(title: string, body: (redisUrl: string) => void): void {
  const redisUrl = process.env.TEST_REDIS_URL;
  if (redisUrl) {
    body(redisUrl);
    return;
  }
  describeNeeding(needsRedis(), title, () => undefined);
}
