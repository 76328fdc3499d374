import path from 'node:path';
import { PROJECT_ROOT } from './project-root';
import {
  ConfigError, parseInteger, parseList, parseLogLevel, parseMailFrom, parseMillis, parseMs, parsePort, parsePublicUrl, parseRedisUrl,
  parseRouterToken, parseSmtpUrl, parseSwitch, parseTrustProxy,
} from './config-values';

export { ConfigError };

/** Where the data lives: the embedded SQLite file by default, or PostgreSQL in production. */
export type DatabaseConfig =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string };

export interface Config {
  host: string;
  port: number;
  database: DatabaseConfig;
  /** Load the demo town into an empty database on start. */
  demo: boolean;
  logLevel: string;
  /**
   * The level of the one-shot commands (sync, sources, ...): LOG_LEVEL when set, else `error`. They
   * report what happened in their own lines (a sync's "FAILED: <reason>"), so the structured log that
   * a server needs would only repeat it as JSON in the operator's terminal.
   */
  cliLogLevel: string;
  /** Hard ceiling for `first` on every connection. */
  maxPageSize: number;
  introspection: boolean;
  /**
   * SUBGRAPH: serve the Federation 2 subgraph at /subgraph. Default on, except in production without
   * SUBGRAPH_ROUTER_TOKEN: there `_service { sdl }` would hand the whole schema to anyone, past the
   * INTROSPECTION switch, so it is off, and SUBGRAPH=on without a token refuses to start.
   */
  subgraph: boolean;
  production: boolean;
  /** Public base URL for absolute links in feeds and embeds (behind a proxy); null: the request's host. */
  publicUrl: string | null;
  /** graphql-ws: close sockets that send no connection_init within this time (code 4408). */
  wsConnectionInitTimeoutMs: number;
  /** Slow WebSocket readers: WS_MAX_BUFFERED_BYTES and WS_STALLED_CLOSE_MS (src/edge/ws-flow.ts). */
  liveDelivery: LiveDeliveryLimits;
  /** LIVE_COALESCE_MS: at most one registration-count delivery per event per this many ms per replica; 0 = every one (src/pubsub/coalesce.ts). */
  liveCoalesceMs: number;
  /** Redis for pub/sub across replicas and shared rate limits; unset = in-process state (one replica). */
  redisUrl: string | null;
  /** SMTP_URL: where notification email goes (nodemailer); unset = each message is logged (no body) and dropped. */
  smtpUrl: string | null;
  /** MAIL_FROM: the From of every message; default no-reply at PUBLIC_URL's host (or localhost). */
  mailFrom: string;
  /** REGISTRANT_RETENTION_DAYS: registrants' names and emails are erased this many days after their event ends (default 90). */
  registrantRetentionDays: number;
  /** Prefix of every Redis channel, so deployments (and test runs) sharing a Redis stay apart. */
  redisChannelPrefix: string;
  /** Largest accepted request body (MAX_BODY_BYTES). */
  maxBodyBytes: number;
  /** Browser origins allowed to call the API cross-origin (CORS_ORIGINS; `*` allows any). */
  corsOrigins: string[];
  /** How long SIGTERM waits for requests to drain before closing anyway. */
  shutdownTimeoutMs: number;
  limits: QueryLimits;
  rateLimit: RateLimitConfig;
  persistedQueries: PersistedQueryConfig;
  sourceFetch: SourceFetchConfig;
  /** TRUST_PROXY: off, a hop count, or addresses/CIDRs of proxies whose X-Forwarded-For is believed. */
  trustProxy: boolean | number | string;
  /** Partner feed pulls: fetch policy, recurrence window, scheduler. */
  sync: SyncConfig;
  /** Live availability from library ILSs (see README "Library catalog"). */
  ils: { cacheSeconds: number; timeoutMs: number; breakerResetMs: number };
  /** OpenTelemetry tracing: on when OTEL_EXPORTER_OTLP_ENDPOINT is set (see README "Tracing"). */
  tracing: { endpoint: string | null; serviceName: string };
  responseCache: ResponseCacheConfig;
  /** GRAPHQL_EXECUTOR: how /graphql executes queries (mutations, subscriptions and /subgraph always use graphql-js). */
  graphqlExecutor: GraphqlExecutor;
}

/** How far a live subscriber may fall behind (WS_MAX_BUFFERED_BYTES, WS_STALLED_CLOSE_MS; src/edge/ws-flow.ts). */
export interface LiveDeliveryLimits {
  /** Bytes waiting to be written to one socket beyond which no new frame is made; messages wait, newest per event. */
  maxBufferedBytes: number;
  /** A socket that stays over the bound this long is closed (1013 Try Again Later). */
  stalledCloseMs: number;
  /** Open graphql-ws sockets per client address (WS_MAX_SOCKETS_PER_ADDRESS); one more is closed 4429. */
  maxSocketsPerAddress: number;
  /** Running operations over all sockets of one address (WS_MAX_SUBSCRIPTIONS_PER_ADDRESS). */
  maxSubscriptionsPerAddress: number;
  /** Running operations on one socket (WS_MAX_SUBSCRIPTIONS_PER_SOCKET). */
  maxSubscriptionsPerSocket: number;
}

/**
 * Sized for a school or library network behind one NAT address (a lab of public computers, each with a
 * widget and a dashboard open), far below what exhausts a process's file descriptors (1,024 by default).
 */
export const DEFAULT_LIVE_DELIVERY: LiveDeliveryLimits = {
  maxBufferedBytes: 1024 * 1024, stalledCloseMs: 30_000,
  maxSocketsPerAddress: 200, maxSubscriptionsPerAddress: 500, maxSubscriptionsPerSocket: 50,
};

/** Server-side cache of anonymous GraphQL query answers (src/edge/plugins/response-cache.plugin.ts). */
export interface ResponseCacheConfig {
  enabled: boolean;
  /** Upper bound on staleness for what invalidation cannot see (time passing, writes from outside the servers). */
  ttlMs: number;
  /** Bound on the answers held (JSON bytes, approximately). */
  maxBytes: number;
  maxEntries: number;
}

/** `jit`: queries compiled once per document by graphql-jit; `graphql-js`: graphql-js's interpreter. */
export type GraphqlExecutor = 'jit' | 'graphql-js';

function parseExecutor(raw: string | undefined): GraphqlExecutor {
  if (raw === undefined || raw === '') return 'jit';
  if (raw === 'jit' || raw === 'graphql-js') return raw;
  throw new ConfigError('GRAPHQL_EXECUTOR', raw, 'jit or graphql-js');
}

/** Per-operation ceilings against abusive queries (graphql-armor). */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxCost: number;
  maxDirectives: number;
}

export interface RateLimitConfig {
  enabled: boolean;
  /** Requests per window and client IP (no key). */
  perIp: number;
  /** Requests per window and API key. */
  perKey: number;
  /** `register` and `myRegistration` fields per window and client IP. */
  registerPerIp: number;
  /** Requests with an unknown or revoked key per window and client IP before keyed requests are refused. */
  authFailuresPerIp: number;
  windowSeconds: number;
  /** Redis key prefix of the limiter buckets (RATE_LIMIT_KEY_PREFIX). */
  keyPrefix: string;
  /**
   * SUBGRAPH_ROUTER_TOKEN: the secret a federation router sends in `X-Router-Token` to /subgraph. Set,
   * /subgraph answers only requests carrying it, and they skip the per-address budget (the router's one
   * address speaks for every user); forwarded API keys keep their per-key budget.
   */
  subgraphRouterToken?: string | null;
}

export interface PersistedQueryConfig {
  /** Automatic persisted queries (hash → query, learned from clients). */
  apq: boolean;
  /** Path of a safelist manifest; when set, only its operations run (unless an ADMIN key sends the query). */
  safelistFile: string | null;
}

export interface SourceFetchConfig {
  /** Hosts, addresses or CIDRs fetched despite the private-address rules. */
  allowHosts: string[];
  /** Directories `file:` sources may be read from. */
  fileRoots: string[];
  maxRedirects: number;
}

export interface SyncConfig {
  timeoutMs: number;
  retries: number;
  maxBodyBytes: number;
  /** Default recurrence window, relative to the sync time (a Source's expandFrom/expandTo override it). */
  windowPastDays: number;
  windowAheadDays: number;
  /** Pull unconditionally (no If-None-Match) at least this often, so the moving window is re-expanded. */
  reexpandHours: number;
  /** Run scheduled syncs in `serve`. */
  scheduler: boolean;
  /** How often the scheduler looks for due sources. */
  schedulerTickMs: number;
  /** Limits per source (docs/security.md "Limits per source"): what one feed may make us expand and store. */
  maxOccurrencesPerSeries: number;
  maxEventsPerSync: number;
  maxEventsPerSource: number;
}

export const DEFAULT_SQLITE_FILE = './data/community-graph.sqlite';

export function parseDatabaseUrl(raw: string | undefined, cwd = process.cwd()): DatabaseConfig {
  if (!raw) return { kind: 'sqlite', file: path.resolve(cwd, DEFAULT_SQLITE_FILE) };
  if (/^postgres(ql)?:\/\//.test(raw)) return { kind: 'postgres', url: raw };
  if (raw.startsWith('sqlite://')) {
    const file = raw.slice('sqlite://'.length);
    if (file === ':memory:') return { kind: 'sqlite', file };
    if (!path.isAbsolute(file)) {
      throw new ConfigError('DATABASE_URL', raw, 'sqlite:///absolute/path.sqlite (three slashes, absolute path)');
    }
    return { kind: 'sqlite', file };
  }
  throw new ConfigError('DATABASE_URL', raw, 'unset, sqlite:///absolute/path.sqlite or postgres://...');
}

/** The project's demo folder: the default (and only) place `file:` sources are read from. */
export const DEMO_DIR = path.join(PROJECT_ROOT, 'demo');

function parseSubgraph(raw: string | undefined, production: boolean, routerToken: string | null): boolean {
  const on = parseSwitch('SUBGRAPH', raw, !production || routerToken !== null);
  if (on && production && !routerToken) {
    throw new ConfigError('SUBGRAPH', raw ?? '', 'off in production unless SUBGRAPH_ROUTER_TOKEN is set (without the token anyone could read the full schema at /subgraph)');
  }
  return on;
}

export function loadSyncConfig(env: NodeJS.ProcessEnv): SyncConfig {
  return {
    timeoutMs: parseInteger('SYNC_TIMEOUT_MS', env.SYNC_TIMEOUT_MS, 15_000, 1),
    retries: parseInteger('SYNC_RETRIES', env.SYNC_RETRIES, 2),
    maxBodyBytes: parseInteger('SYNC_MAX_BODY_BYTES', env.SYNC_MAX_BODY_BYTES, 20 * 1024 * 1024, 1),
    windowPastDays: parseInteger('SYNC_WINDOW_PAST_DAYS', env.SYNC_WINDOW_PAST_DAYS, 30),
    windowAheadDays: parseInteger('SYNC_WINDOW_AHEAD_DAYS', env.SYNC_WINDOW_AHEAD_DAYS, 400, 1),
    reexpandHours: parseInteger('SYNC_REEXPAND_HOURS', env.SYNC_REEXPAND_HOURS, 24, 1),
    scheduler: parseSwitch('SYNC_SCHEDULER', env.SYNC_SCHEDULER, true),
    schedulerTickMs: parseInteger('SYNC_SCHEDULER_TICK_MS', env.SYNC_SCHEDULER_TICK_MS, 30_000, 100),
    // A daily series over the default ~430-day window is ~430 occurrences; a MINUTELY one would be ~600,000.
    maxOccurrencesPerSeries: parseInteger('SYNC_MAX_OCCURRENCES_PER_SERIES', env.SYNC_MAX_OCCURRENCES_PER_SERIES, 2_000, 1),
    // A large library system's calendar holds a few thousand events a year.
    maxEventsPerSync: parseInteger('SYNC_MAX_EVENTS_PER_SYNC', env.SYNC_MAX_EVENTS_PER_SYNC, 20_000, 1),
    maxEventsPerSource: parseInteger('SYNC_MAX_EVENTS_PER_SOURCE', env.SYNC_MAX_EVENTS_PER_SOURCE, 50_000, 1),
  };
}

/** The one place that reads the environment; everything else receives a Config. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const subgraphRouterToken = parseRouterToken(env.SUBGRAPH_ROUTER_TOKEN);
  // One rule for file: sources: a leftover MARC_FILE_DIR would silently stop applying, so say so.
  if (env.MARC_FILE_DIR) throw new ConfigError('MARC_FILE_DIR', env.MARC_FILE_DIR, 'nothing: it was merged into SOURCE_FILE_ROOTS (add the directory there)');
  return {
    host: env.HOST || '127.0.0.1',
    port: parsePort(env.PORT),
    database: parseDatabaseUrl(env.DATABASE_URL),
    demo: parseSwitch('DEMO', env.DEMO, true),
    logLevel: parseLogLevel(env.LOG_LEVEL, 'info'),
    cliLogLevel: parseLogLevel(env.LOG_LEVEL, 'error'),
    maxPageSize: 100,
    introspection: parseSwitch('INTROSPECTION', env.INTROSPECTION, !production),
    subgraph: parseSubgraph(env.SUBGRAPH, production, subgraphRouterToken),
    production,
    publicUrl: parsePublicUrl(env.PUBLIC_URL),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    maxBodyBytes: parseInteger('MAX_BODY_BYTES', env.MAX_BODY_BYTES, 1_000_000, 1024),
    // Unset: any origin. The API uses bearer keys, never cookies, and partner widgets call it from their sites.
    corsOrigins: parseList(env.CORS_ORIGINS, ['*']),
    shutdownTimeoutMs: parseInteger('SHUTDOWN_TIMEOUT_MS', env.SHUTDOWN_TIMEOUT_MS, 10_000),
    limits: {
      maxDepth: parseInteger('MAX_QUERY_DEPTH', env.MAX_QUERY_DEPTH, 10, 1),
      maxAliases: parseInteger('MAX_QUERY_ALIASES', env.MAX_QUERY_ALIASES, 15),
      maxTokens: parseInteger('MAX_QUERY_TOKENS', env.MAX_QUERY_TOKENS, 2000, 10),
      // A full page (first: 100) of events with organizer, location and counts costs about 6,000.
      maxCost: parseInteger('MAX_QUERY_COST', env.MAX_QUERY_COST, 20000, 1),
      maxDirectives: parseInteger('MAX_QUERY_DIRECTIVES', env.MAX_QUERY_DIRECTIVES, 20),
    },
    rateLimit: {
      enabled: parseSwitch('RATE_LIMIT', env.RATE_LIMIT, true),
      perIp: parseInteger('RATE_LIMIT_PER_IP', env.RATE_LIMIT_PER_IP, 300, 1),
      perKey: parseInteger('RATE_LIMIT_PER_KEY', env.RATE_LIMIT_PER_KEY, 1200, 1),
      registerPerIp: parseInteger('RATE_LIMIT_REGISTER_PER_IP', env.RATE_LIMIT_REGISTER_PER_IP, 10, 1),
      authFailuresPerIp: parseInteger('RATE_LIMIT_AUTH_FAILURES_PER_IP', env.RATE_LIMIT_AUTH_FAILURES_PER_IP, 20, 1),
      windowSeconds: parseInteger('RATE_LIMIT_WINDOW_SECONDS', env.RATE_LIMIT_WINDOW_SECONDS, 60, 1),
      keyPrefix: env.RATE_LIMIT_KEY_PREFIX || 'cg:rl',
      subgraphRouterToken,
    },
    persistedQueries: {
      apq: parseSwitch('PERSISTED_QUERIES', env.PERSISTED_QUERIES, true),
      safelistFile: env.SAFELIST_FILE || null,
    },
    sourceFetch: {
      allowHosts: parseList(env.SOURCE_ALLOW_HOSTS),
      fileRoots: parseList(env.SOURCE_FILE_ROOTS, [DEMO_DIR]).map((dir) => path.resolve(dir)),
      maxRedirects: parseInteger('SOURCE_MAX_REDIRECTS', env.SOURCE_MAX_REDIRECTS, 5),
    },
    wsConnectionInitTimeoutMs: parseMs('WS_CONNECTION_INIT_TIMEOUT_MS', env.WS_CONNECTION_INIT_TIMEOUT_MS, 3_000),
    liveDelivery: {
      // At least 16 KiB, a socket's own write buffer, so going over the bound also means Node will say when it drained.
      maxBufferedBytes: parseInteger('WS_MAX_BUFFERED_BYTES', env.WS_MAX_BUFFERED_BYTES, DEFAULT_LIVE_DELIVERY.maxBufferedBytes, 16 * 1024),
      stalledCloseMs: parseMs('WS_STALLED_CLOSE_MS', env.WS_STALLED_CLOSE_MS, DEFAULT_LIVE_DELIVERY.stalledCloseMs),
      maxSocketsPerAddress: parseInteger('WS_MAX_SOCKETS_PER_ADDRESS', env.WS_MAX_SOCKETS_PER_ADDRESS, DEFAULT_LIVE_DELIVERY.maxSocketsPerAddress, 1),
      maxSubscriptionsPerAddress: parseInteger('WS_MAX_SUBSCRIPTIONS_PER_ADDRESS', env.WS_MAX_SUBSCRIPTIONS_PER_ADDRESS, DEFAULT_LIVE_DELIVERY.maxSubscriptionsPerAddress, 1),
      maxSubscriptionsPerSocket: parseInteger('WS_MAX_SUBSCRIPTIONS_PER_SOCKET', env.WS_MAX_SUBSCRIPTIONS_PER_SOCKET, DEFAULT_LIVE_DELIVERY.maxSubscriptionsPerSocket, 1),
    },
    liveCoalesceMs: parseMillis('LIVE_COALESCE_MS', env.LIVE_COALESCE_MS, 100, 60_000),
    redisUrl: parseRedisUrl(env.REDIS_URL),
    smtpUrl: parseSmtpUrl(env.SMTP_URL),
    mailFrom: parseMailFrom(env.MAIL_FROM, parsePublicUrl(env.PUBLIC_URL)),
    registrantRetentionDays: parseInteger('REGISTRANT_RETENTION_DAYS', env.REGISTRANT_RETENTION_DAYS, 90, 1),
    redisChannelPrefix: env.REDIS_CHANNEL_PREFIX || 'community-graph:',
    sync: loadSyncConfig(env),
    tracing: {
      endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || null,
      serviceName: env.OTEL_SERVICE_NAME?.trim() || 'community-graph',
    },
    responseCache: {
      enabled: parseSwitch('RESPONSE_CACHE', env.RESPONSE_CACHE, true),
      ttlMs: parseMs('RESPONSE_CACHE_TTL_MS', env.RESPONSE_CACHE_TTL_MS, 10_000),
      maxBytes: parseInteger('RESPONSE_CACHE_MAX_MB', env.RESPONSE_CACHE_MAX_MB, 32, 1) * 1024 * 1024,
      maxEntries: parseInteger('RESPONSE_CACHE_MAX_ENTRIES', env.RESPONSE_CACHE_MAX_ENTRIES, 5000, 1),
    },
    ils: {
      cacheSeconds: parseMillis('ILS_CACHE_SECONDS', env.ILS_CACHE_SECONDS, 30, 3600),
      timeoutMs: parseMillis('ILS_TIMEOUT_MS', env.ILS_TIMEOUT_MS, 3000, 60_000),
      breakerResetMs: parseMillis('ILS_BREAKER_RESET_MS', env.ILS_BREAKER_RESET_MS, 30_000, 3_600_000),
    },
    graphqlExecutor: parseExecutor(env.GRAPHQL_EXECUTOR),
  };
}
