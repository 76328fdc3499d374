import type { DataSource } from 'typeorm';

/** A better-sqlite3 statement, as much of it as reads use. */
interface SqliteStatement { all(...params: unknown[]): unknown[] }
interface SqliteConnection { prepare(sql: string): SqliteStatement }
interface PgPool { query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }> }

/**
 * The read path's way to the database (issue 15): hand-written SQL with explicit columns, prepared
 * once per text and run on the driver typeorm already opened: better-sqlite3 statements (synchronous)
 * or named PostgreSQL statements through typeorm's pg pool. No query building, no entity hydration;
 * typeorm stays for migrations and writes. Every statement is still reported to typeorm's logger, so
 * query logging and the statement counts (tests, bench) see reads as before.
 *
 * SQL is written once with `?` placeholders; PostgreSQL gets `$1..$n`. A batch of keys is one
 * parameter: `keyIn(column)` with `keys(ids)` (json_each on SQLite, = ANY on PostgreSQL).
 */
export class SqlReader {
  private readonly sqlite: SqliteConnection | null;
  private readonly pg: PgPool | null;
  private readonly prepared = new Map<string, SqliteStatement>();
  private readonly named = new Map<string, { name: string; text: string }>();

  constructor(private readonly db: DataSource) {
    const driver = db.driver as unknown as { databaseConnection?: SqliteConnection; master?: PgPool };
    this.sqlite = db.options.type === 'postgres' ? null : driver.databaseConnection ?? null;
    this.pg = db.options.type === 'postgres' ? driver.master ?? null : null;
    if (!this.sqlite && !this.pg) throw new Error(`SqlReader: no open ${db.options.type} connection (initialize the DataSource first)`);
  }

  get postgres(): boolean {
    return this.pg !== null;
  }

  /** `column` is one of the keys passed as one parameter made by `keys`. */
  keyIn(column: string): string {
    return this.pg ? `${column} = ANY(?)` : `${column} IN (SELECT value FROM json_each(?))`;
  }

  keys(values: readonly string[]): unknown {
    return this.pg ? [...values] : JSON.stringify(values);
  }

  /**
   * `expression` LIKE any of the patterns passed as one parameter made by `keys` (backslash escapes,
   * as containsPattern writes them): one statement text whatever the number of patterns.
   */
  likeAny(expression: string): string {
    // PostgreSQL's LIKE escapes with a backslash by default; SQLite's LIKE has no escape unless told.
    return this.pg ? `${expression} LIKE ANY(?)` : `EXISTS (SELECT 1 FROM json_each(?) WHERE ${expression} LIKE json_each.value ESCAPE '\\')`;
  }

  /** The rows of a SELECT; synchronous work on SQLite, one round trip on PostgreSQL. */
  async all<T>(sql: string, params: unknown[]): Promise<T[]> {
    this.db.logger.logQuery(sql, params);
    if (this.sqlite) return this.statement(sql).all(...params) as T[];
    const { name, text } = this.namedStatement(sql);
    return (await this.pg!.query({ name, text, values: params })).rows as T[];
  }

  private statement(sql: string): SqliteStatement {
    let statement = this.prepared.get(sql);
    if (!statement) {
      statement = this.sqlite!.prepare(sql);
      this.prepared.set(sql, statement);
    }
    return statement;
  }

  private namedStatement(sql: string): { name: string; text: string } {
    let statement = this.named.get(sql);
    if (!statement) {
      let n = 0;
      statement = { name: `cg_read_${this.named.size + 1}`, text: sql.replace(/\?/g, () => `$${++n}`) };
      this.named.set(sql, statement);
    }
    return statement;
  }
}

const readers = new WeakMap<DataSource, SqlReader>();

/** One reader (and statement cache) per DataSource. */
export function sqlReaderOf(db: DataSource): SqlReader {
  let reader = readers.get(db);
  if (!reader) {
    reader = new SqlReader(db);
    readers.set(db, reader);
  }
  return reader;
}
