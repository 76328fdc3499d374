import os from 'node:os';
import { Client } from 'pg';
import { benchPostgresUrl } from './bench-env';
import type { BackendName } from './scenario';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  /** e.g. { sqlite: "SQLite 3.50.4 (better-sqlite3 12.11.1)", postgres: "PostgreSQL 16.10" } */
  backends: Partial<Record<BackendName, string>>;
}

function packageVersion(name: string): string {
  return (require(`${name}/package.json`) as { version: string }).version;
}

async function postgresVersion(): Promise<string> {
  const client = new Client({ connectionString: benchPostgresUrl() });
  await client.connect();
  try {
    const { rows } = await client.query('SHOW server_version');
    return `PostgreSQL ${rows[0].server_version} (pg ${packageVersion('pg')})`;
  } finally {
    await client.end();
  }
}

function sqliteVersion(): string {
  // better-sqlite3 ships no types (TypeORM wraps it in the app); this is the only direct use.
  const Database = require('better-sqlite3') as new (file: string) => { prepare(sql: string): { get(): unknown }; close(): void };
  const db = new Database(':memory:');
  try {
    const { v } = db.prepare('SELECT sqlite_version() AS v').get() as { v: string };
    return `SQLite ${v} (better-sqlite3 ${packageVersion('better-sqlite3')})`;
  } finally {
    db.close();
  }
}

/** Where the figures came from: published beside them, since absolute numbers only mean something with it. */
export async function describeMachine(backends: BackendName[]): Promise<MachineInfo> {
  const cpus = os.cpus();
  const versions: MachineInfo['backends'] = {};
  for (const backend of backends) {
    try {
      versions[backend] = backend === 'sqlite' ? sqliteVersion() : await postgresVersion();
    } catch (error) {
      versions[backend] = `unavailable (${(error as Error).message})`;
    }
  }
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism?.() ?? cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    backends: versions,
  };
}
