import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { col } from './table-helpers';

/** Partner.allowedOrigins: who may frame /embed pages and read feeds cross-origin (issue 7). */
export class PartnerAllowedOrigins1764700000000 implements MigrationInterface {
  name = 'PartnerAllowedOrigins1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('partner', new TableColumn(col.jsonList('allowedOrigins')));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('partner', 'allowedOrigins');
  }
}
