import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col } from './table-helpers';

/**
 * The catalog: records, their items (holdings), match keys for clustering / related events, and a
 * full-text index made with each backend's own engine, so both rank by relevance:
 * - SQLite: an FTS5 table (https://sqlite.org/fts5.html), rowid derived from the record id;
 * - PostgreSQL: a weighted tsvector per record with a GIN index
 *   (https://www.postgresql.org/docs/current/textsearch-tables.html).
 * catalog_fts is not an entity (TypeORM cannot describe either), so the schema-drift check ignores it.
 */
export class Catalog1764500000000 implements MigrationInterface {
  name = 'Catalog1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'catalog_record',
      columns: [
        col.id(), col.ref('partnerId'), col.ref('sourceId'), col.text('externalId', 200), col.text('controlNumber', 200),
        col.text('controlNumberSource', 64, true), col.text('title', 1000), col.jsonList('alternateTitles'), col.text('subtitle', 1000, true),
        col.text('statementOfResponsibility', 1000, true), col.jsonList('authors'), col.jsonList('isbns'), col.jsonList('issns'),
        col.jsonList('oclcNumbers'), col.text('edition', 500, true), col.text('publisher', 500, true),
        { name: 'year', type: 'integer', isNullable: true }, col.text('extent', 500, true), col.enumText('format'),
        col.text('language', 8, true), col.jsonList('series'), col.longText('summary'), col.jsonList('subjects'), col.jsonList('links'),
        col.text('contentHash', 64), col.instant('fetchedAt'), col.instant('removedAt', true), col.instant('createdAt'), col.instant('updatedAt'),
      ],
      indices: [{ columnNames: ['partnerId'] }, { name: 'catalog_record_source_external', columnNames: ['sourceId', 'externalId'] }],
    }));
    await q.createTable(new Table({
      name: 'holding',
      columns: [
        col.id(), col.ref('recordId'), col.ref('partnerId'), col.ref('locationId', true), col.text('branchCode', 64, true),
        col.text('holdingBranchCode', 64, true), col.text('callNumber', 200, true), col.text('barcode', 64, true),
        col.text('itemId', 64, true), col.text('itemType', 64, true), col.enumText('status'), col.text('rawStatus', 200, true),
        col.text('dueDate', 32, true), { name: 'position', type: 'integer' },
      ],
      indices: [{ columnNames: ['recordId'] }],
    }));
    await q.createTable(new Table({
      name: 'catalog_key',
      columns: [
        { ...col.enumText('kind'), isPrimary: true }, { ...col.text('value', 200), isPrimary: true }, { ...col.ref('recordId'), isPrimary: true },
        col.ref('partnerId'),
      ],
      indices: [{ columnNames: ['recordId'] }],
    }));
    if (q.connection.options.type === 'postgres') {
      await q.query('CREATE TABLE "catalog_fts" ("record_id" varchar(64) PRIMARY KEY, "document" tsvector NOT NULL)');
      await q.query('CREATE INDEX "catalog_fts_document" ON "catalog_fts" USING GIN ("document")');
    } else {
      // Diacritics are folded before indexing (same text on both backends); unicode61 then only splits words.
      await q.query("CREATE VIRTUAL TABLE catalog_fts USING fts5(record_id UNINDEXED, title, authors, subjects, series, identifiers, tokenize = 'unicode61')");
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS catalog_fts');
    for (const table of ['catalog_key', 'holding', 'catalog_record']) await q.dropTable(table);
  }
}
