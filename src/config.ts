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
  /** Partner feed pulls: fetch policy, recurrence window, scheduler (issue 3). */
  sync: SyncConfig;
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

function parseCount(variable: string, raw: string | undefined, fallback: number, min = 0): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new ConfigError(variable, raw, `an integer >= ${min}`);
  return value;
}

export function loadSyncConfig(env: NodeJS.ProcessEnv): SyncConfig {
  return {
    timeoutMs: parseCount('SYNC_TIMEOUT_MS', env.SYNC_TIMEOUT_MS, 15_000, 1),
    retries: parseCount('SYNC_RETRIES', env.SYNC_RETRIES, 2),
    maxBodyBytes: parseCount('SYNC_MAX_BODY_BYTES', env.SYNC_MAX_BODY_BYTES, 20 * 1024 * 1024, 1),
    windowPastDays: parseCount('SYNC_WINDOW_PAST_DAYS', env.SYNC_WINDOW_PAST_DAYS, 30),
    windowAheadDays: parseCount('SYNC_WINDOW_AHEAD_DAYS', env.SYNC_WINDOW_AHEAD_DAYS, 400, 1),
    reexpandHours: parseCount('SYNC_REEXPAND_HOURS', env.SYNC_REEXPAND_HOURS, 24, 1),
    scheduler: parseSwitch('SYNC_SCHEDULER', env.SYNC_SCHEDULER, true),
    schedulerTickMs: parseCount('SYNC_SCHEDULER_TICK_MS', env.SYNC_SCHEDULER_TICK_MS, 30_000, 100),
  };
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
    sync: loadSyncConfig(env),
  };
}
