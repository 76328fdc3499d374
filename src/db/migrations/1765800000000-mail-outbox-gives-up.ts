import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { col } from './table-helpers';

/**
 * A message that keeps failing stops being retried (issue 20): MailSender sets `failedAt` after a
 * permanent SMTP refusal (5xx) or its last allowed attempt, and never claims the row again. Without it a
 * mistyped address would be tried every few hours for ever, each time logging a warning.
 */
export class MailOutboxGivesUp1765800000000 implements MigrationInterface {
  name = 'MailOutboxGivesUp1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('mail_outbox', new TableColumn(col.instant('failedAt', true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('mail_outbox', 'failedAt');
  }
}
