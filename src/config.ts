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
  /** Live availability from library ILSs (see README "Library catalog"). */
  ils: { cacheSeconds: number; timeoutMs: number; breakerResetMs: number };
  /** Directory that MARC sources may read with file:// URLs (streamed from disk); null forbids file URLs. */
  marcFileDir: string | null;
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

function parseMillis(variable: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > max) throw new ConfigError(variable, raw, `an integer 0-${max}`);
  return value;
}

function parseSwitch(variable: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (['on', 'true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['off', 'false', '0', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(variable, raw, 'on or off');
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
    ils: {
      cacheSeconds: parseMillis('ILS_CACHE_SECONDS', env.ILS_CACHE_SECONDS, 30, 3600),
      timeoutMs: parseMillis('ILS_TIMEOUT_MS', env.ILS_TIMEOUT_MS, 3000, 60_000),
      breakerResetMs: parseMillis('ILS_BREAKER_RESET_MS', env.ILS_BREAKER_RESET_MS, 30_000, 3_600_000),
    },
    marcFileDir: env.MARC_FILE_DIR ? path.resolve(env.MARC_FILE_DIR) : null,
  };
}
