import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { col } from './table-helpers';

/**
 * `registration.erasedAt` (issue 19): when the registrant's name and email were erased, by the retention
 * purge or a privacy request (src/features/registrations/registrant-retention.ts). Null: still held.
 */
export class RegistrationErasedAt1766500000000 implements MigrationInterface {
  name = 'RegistrationErasedAt1766500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('registration', new TableColumn(col.instant('erasedAt', true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('registration', 'erasedAt');
  }
}
