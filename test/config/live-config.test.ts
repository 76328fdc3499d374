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
});
