import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';

/** Row count and SHA-256 of every table's rows (ordered by primary key), to prove stored data did not change. */
export async function dataSnapshot(db: DataSource): Promise<Record<string, { rows: number; sha256: string }>> {
  const snapshot: Record<string, { rows: number; sha256: string }> = {};
  for (const entity of db.entityMetadatas) {
    const order = Object.fromEntries(entity.primaryColumns.map((c) => [c.propertyName, 'ASC' as const]));
    const rows = await db.getRepository(entity.target).find({ order });
    snapshot[entity.tableName] = { rows: rows.length, sha256: createHash('sha256').update(JSON.stringify(rows)).digest('hex') };
  }
  return snapshot;
}
