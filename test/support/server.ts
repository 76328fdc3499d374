import { isEmpty, seedDemo } from '../../demo/seed';
import { App, startApp } from '../../src/app';
import { Config, loadConfig } from '../../src/config';
import { StatementCounter } from '../../src/db/statement-counter';
import { createLogger, Logger } from '../../src/logger';
import { BackendName, createTestDatabase, TestDatabase, testExecutor } from './backends';

/** The demo community, handed in as the entry point hands it to `serve`. */
const DEMO = { isEmpty, seedDemo };

export interface TestServer {
  app: App;
  database: TestDatabase;
  /** http://127.0.0.1:PORT/graphql */
  graphqlUrl: string;
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; json: any; headers: Headers }>;
  close(): Promise<void>;
}

/** The real server on an ephemeral port over a fresh database of the given backend; `env` and `config` override. */
export async function startTestServer(
  backend: BackendName,
  options: { demo?: boolean; env?: Record<string, string>; logger?: Logger; config?: Partial<Config>; sql?: StatementCounter } = {},
): Promise<TestServer> {
  const database = await createTestDatabase(backend);
  // Production defaults, except rate limits: off unless a test turns them on (RATE_LIMIT=on or a
  // RATE_LIMIT_* budget), so suites that send many requests to one server are not throttled. And the
  // response cache: off unless a test turns it on (RESPONSE_CACHE=on), because many suites write rows
  // straight into the database between requests, a write the server never hears of (test/e2e/response-cache.test.ts).
  const env = {
    RATE_LIMIT: Object.keys(options.env ?? {}).some((k) => k.startsWith('RATE_LIMIT_')) ? 'on' : 'off',
    RESPONSE_CACHE: 'off',
    // The sync scheduler: off unless a test turns it on (SYNC_SCHEDULER=on), so no tick writes or reads
    // behind a test's back (a tick inside a statement count, or a demo re-sync, on a slow machine).
    SYNC_SCHEDULER: 'off',
    GRAPHQL_EXECUTOR: testExecutor(),
    ...options.env,
  };
  const config = { ...loadConfig(env), host: '127.0.0.1', port: 0, database: database.config, demo: options.demo ?? true, ...options.config };
  const app = await startApp(config, {
    demo: DEMO, logger: options.logger ?? createLogger('silent'), dataSource: options.sql ? { logger: options.sql } : undefined,
  });
  const graphqlUrl = `${app.url}/graphql`;
  return {
    app, database, graphqlUrl,
    async post(body, headers = {}) {
      const response = await fetch(graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        json = { raw: text };
      }
      return { status: response.status, json, headers: response.headers };
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
