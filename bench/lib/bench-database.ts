import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { DatabaseConfig } from '../../src/config';
import { benchPostgresUrl } from './bench-env';
import type { BackendName } from './scenario';

export interface BenchDatabase {
  backend: BackendName;
  config: DatabaseConfig;
  drop(): Promise<void>;
}

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: benchPostgresUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A throwaway database for one scenario run: a SQLite file in a temp directory, or a uniquely named
 * PostgreSQL database (created here, dropped WITH (FORCE) by `drop`, even if connections linger).
 */
export async function createBenchDatabase(backend: BackendName): Promise<BenchDatabase> {
  const name = `cg_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (backend === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-bench-'));
    return {
      backend,
      config: { kind: 'sqlite', file: path.join(dir, `${name}.sqlite`) },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(benchPostgresUrl());
  url.pathname = `/${name}`;
  return {
    backend,
    config: { kind: 'postgres', url: url.toString() },
    drop: () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
