import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { DatabaseConfig, GraphqlExecutor, loadConfig } from '../../src/config';

export type BackendName = 'sqlite' | 'postgres';

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL points at a server we may create databases on. */
export function backends(): BackendName[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TestDatabase {
  backend: BackendName;
  config: DatabaseConfig;
  /** A DATABASE_URL for child processes. */
  url: string;
  drop(): Promise<void>;
}

const uniqueName = () => `cg_test_${process.pid}_${randomBytes(4).toString('hex')}`;

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh, uniquely named database (a temp SQLite file, or a new PostgreSQL database) and its disposal. */
export async function createTestDatabase(backend: BackendName): Promise<TestDatabase> {
  const name = uniqueName();
  if (backend === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-'));
    const file = path.join(dir, `${name}.sqlite`);
    return {
      backend, config: { kind: 'sqlite', file }, url: `sqlite://${file}`,
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return {
    backend, config: { kind: 'postgres', url: url.toString() }, url: url.toString(),
    drop: () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** The executor suites run on: GRAPHQL_EXECUTOR from the test run's environment, else the server's default. */
export function testExecutor(): GraphqlExecutor {
  return loadConfig({ GRAPHQL_EXECUTOR: process.env.GRAPHQL_EXECUTOR }).graphqlExecutor;
}

/** Runs a suite once per backend; test names carry the backend, e.g. "events query [postgres]". */
export function describeEachBackend(title: string, suite: (backend: BackendName) => void): void {
  describe.each(backends())(`${title} [%s]`, suite);
}
