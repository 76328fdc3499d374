/**
 * Suites that need a real Redis (TEST_REDIS_URL). Without it the suite is one test that says what
 * did not run, and fails in CI (CI=true), so a missing Redis never passes for a green run.
 */
export function describeWithRedis(title: string, body: (redisUrl: string) => void): void {
  const redisUrl = process.env.TEST_REDIS_URL;
  if (redisUrl) {
    body(redisUrl);
    return;
  }
  describe(title, () => {
    it('needs TEST_REDIS_URL', () => {
      const notice = `TEST_REDIS_URL is not set: "${title}" did not run (e.g. TEST_REDIS_URL=redis://127.0.0.1:6379).`;
      if (process.env.CI === 'true') throw new Error(notice);
      process.stdout.write(`${notice}\n`);
    });
  });
}
