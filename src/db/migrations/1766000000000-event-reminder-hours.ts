import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { col } from './table-helpers';

/**
 * Issue 20's later mails. `event.reminderHours`: how long before the start a reminder goes (null: the
 * default 24, 0: none). `mail_outbox.language`: the BCP 47 tag a registration's confirmation was asked in,
 * so its promotion, cancellation and reminder (planned later, by statements that know no request) are
 * written in the same language; it is kept on the outbox because the registration is written on
 * PostgreSQL by the register_party function, which has no language parameter.
 */
export class EventReminderHours1766000000000 implements MigrationInterface {
  name = 'EventReminderHours1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('event', new TableColumn({ name: 'reminderHours', type: 'integer', isNullable: true }));
    await q.addColumn('mail_outbox', new TableColumn(col.text('language', 35, true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('mail_outbox', 'language');
    await q.dropColumn('event', 'reminderHours');
  }
}
