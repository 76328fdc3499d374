import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';

/**
 * The mail outbox is a work queue the server's own sender fills and drains on its clock (it plans
 * reminders and surveys every look, and marks rows sent): it changes while a test waits, whatever the
 * requests do. Anything a request could make mail about is a registration or an event, which stay covered.
 */
const BACKGROUND_TABLES = new Set(['mail_outbox']);

/** Every table of the database, entity or not (migrations, join tables, the catalog's full-text index), but BACKGROUND_TABLES. */
async function tableNames(db: DataSource): Promise<string[]> {
  const rows: { name: string }[] = db.options.type === 'postgres'
    ? await db.query(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`)
    // SQLite's statistics tables change on ANALYZE, not on writes.
    : await db.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_stat%'`);
  return rows.map((r) => r.name).filter((name) => !BACKGROUND_TABLES.has(name)).sort();
}

/** A row as text: columns by name, values as the driver returns them (Buffers and Dates included). */
const rowText = (row: Record<string, unknown>): string => JSON.stringify(Object.keys(row).sort().map((column) => [column, row[column]]));

/**
 * Row count and SHA-256 of every table's rows (each row serialized, the rows sorted, so the order a
 * backend returns them in does not matter), to prove stored data did not change. Read with plain SQL,
 * not through the entities, so a table no entity maps is covered too. Both backends.
 */
export async function dataSnapshot(db: DataSource): Promise<Record<string, { rows: number; sha256: string }>> {
  const snapshot: Record<string, { rows: number; sha256: string }> = {};
  for (const table of await tableNames(db)) {
    const rows: Record<string, unknown>[] = await db.query(`SELECT * FROM "${table.replace(/"/g, '""')}"`);
    const hash = createHash('sha256');
    for (const text of rows.map(rowText).sort()) hash.update(text).update('\n');
    snapshot[table] = { rows: rows.length, sha256: hash.digest('hex') };
  }
  return snapshot;
}
