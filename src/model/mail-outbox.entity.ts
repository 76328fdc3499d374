import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../db/columns';

/**
 * One outgoing email (issue 20), written by `enqueue` (src/features/notifications/outbox.ts) and sent by
 * MailSender. Addresses and bodies are personal data: they are never logged.
 */
@Entity({ name: 'mail_outbox' })
@Index('mail_outbox_idempotency_key', ['idempotencyKey'], { unique: true })
@Index('mail_outbox_due', ['sentAt', 'sendAfter'])
export class MailOutboxEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  /** The caller's key: a second enqueue with it is a no-op; the Message-ID is derived from it. */
  @Column({ type: 'varchar', length: 200 })
  idempotencyKey!: string;

  @Column({ type: 'varchar', length: 320 })
  to!: string;

  @Column({ type: 'varchar', length: 500 })
  subject!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text', nullable: true })
  html!: string | null;

  /** JSON: `[{ filename, content, contentType? }]` (content as text), or null. */
  @Column({ type: 'text', nullable: true })
  attachments!: string | null;

  @InstantColumn()
  createdAt!: Date;

  /** Not sent before this instant (the back-off after a failure). */
  @InstantColumn()
  sendAfter!: Date;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  /** A sender's lease: another sender leaves the row alone until then. */
  @InstantColumn({ nullable: true })
  claimedUntil!: Date | null;

  @InstantColumn({ nullable: true })
  sentAt!: Date | null;
}
