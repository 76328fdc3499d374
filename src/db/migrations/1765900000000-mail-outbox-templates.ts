import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { col } from './table-helpers';

/**
 * Messages written from their cause's facts at send time (issue 20): a row with `template` and `context`
 * (JSON) instead of a subject and body. A registration's confirmation is stored inside the registering
 * statement, before the event's title or the party's place in line are known to the caller, and a
 * reminder must still say the event's time after a reschedule. `skippedAt` marks a row whose cause is gone
 * (a cancelled registration's reminder): never sent, never retried.
 */
export class MailOutboxTemplates1765900000000 implements MigrationInterface {
  name = 'MailOutboxTemplates1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('mail_outbox', [
      new TableColumn(col.text('template', 64, true)), new TableColumn(col.longText('context')), new TableColumn(col.instant('skippedAt', true)),
    ]);
    await q.changeColumn('mail_outbox', 'subject', new TableColumn(col.text('subject', 500, true)));
    await q.changeColumn('mail_outbox', 'text', new TableColumn(col.longText('text', true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM "mail_outbox" WHERE "subject" IS NULL OR "text" IS NULL`);
    await q.changeColumn('mail_outbox', 'text', new TableColumn(col.longText('text', false)));
    await q.changeColumn('mail_outbox', 'subject', new TableColumn(col.text('subject', 500, false)));
    await q.dropColumns('mail_outbox', ['template', 'context', 'skippedAt']);
  }
}
