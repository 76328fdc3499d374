import { loadConfig } from '../../src/config';

describe('live-count configuration', () => {
  it('uses in-process pub/sub unless REDIS_URL is set, with a default channel prefix', () => {
    expect(loadConfig({})).toMatchObject({ redisUrl: null, redisChannelPrefix: 'community-graph:', wsConnectionInitTimeoutMs: 3000 });
    expect(loadConfig({ REDIS_URL: 'redis://cache:6379/2', REDIS_CHANNEL_PREFIX: 'town-a:' })).toMatchObject({ redisUrl: 'redis://cache:6379/2', redisChannelPrefix: 'town-a:' });
  });

  it('rejects a REDIS_URL that is not redis:// or rediss://, and a nonsense init timeout', () => {
    expect(() => loadConfig({ REDIS_URL: 'localhost:6379' })).toThrow('Invalid REDIS_URL="localhost:6379": expected redis://host:6379 or rediss://host:6380');
    expect(() => loadConfig({ WS_CONNECTION_INIT_TIMEOUT_MS: '0' })).toThrow('Invalid WS_CONNECTION_INIT_TIMEOUT_MS="0": expected milliseconds, an integer from 1 to 600000');
  });

  it('coalesces counts for 100 ms by default; LIVE_COALESCE_MS=0 turns it off, and nonsense stops the start naming the setting', () => {
    expect(loadConfig({}).liveCoalesceMs).toBe(100);
    expect(loadConfig({ LIVE_COALESCE_MS: '0' }).liveCoalesceMs).toBe(0);
    expect(loadConfig({ LIVE_COALESCE_MS: '250' }).liveCoalesceMs).toBe(250);
    expect(() => loadConfig({ LIVE_COALESCE_MS: 'fast' })).toThrow('Invalid LIVE_COALESCE_MS="fast": expected an integer 0-60000');
    expect(() => loadConfig({ LIVE_COALESCE_MS: '-5' })).toThrow('Invalid LIVE_COALESCE_MS="-5": expected an integer 0-60000');
  });
});
