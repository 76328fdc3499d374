import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { col } from './table-helpers';

/**
 * How a party's wait ended (issue 19, waitlist conversion in impact reports): `registration.promotedAt`
 * when a waitlisted party was confirmed (promoted, or its invitation claimed), `waitlistLeftAt` when it
 * left the line otherwise (cancelled while waiting, or its invitation lapsed). Rows from before have
 * neither: their waits are not counted.
 */
export class WaitlistOutcomes1767000000000 implements MigrationInterface {
  name = 'WaitlistOutcomes1767000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('registration', [new TableColumn(col.instant('promotedAt', true)), new TableColumn(col.instant('waitlistLeftAt', true))]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('registration', 'waitlistLeftAt');
    await q.dropColumn('registration', 'promotedAt');
  }
}
