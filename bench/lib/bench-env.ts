import type { BackendName } from './scenario';

/**
 * The benchmark's environment, read in one place (src/config.ts is the server's; this is tooling's).
 *   BENCH_DATABASE_URL   PostgreSQL server to create throwaway databases on (else TEST_DATABASE_URL,
 *                        else postgres://postgres@127.0.0.1:5432/postgres)
 *   BENCH_TOWN           scale overrides, e.g. "events=5000,partners=20" (see town/town-scale.ts)
 *   BENCH_BACKENDS       "sqlite", "postgres" or both (the default), comma-separated
 *   GRAPHQL_EXECUTOR     passed to the server under test (jit, graphql-js), for before/after runs
 */
export const DEFAULT_BENCH_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';

export function benchPostgresUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.BENCH_DATABASE_URL || env.TEST_DATABASE_URL || DEFAULT_BENCH_POSTGRES;
}

export function benchTownOverrides(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.BENCH_TOWN || undefined;
}

/** BENCH_BACKENDS="sqlite" limits a run; both backends by default. */
export function benchBackends(env: NodeJS.ProcessEnv = process.env): BackendName[] {
  const raw = (env.BENCH_BACKENDS || 'sqlite,postgres').split(',').map((b) => b.trim()).filter(Boolean);
  for (const backend of raw) {
    if (backend !== 'sqlite' && backend !== 'postgres') throw new Error(`BENCH_BACKENDS: unknown backend "${backend}" (sqlite, postgres)`);
  }
  return raw as BackendName[];
}

/** The server's own GRAPHQL_EXECUTOR variable, passed through; unset: the server's default. */
export function benchServerEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return env.GRAPHQL_EXECUTOR ? { GRAPHQL_EXECUTOR: env.GRAPHQL_EXECUTOR } : {};
}
