import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col } from './table-helpers';

/** Partner sources (feeds) and their sync health; issue 3. */
export class Sources1764300000000 implements MigrationInterface {
  name = 'Sources1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'source',
      columns: [
        col.id(), col.ref('partnerId'), col.text('format', 32), col.text('url', 2000), col.text('title', 200, true), col.int('refreshMinutes', 60),
        col.instant('expandFrom', true), col.instant('expandTo', true),
        { name: 'options', type: 'text', default: "'{}'" },
        col.text('etag', 500, true), col.text('lastModified', 100, true),
        col.instant('lastAttemptAt', true), col.instant('lastSuccessAt', true), col.longText('lastError'), col.instant('lastExpandedAt', true),
        col.int('consecutiveFailures', 0), col.int('itemCount', 0), col.instant('nextSyncAt', true), col.instant('createdAt'),
      ],
      indices: [{ columnNames: ['partnerId'] }, { columnNames: ['nextSyncAt'] }],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('source');
  }
}
