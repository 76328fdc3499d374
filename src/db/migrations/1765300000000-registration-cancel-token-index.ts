import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/** myRegistration finds a registration by its cancel token's hash alone: an index, not a scan per public query. */
export class RegistrationCancelTokenIndex1765300000000 implements MigrationInterface {
  name = 'RegistrationCancelTokenIndex1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('registration', new TableIndex({ name: 'registration_cancel_token_hash', columnNames: ['cancelTokenHash'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('registration', 'registration_cancel_token_hash');
  }
}
