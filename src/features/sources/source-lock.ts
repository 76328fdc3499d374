import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';

/** First half of every advisory-lock key we take: "CG" + 3 (this feature), so other users of advisory locks never collide. */
const LOCK_NAMESPACE = 0x43470003;

function lockKey(sourceId: string): number {
  return createHash('sha256').update(sourceId).digest().readInt32BE(0);
}

/**
 * Makes one source's sync exclusive. On PostgreSQL a session advisory lock (pg_try_advisory_lock) held
 * on one dedicated connection for the whole sync: replicas sharing the database never run the same
 * source at once, and a crashed replica's lock vanishes with its connection (no lock table to clean).
 * On SQLite a single process is assumed (the database file is local to it), so an in-process guard is
 * enough. Within a process the guard also applies on PostgreSQL.
 */
export class SourceLocks {
  private readonly running = new Set<string>();

  constructor(private readonly db: DataSource) {}

  /** Runs `work` if no one else is syncing this source; returns null (without waiting) if someone is. */
  async tryRun<T>(sourceId: string, work: () => Promise<T>): Promise<T | null> {
    if (this.running.has(sourceId)) return null;
    this.running.add(sourceId);
    try {
      if (this.db.options.type !== 'postgres') return await work();
      const runner = this.db.createQueryRunner();
      await runner.connect();
      try {
        const [{ locked }] = await runner.query('SELECT pg_try_advisory_lock($1, $2) AS locked', [LOCK_NAMESPACE, lockKey(sourceId)]);
        if (!locked) return null;
        try {
          return await work();
        } finally {
          await runner.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_NAMESPACE, lockKey(sourceId)]);
        }
      } finally {
        await runner.release();
      }
    } finally {
      this.running.delete(sourceId);
    }
  }
}
