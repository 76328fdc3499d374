import { DataSource } from 'typeorm';
import { Settled, TickBatcher } from './tick-batcher';
import { WriteQueue } from './write-queue';

/**
 * Transactions that must never interleave (seat claims, cancellations, waitlist promotion) are written
 * once, as a generator of SQL statements, and run by one of two drivers:
 *
 * - SQLite: the whole program runs synchronously inside better-sqlite3's `BEGIN IMMEDIATE`
 *   transaction. IMMEDIATE takes SQLite's single write lock up front, and running it in one tick
 *   means no other statement of this process can slip into the middle of it on the shared
 *   connection. Writers of one process take their turn from a FIFO WriteQueue (one per connection),
 *   so they are served in arrival order, and the writers that arrive in one turn of the event loop
 *   share one commit, each in its own savepoint (group commit, below); writers of other processes on
 *   the same file still wait on SQLite's busy_timeout, which stays the fallback across processes.
 * - PostgreSQL: a pooled connection runs the statements in a READ COMMITTED transaction; a
 *   statement marked `lock` gets `FOR UPDATE`, so writers of one event row queue in the database,
 *   across replicas. Deadlocks and serialization failures are retried a bounded number of times.
 *
 * Statements use `?` placeholders and double-quoted identifiers, which both backends accept.
 */
export interface Statement {
  sql: string;
  params: unknown[];
  /** Append FOR UPDATE on PostgreSQL (SQLite's IMMEDIATE transaction already holds the write lock). */
  lock?: boolean;
}

export interface StatementResult {
  rows: Record<string, unknown>[];
  changes: number;
}

export type TxProgram<T> = Generator<Statement, T, StatementResult>;

/** `const rows = yield* select(sql, params)` inside a program. */
export function* select(sql: string, params: unknown[] = [], lock = false): Generator<Statement, Record<string, unknown>[], StatementResult> {
  const result = yield { sql, params, lock };
  return result.rows;
}

/** `const changed = yield* exec(sql, params)`: the number of rows the statement changed. */
export function* exec(sql: string, params: unknown[] = []): Generator<Statement, number, StatementResult> {
  const result = yield { sql, params };
  return result.changes;
}

const RETRYABLE_PG = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 5;
/** How long to wait for a TypeORM transaction on the shared SQLite connection to finish. */
const SQLITE_IDLE_WAIT_MS = 10_000;

export function isPostgres(db: DataSource): boolean {
  return db.options.type === 'postgres';
}

export async function runWriteTransaction<T>(db: DataSource, program: () => TxProgram<T>): Promise<T> {
  return isPostgres(db) ? runOnPostgres(db, program) : runOnSqlite(db, program);
}

// ---------------------------------------------------------------------------------------------------

/** The part of better-sqlite3's API used here (the package ships no types of its own). */
interface SqliteStatement {
  reader: boolean;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): { changes: number };
}
interface SqliteConnection {
  inTransaction: boolean;
  prepare(sql: string): SqliteStatement;
  /** Called inside an open transaction, the returned function runs `fn` in a SAVEPOINT instead. */
  transaction<R>(fn: () => R): { (): R; immediate(): R };
}

const statementCache = new WeakMap<SqliteConnection, Map<string, SqliteStatement>>();

function prepared(conn: SqliteConnection, sql: string): SqliteStatement {
  let cache = statementCache.get(conn);
  if (!cache) statementCache.set(conn, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = conn.prepare(sql)));
  return statement;
}

/** better-sqlite3 binds numbers, strings, bigints, buffers and null only. */
const sqliteValue = (value: unknown): unknown => (typeof value === 'boolean' ? (value ? 1 : 0) : value);

const writeQueues = new WeakMap<SqliteConnection, WriteQueue>();

function writeQueueOf(conn: SqliteConnection): WriteQueue {
  let queue = writeQueues.get(conn);
  if (!queue) writeQueues.set(conn, (queue = new WriteQueue()));
  return queue;
}

/** Most programs in one commit: bounds how long one group holds the event loop. */
export const MAX_GROUP_COMMIT = 128;

type AnyProgram = () => TxProgram<unknown>;
const groupCommits = new WeakMap<SqliteConnection, TickBatcher<AnyProgram, unknown>>();

/**
 * Group commit: the programs that arrive in one turn of the event loop (TickBatcher) take one turn
 * of the write queue and run in one BEGIN IMMEDIATE … COMMIT, in arrival order, each in its own
 * SAVEPOINT. A program that throws rolls back to its savepoint alone and its caller gets the error;
 * the others commit. Every caller hears only after the COMMIT (a failed COMMIT fails them all), so
 * what is reported is what is stored. Under a stampede on one event a registration no longer pays a
 * WAL sync of its own (bench/optimizations.md, entry 11). Each program still runs after the ones
 * before it and sees their writes, exactly as when each had its own transaction.
 */
function runOnSqlite<T>(db: DataSource, program: () => TxProgram<T>): Promise<T> {
  const conn = (db.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection;
  let batcher = groupCommits.get(conn);
  if (!batcher) {
    const queue = writeQueueOf(conn);
    batcher = new TickBatcher((programs) => queue.run(() => commitGroup(conn, programs)), MAX_GROUP_COMMIT);
    groupCommits.set(conn, batcher);
  }
  return batcher.add(program) as Promise<T>;
}

async function commitGroup(conn: SqliteConnection, programs: AnyProgram[]): Promise<Settled<unknown>[]> {
  await untilOutsideTransaction(conn);
  const outcomes: Settled<unknown>[] = [];
  conn.transaction(() => {
    for (const program of programs) {
      try {
        outcomes.push({ ok: true, value: conn.transaction(() => runProgramOnSqlite(conn, program))() });
      } catch (error) {
        outcomes.push({ ok: false, error });
      }
    }
  }).immediate();
  return outcomes;
}

/**
 * TypeORM shares this one connection; if one of its (async) transactions is open, ours would nest
 * inside it. Only the head of the write queue waits for it to end (bounded), so writers queued behind
 * keep their places.
 */
async function untilOutsideTransaction(conn: SqliteConnection): Promise<void> {
  const deadline = Date.now() + SQLITE_IDLE_WAIT_MS;
  while (conn.inTransaction) {
    if (Date.now() > deadline) throw new Error('The SQLite connection stayed inside another transaction for too long');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** Runs a program's statements on the connection, inside whatever transaction or savepoint is open. */
function runProgramOnSqlite<T>(conn: SqliteConnection, program: () => TxProgram<T>): T {
  const steps = program();
  let next = steps.next();
  while (!next.done) {
    const statement = prepared(conn, next.value.sql);
    const params = next.value.params.map(sqliteValue);
    const result: StatementResult = statement.reader
      ? { rows: statement.all(...params) as Record<string, unknown>[], changes: 0 }
      : { rows: [], changes: statement.run(...params).changes };
    next = steps.next(result);
  }
  return next.value;
}

/** `?` → `$1, $2, ...` (our statements never contain a literal question mark). */
function toPostgres(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

async function runOnPostgres<T>(db: DataSource, program: () => TxProgram<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const runner = db.createQueryRunner('master');
    try {
      await runner.connect();
      await runner.startTransaction('READ COMMITTED');
      try {
        const steps = program();
        let next = steps.next();
        while (!next.done) {
          const sql = toPostgres(next.value.sql) + (next.value.lock ? ' FOR UPDATE' : '');
          const result = await runner.query(sql, next.value.params, true) as { records: unknown; affected?: number };
          const rows = Array.isArray(result.records) ? result.records as Record<string, unknown>[] : [];
          next = steps.next({ rows, changes: result.affected ?? 0 });
        }
        await runner.commitTransaction();
        return next.value;
      } catch (error) {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        throw error;
      }
    } catch (error) {
      const code = (error as { driverError?: { code?: string }; code?: string }).driverError?.code ?? (error as { code?: string }).code;
      if (attempt < MAX_ATTEMPTS && code && RETRYABLE_PG.has(code)) continue;
      throw error;
    } finally {
      await runner.release();
    }
  }
}
