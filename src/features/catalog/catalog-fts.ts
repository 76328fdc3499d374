import { DataSource, EntityManager } from 'typeorm';
import { SearchDocument } from './catalog-text';

/**
 * The driver-specific half of catalog search: SQLite FTS5 with bm25 column weights, PostgreSQL a
 * weighted tsvector ('simple' configuration: the catalog is multilingual, so no stemming on either
 * side) ranked with ts_rank. Both receive already-folded words, so the same query finds the same records.
 */
type Db = DataSource | EntityManager;
const isPostgres = (db: Db) => (db instanceof DataSource ? db : db.connection).options.type === 'postgres';

/** FTS5 keys rows by integer rowid: 52 bits of the (SHA-256 derived) record id. */
export const ftsRowid = (recordId: string): number => parseInt(recordId.slice(0, 13), 16);

export async function deleteSearchRows(db: Db, recordIds: string[]): Promise<void> {
  for (let i = 0; i < recordIds.length; i += 500) {
    const ids = recordIds.slice(i, i + 500);
    if (isPostgres(db)) await db.query(`DELETE FROM catalog_fts WHERE record_id IN (${ids.map((_, n) => `$${n + 1}`).join(',')})`, ids);
    else await db.query(`DELETE FROM catalog_fts WHERE rowid IN (${ids.map(() => '?').join(',')})`, ids.map(ftsRowid));
  }
}

export async function insertSearchRows(db: Db, rows: { recordId: string; doc: SearchDocument }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    if (isPostgres(db)) {
      const values = chunk.map((_, n) => {
        const p = (k: number) => `$${n * 6 + k}`;
        return `(${p(1)}, setweight(to_tsvector('simple', ${p(2)}), 'A') || setweight(to_tsvector('simple', ${p(6)}), 'A')`
          + ` || setweight(to_tsvector('simple', ${p(3)}), 'B') || setweight(to_tsvector('simple', ${p(4)}), 'C')`
          + ` || setweight(to_tsvector('simple', ${p(5)}), 'C'))`;
      });
      await db.query(`INSERT INTO catalog_fts (record_id, document) VALUES ${values.join(', ')}`,
        chunk.flatMap(({ recordId, doc }) => [recordId, doc.title, doc.authors, doc.subjects, doc.series, doc.identifiers]));
    } else {
      await db.query(`INSERT INTO catalog_fts (rowid, record_id, title, authors, subjects, series, identifiers) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        chunk.flatMap(({ recordId, doc }) => [ftsRowid(recordId), recordId, doc.title, doc.authors, doc.subjects, doc.series, doc.identifiers]));
    }
  }
}

export interface SearchFilterSql {
  formats: string[] | null;
  languages: string[] | null;
  partnerIds: string[] | null;
  availableNow: boolean;
}

/**
 * Ids of live records matching every term (the last one as a prefix, for search-as-you-type),
 * best first; ties broken by id so pages are stable.
 */
export async function searchIds(db: DataSource, terms: string[], filter: SearchFilterSql, limit: number, offset: number): Promise<string[]> {
  const rows: { id: string }[] = await runSearch(db, terms, filter, { limit, offset });
  return rows.map((row) => row.id);
}

export async function countMatches(db: DataSource, terms: string[], filter: SearchFilterSql): Promise<number> {
  const rows: { n: string | number }[] = await runSearch(db, terms, filter, null);
  return Number(rows[0].n);
}

function runSearch(db: DataSource, terms: string[], filter: SearchFilterSql, page: { limit: number; offset: number } | null) {
  const pg = isPostgres(db);
  const params: unknown[] = [];
  const p = (value: unknown) => { params.push(value); return pg ? `$${params.length}` : '?'; };
  const match = pg
    ? terms.map((t, i) => (i === terms.length - 1 ? `${t}:*` : t)).join(' & ')
    : terms.map((t, i) => `"${t}"${i === terms.length - 1 ? '*' : ''}`).join(' ');
  // Index rows exist only for live records (the sink deletes them on suppression), so the record
  // table is joined only when a filter needs its columns: an unfiltered query ranks the index alone.
  const matchParam = p(match);
  const where = filterConditions(filter, p);
  const join = where.length ? 'JOIN catalog_record r ON r.id = f.record_id' : '';
  const select = page ? 'SELECT f.record_id AS id' : 'SELECT COUNT(*) AS n';
  const from = pg
    ? `FROM catalog_fts f ${join}, to_tsquery('simple', ${matchParam}) q WHERE f.document @@ q`
    : `FROM catalog_fts f ${join} WHERE catalog_fts MATCH ${matchParam}`;
  const order = !page ? '' : pg
    ? `ORDER BY ts_rank(f.document, q) DESC, f.record_id LIMIT ${p(page.limit)} OFFSET ${p(page.offset)}`
    : `ORDER BY bm25(catalog_fts, 0.0, 10.0, 4.0, 2.0, 2.0, 10.0), f.record_id LIMIT ${p(page.limit)} OFFSET ${p(page.offset)}`;
  where.unshift('1 = 1');
  return db.query(`${select} ${from} AND ${where.join(' AND ')} ${order}`, params);
}

/** The filter as SQL conditions on catalog_record `r`; `p` binds a parameter and returns its placeholder. */
function filterConditions(filter: SearchFilterSql, p: (value: unknown) => string): string[] {
  const where: string[] = [];
  const list = (column: string, values: string[] | null) => {
    if (values) where.push(values.length ? `r."${column}" IN (${values.map(p).join(', ')})` : '1 = 0');
  };
  list('format', filter.formats);
  list('language', filter.languages);
  list('partnerId', filter.partnerIds);
  if (filter.availableNow) where.push(`EXISTS (SELECT 1 FROM holding h WHERE h."recordId" = r.id AND h.status = 'AVAILABLE')`);
  return where;
}

/**
 * Live records in id order after `afterId` (keyset: a harvester paging the whole catalog never
 * skips or repeats a record while it changes).
 */
export async function listIds(db: DataSource, filter: SearchFilterSql, afterId: string | null, limit: number): Promise<string[]> {
  const rows: { id: string }[] = await runList(db, filter, afterId, limit);
  return rows.map((row) => row.id);
}

export async function countListed(db: DataSource, filter: SearchFilterSql): Promise<number> {
  const rows: { n: string | number }[] = await runList(db, filter, null, null);
  return Number(rows[0].n);
}

function runList(db: DataSource, filter: SearchFilterSql, afterId: string | null, limit: number | null) {
  const pg = isPostgres(db);
  const params: unknown[] = [];
  const p = (value: unknown) => { params.push(value); return pg ? `$${params.length}` : '?'; };
  const where = ['r."removedAt" IS NULL', ...filterConditions(filter, p)];
  if (afterId !== null) where.push(`r.id > ${p(afterId)}`);
  const tail = limit === null ? '' : `ORDER BY r.id LIMIT ${p(limit)}`;
  return db.query(`SELECT ${limit === null ? 'COUNT(*) AS n' : 'r.id AS id'} FROM catalog_record r WHERE ${where.join(' AND ')} ${tail}`, params);
}
