import { createRateLimits } from '../../../src/edge/rate-limit/rate-limit';

/**
 * Retry-After is whole seconds, rounded up: a client told to wait less than the window left would be
 * refused again. The clock is jest's fake Date (rate-limiter-flexible's memory store reads Date.now()).
 */
describe('Retry-After of a refused request', () => {
  const config = { enabled: true, perIp: 1, perKey: 1, registerPerIp: 1, authFailuresPerIp: 1, windowSeconds: 60, keyPrefix: 'retry-after' };
  const start = new Date('2026-12-07T12:00:00.000Z');
  beforeEach(() => { jest.useFakeTimers({ now: start }); });
  afterEach(() => { jest.useRealTimers(); });

  it('rounds the time left up to the next whole second when consuming', async () => {
    const limits = createRateLimits(config, null);
    expect(await limits.consume('ip', '10.0.0.1')).toMatchObject({ allowed: true, retryAfterSeconds: 0 });
    jest.setSystemTime(start.getTime() + 700); // 59.3 s of the window left
    expect(await limits.consume('ip', '10.0.0.1')).toEqual({ allowed: false, limit: 'ip', points: 1, windowSeconds: 60, retryAfterSeconds: 60 });
    jest.setSystemTime(start.getTime() + 59_999); // 1 ms left: still a whole second, never 0
    expect((await limits.consume('ip', '10.0.0.1')).retryAfterSeconds).toBe(1);
  });

  it('rounds the time left up when only checking a penalty limit', async () => {
    const limits = createRateLimits(config, null);
    await limits.consume('authFailure', '10.0.0.2');
    expect(await limits.check('authFailure', '10.0.0.3')).toMatchObject({ allowed: true, retryAfterSeconds: 0 });
    jest.setSystemTime(start.getTime() + 30_200); // 29.8 s left
    expect(await limits.check('authFailure', '10.0.0.2')).toEqual({ allowed: false, limit: 'authFailure', points: 1, windowSeconds: 60, retryAfterSeconds: 30 });
    jest.setSystemTime(start.getTime() + 59_999);
    expect((await limits.check('authFailure', '10.0.0.2')).retryAfterSeconds).toBe(1);
  });

  it('lets everything through, with no wait, when rate limiting is off', async () => {
    const limits = createRateLimits({ ...config, enabled: false }, null);
    await limits.consume('key', 'k');
    expect(await limits.consume('key', 'k')).toEqual({ allowed: true, limit: 'key', points: 1, windowSeconds: 60, retryAfterSeconds: 0 });
    expect(await limits.check('key', 'k')).toEqual({ allowed: true, limit: 'key', points: 1, windowSeconds: 60, retryAfterSeconds: 0 });
  });
});
