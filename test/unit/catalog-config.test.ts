import { ConfigError, loadConfig } from '../../src/config';

describe('live availability configuration', () => {
  it('defaults to a 30 s cache, 3 s timeout and 30 s breaker reset', () => {
    expect(loadConfig({}).ils).toEqual({ cacheSeconds: 30, timeoutMs: 3000, breakerResetMs: 30_000 });
    expect(loadConfig({ ILS_CACHE_SECONDS: '0', ILS_TIMEOUT_MS: '1500' }).ils).toMatchObject({ cacheSeconds: 0, timeoutMs: 1500 });
  });

  it('allows file:// MARC sources only under MARC_FILE_DIR', () => {
    expect(loadConfig({}).marcFileDir).toBeNull();
    expect(loadConfig({ MARC_FILE_DIR: '/srv/marc/' }).marcFileDir).toBe('/srv/marc');
  });

  it('rejects values that are not whole numbers in range, naming the variable', () => {
    expect(() => loadConfig({ ILS_CACHE_SECONDS: 'soon' })).toThrow(new ConfigError('ILS_CACHE_SECONDS', 'soon', 'an integer 0-3600'));
    expect(() => loadConfig({ ILS_TIMEOUT_MS: '-1' })).toThrow('Invalid ILS_TIMEOUT_MS="-1": expected an integer 0-60000');
  });
});
