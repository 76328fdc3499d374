import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { col } from './table-helpers';

/** Source.lastSkips (what a PARTIAL sync skipped and why) and Source.formatVersion (issue 14). */
export class SourceSyncDetails1765200000000 implements MigrationInterface {
  name = 'SourceSyncDetails1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('source', new TableColumn(col.longText('lastSkips')));
    await q.addColumn('source', new TableColumn(col.text('formatVersion', 32, true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('source', 'formatVersion');
    await q.dropColumn('source', 'lastSkips');
  }
}
