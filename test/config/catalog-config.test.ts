import { ConfigError, loadConfig } from '../../src/config';

describe('live availability configuration', () => {
  it('defaults to a 30 s cache, 3 s timeout and 30 s breaker reset', () => {
    expect(loadConfig({}).ils).toEqual({ cacheSeconds: 30, timeoutMs: 3000, breakerResetMs: 30_000 });
    expect(loadConfig({ ILS_CACHE_SECONDS: '0', ILS_TIMEOUT_MS: '1500' }).ils).toMatchObject({ cacheSeconds: 0, timeoutMs: 1500 });
  });

  it('refuses the retired MARC_FILE_DIR, pointing at SOURCE_FILE_ROOTS (one rule for every file: source)', () => {
    expect(() => loadConfig({ MARC_FILE_DIR: '/srv/marc/' }))
      .toThrow('Invalid MARC_FILE_DIR="/srv/marc/": expected nothing: it was merged into SOURCE_FILE_ROOTS (add the directory there)');
    expect(loadConfig({ SOURCE_FILE_ROOTS: '/srv/marc/' }).sourceFetch.fileRoots).toEqual(['/srv/marc']);
  });

  it('rejects values that are not whole numbers in range, naming the variable', () => {
    expect(() => loadConfig({ ILS_CACHE_SECONDS: 'soon' })).toThrow(new ConfigError('ILS_CACHE_SECONDS', 'soon', 'an integer 0-3600'));
    expect(() => loadConfig({ ILS_TIMEOUT_MS: '-1' })).toThrow('Invalid ILS_TIMEOUT_MS="-1": expected an integer 0-60000');
  });
});
