import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col } from './table-helpers';

/**
 * The mail outbox (issue 20): a message is a row, written in the transaction that causes it, and sent
 * later by MailSender (src/features/notifications/mail-sender.ts). `idempotencyKey` is unique, so enqueueing
 * the same message twice stores it once; `claimedUntil` is a sender's lease on the row, `sendAfter` the
 * back-off after a failure, `sentAt` set once the SMTP server accepted it. The index finds due unsent rows.
 */
export class MailOutbox1765700000000 implements MigrationInterface {
  name = 'MailOutbox1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'mail_outbox',
      columns: [
        col.id(), col.text('idempotencyKey', 200), col.text('to', 320), col.text('subject', 500),
        col.longText('text', false), col.longText('html'), col.longText('attachments'),
        col.instant('createdAt'), col.instant('sendAfter'), col.int('attempts', 0), col.longText('lastError'),
        col.instant('claimedUntil', true), col.instant('sentAt', true),
      ],
      indices: [
        { name: 'mail_outbox_idempotency_key', columnNames: ['idempotencyKey'], isUnique: true },
        { name: 'mail_outbox_due', columnNames: ['sentAt', 'sendAfter'] },
      ],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('mail_outbox');
  }
}
