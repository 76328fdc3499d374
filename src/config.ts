import path from 'node:path';

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
  /** Hard ceiling for `first` on every connection. */
  maxPageSize: number;
  introspection: boolean;
  production: boolean;
  /** graphql-ws: close sockets that send no connection_init within this time (code 4408). */
  wsConnectionInitTimeoutMs: number;
  /** Redis for pub/sub across replicas; unset = in-process pub/sub (one replica). */
  redisUrl: string | null;
  /** Prefix of every Redis channel, so deployments (and test runs) sharing a Redis stay apart. */
  redisChannelPrefix: string;
}

export class ConfigError extends Error {
  constructor(variable: string, value: string, expected: string) {
    super(`Invalid ${variable}=${JSON.stringify(value)}: expected ${expected}`);
    this.name = 'ConfigError';
  }
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

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 4000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError('PORT', raw, 'an integer 0-65535');
  return port;
}

function parseSwitch(variable: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (['on', 'true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['off', 'false', '0', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(variable, raw, 'on or off');
}

function parseMs(variable: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 1 || ms > 600_000) throw new ConfigError(variable, raw, 'milliseconds, an integer from 1 to 600000');
  return ms;
}

function parseRedisUrl(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null;
  if (!/^rediss?:\/\//.test(raw)) throw new ConfigError('REDIS_URL', raw, 'redis://host:6379 or rediss://host:6380');
  return raw;
}

/** The one place that reads the environment; everything else receives a Config. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  return {
    host: env.HOST || '127.0.0.1',
    port: parsePort(env.PORT),
    database: parseDatabaseUrl(env.DATABASE_URL),
    demo: parseSwitch('DEMO', env.DEMO, true),
    logLevel: env.LOG_LEVEL || 'info',
    maxPageSize: 100,
    introspection: parseSwitch('INTROSPECTION', env.INTROSPECTION, !production),
    production,
    wsConnectionInitTimeoutMs: parseMs('WS_CONNECTION_INIT_TIMEOUT_MS', env.WS_CONNECTION_INIT_TIMEOUT_MS, 3_000),
    redisUrl: parseRedisUrl(env.REDIS_URL),
    redisChannelPrefix: env.REDIS_CHANNEL_PREFIX || 'community-graph:',
  };
}
