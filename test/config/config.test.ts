import path from 'node:path';
import { loadConfig, parseDatabaseUrl } from '../../src/config';

describe('configuration', () => {
  it('defaults to the embedded SQLite file under ./data', () => {
    expect(parseDatabaseUrl(undefined, '/srv/cg')).toEqual({ kind: 'sqlite', file: path.resolve('/srv/cg/data/community-graph.sqlite') });
  });

  it('accepts sqlite:///absolute/path and postgres:// URLs', () => {
    expect(parseDatabaseUrl('sqlite:///var/lib/cg.sqlite')).toEqual({ kind: 'sqlite', file: '/var/lib/cg.sqlite' });
    expect(parseDatabaseUrl('postgres://u@db:5432/cg')).toEqual({ kind: 'postgres', url: 'postgres://u@db:5432/cg' });
    expect(parseDatabaseUrl('postgresql://u@db/cg')).toEqual({ kind: 'postgres', url: 'postgresql://u@db/cg' });
  });

  it('rejects relative SQLite paths and unknown schemes with the variable and value', () => {
    expect(() => parseDatabaseUrl('sqlite://data.sqlite')).toThrow('Invalid DATABASE_URL="sqlite://data.sqlite"');
    expect(() => parseDatabaseUrl('mysql://x')).toThrow('Invalid DATABASE_URL="mysql://x": expected unset, sqlite:///absolute/path.sqlite or postgres://...');
  });

  it('reads PORT, HOST and DEMO, and rejects nonsense', () => {
    const config = loadConfig({ PORT: '8080', HOST: '0.0.0.0', DEMO: 'off' });
    expect(config).toMatchObject({ port: 8080, host: '0.0.0.0', demo: false, introspection: true });
    expect(loadConfig({}).port).toBe(4000);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow('Invalid PORT="eighty": expected an integer 0-65535');
    expect(() => loadConfig({ DEMO: 'maybe' })).toThrow('Invalid DEMO="maybe": expected on or off');
    expect(() => loadConfig({ NODE_ENV: 'production', SUBGRAPH: 'on' })).toThrow(
      'Invalid SUBGRAPH="on": expected off in production unless SUBGRAPH_ROUTER_TOKEN is set (without the token anyone could read the full schema at /subgraph)');
  });

  it('serves /subgraph by default, in production only with SUBGRAPH_ROUTER_TOKEN', () => {
    const token = 'x'.repeat(32);
    expect(loadConfig({}).subgraph).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).subgraph).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SUBGRAPH_ROUTER_TOKEN: token }).subgraph).toBe(true);
    expect(loadConfig({ SUBGRAPH: 'off' }).subgraph).toBe(false);
  });

  it('executes /graphql queries with graphql-jit unless GRAPHQL_EXECUTOR=graphql-js', () => {
    expect(loadConfig({}).graphqlExecutor).toBe('jit');
    expect(loadConfig({ GRAPHQL_EXECUTOR: 'graphql-js' }).graphqlExecutor).toBe('graphql-js');
    expect(() => loadConfig({ GRAPHQL_EXECUTOR: 'JIT' })).toThrow('Invalid GRAPHQL_EXECUTOR="JIT": expected jit or graphql-js');
  });

  it('logs at info in the server and at error in the one-shot commands, unless LOG_LEVEL says otherwise', () => {
    expect(loadConfig({})).toMatchObject({ logLevel: 'info', cliLogLevel: 'error' });
    expect(loadConfig({ LOG_LEVEL: '' })).toMatchObject({ logLevel: 'info', cliLogLevel: 'error' });
    expect(loadConfig({ LOG_LEVEL: 'debug' })).toMatchObject({ logLevel: 'debug', cliLogLevel: 'debug' });
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });

  it('turns introspection off by default in production', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', INTROSPECTION: 'on' }).introspection).toBe(true);
  });
});

describe('hardening configuration', () => {
  it('has safe defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      redisUrl: null, maxBodyBytes: 1_000_000, corsOrigins: ['*'], shutdownTimeoutMs: 10_000, trustProxy: false,
      limits: { maxDepth: 10, maxAliases: 15, maxTokens: 2000, maxCost: 20000, maxDirectives: 20 },
      rateLimit: { enabled: true, perIp: 300, perKey: 1200, registerPerIp: 10, authFailuresPerIp: 20, windowSeconds: 60, keyPrefix: 'cg:rl' },
      persistedQueries: { apq: true, safelistFile: null },
      sourceFetch: { allowHosts: [], maxRedirects: 5 },
    });
    expect(config.sourceFetch.fileRoots).toEqual([path.resolve(__dirname, '../../demo')]);
  });

  it('reads SMTP_URL and MAIL_FROM, and refuses a bad SMTP_URL without repeating its password', () => {
    expect(loadConfig({})).toMatchObject({ smtpUrl: null, mailFrom: 'Community Graph <no-reply@localhost>' });
    expect(loadConfig({ PUBLIC_URL: 'https://events.example.org' }).mailFrom).toBe('Community Graph <no-reply@events.example.org>');
    expect(loadConfig({ SMTP_URL: 'smtps://mailer:pw@smtp.example.org:465', MAIL_FROM: 'Library <events@library.example>' }))
      .toMatchObject({ smtpUrl: 'smtps://mailer:pw@smtp.example.org:465', mailFrom: 'Library <events@library.example>' });
    expect(() => loadConfig({ SMTP_URL: 'http://mailer:hunter2@smtp.example.org' }))
      .toThrow('Invalid SMTP_URL="http://mailer:***@smtp.example.org": expected smtp://user:password@host:587 or smtps://user:password@host:465');
    expect(() => loadConfig({ MAIL_FROM: 'nobody' })).toThrow('Invalid MAIL_FROM="nobody"');
  });

  it('keeps registrants\' data 90 days after their event by default, REGISTRANT_RETENTION_DAYS days if set, and refuses anything but a whole number of days from 1', () => {
    expect(loadConfig({}).registrantRetentionDays).toBe(90);
    expect(loadConfig({ REGISTRANT_RETENTION_DAYS: '30' }).registrantRetentionDays).toBe(30);
    expect(loadConfig({ REGISTRANT_RETENTION_DAYS: '1' }).registrantRetentionDays).toBe(1);
    for (const bad of ['0', '-5', '2.5', 'forever', '90d']) {
      expect(() => loadConfig({ REGISTRANT_RETENTION_DAYS: bad })).toThrow(`Invalid REGISTRANT_RETENTION_DAYS=${JSON.stringify(bad)}: expected an integer >= 1`);
    }
  });

  it('reads lists, numbers and switches, and names the variable on nonsense', () => {
    const config = loadConfig({
      CORS_ORIGINS: 'https://a.example, https://b.example', SOURCE_ALLOW_HOSTS: '10.0.0.0/8,feeds.local', SOURCE_FILE_ROOTS: '/srv/feeds',
      MAX_QUERY_DEPTH: '7', RATE_LIMIT: 'off', TRUST_PROXY: '1', REDIS_URL: 'redis://r:6379',
    });
    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.sourceFetch).toMatchObject({ allowHosts: ['10.0.0.0/8', 'feeds.local'], fileRoots: ['/srv/feeds'] });
    expect(config).toMatchObject({ limits: { maxDepth: 7 }, rateLimit: { enabled: false }, trustProxy: 1, redisUrl: 'redis://r:6379' });
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).trustProxy).toBe('loopback');
    expect(() => loadConfig({ MAX_BODY_BYTES: '10' })).toThrow('Invalid MAX_BODY_BYTES="10": expected an integer >= 1024');
    expect(() => loadConfig({ SHUTDOWN_TIMEOUT_MS: 'soon' })).toThrow('Invalid SHUTDOWN_TIMEOUT_MS="soon": expected an integer >= 0');
  });
});

describe('response cache configuration', () => {
  it('is on by default with a 10 s staleness bound, 32 MB and 5,000 answers', () => {
    expect(loadConfig({}).responseCache).toEqual({ enabled: true, ttlMs: 10_000, maxBytes: 32 * 1024 * 1024, maxEntries: 5000 });
  });

  it('reads its switch and bounds, and names the variable on nonsense', () => {
    expect(loadConfig({ RESPONSE_CACHE: 'off', RESPONSE_CACHE_TTL_MS: '2500', RESPONSE_CACHE_MAX_MB: '8', RESPONSE_CACHE_MAX_ENTRIES: '100' }).responseCache)
      .toEqual({ enabled: false, ttlMs: 2500, maxBytes: 8 * 1024 * 1024, maxEntries: 100 });
    expect(() => loadConfig({ RESPONSE_CACHE: 'maybe' })).toThrow('Invalid RESPONSE_CACHE="maybe": expected on or off');
    expect(() => loadConfig({ RESPONSE_CACHE_TTL_MS: '0' })).toThrow('Invalid RESPONSE_CACHE_TTL_MS="0": expected milliseconds, an integer from 1 to 600000');
    expect(() => loadConfig({ RESPONSE_CACHE_MAX_MB: '0' })).toThrow('Invalid RESPONSE_CACHE_MAX_MB="0": expected an integer >= 1');
  });
});

describe('limits per source', () => {
  it('defaults to 2,000 occurrences per series, 20,000 events per sync and 50,000 stored events per source', () => {
    expect(loadConfig({}).sync).toMatchObject({ maxOccurrencesPerSeries: 2_000, maxEventsPerSync: 20_000, maxEventsPerSource: 50_000 });
  });

  it('reads each setting and refuses nonsense with a one-line error naming it', () => {
    const env = { SYNC_MAX_OCCURRENCES_PER_SERIES: '500', SYNC_MAX_EVENTS_PER_SYNC: '1000', SYNC_MAX_EVENTS_PER_SOURCE: '3000' };
    expect(loadConfig(env).sync).toMatchObject({ maxOccurrencesPerSeries: 500, maxEventsPerSync: 1000, maxEventsPerSource: 3000 });
    expect(() => loadConfig({ SYNC_MAX_OCCURRENCES_PER_SERIES: '0' })).toThrow('Invalid SYNC_MAX_OCCURRENCES_PER_SERIES="0": expected an integer >= 1');
    expect(() => loadConfig({ SYNC_MAX_EVENTS_PER_SYNC: 'lots' })).toThrow('Invalid SYNC_MAX_EVENTS_PER_SYNC="lots": expected an integer >= 1');
    expect(() => loadConfig({ SYNC_MAX_EVENTS_PER_SOURCE: '-5' })).toThrow('Invalid SYNC_MAX_EVENTS_PER_SOURCE="-5": expected an integer >= 1');
  });
});
