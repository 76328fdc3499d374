import { DataSource } from 'typeorm';

/**
 * Key of the PostgreSQL advisory lock held while a process migrates and seeds (an arbitrary constant,
 * the same in every replica). Session-level: released on unlock, or by the server if the process dies.
 */
const STARTUP_LOCK_KEY = 7_310_652_001;

/**
 * Runs `work` while no other replica of this database is in its own startup work. N replicas started
 * together on an empty database (a first rollout) otherwise race to create the same tables and fail
 * with duplicate-key errors. SQLite needs no lock: it is one process's file.
 * https://www.postgresql.org/docs/current/explicit-locking.html#ADVISORY-LOCKS
 */
export async function withStartupLock<T>(db: DataSource, work: () => Promise<T>): Promise<T> {
  if (db.options.type !== 'postgres') return work();
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
    try {
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}
