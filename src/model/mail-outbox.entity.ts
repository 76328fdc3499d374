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

  /** Null when `template` writes it at send time. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  subject!: string | null;

  @Column({ type: 'text', nullable: true })
  text!: string | null;

  @Column({ type: 'text', nullable: true })
  html!: string | null;

  /** JSON: `[{ filename, content, contentType? }]` (content as text), or null. */
  @Column({ type: 'text', nullable: true })
  attachments!: string | null;

  /** A template of MailSenderOptions.templates (e.g. `registration.confirmation`) that writes the message from `context` when sent. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  template!: string | null;

  /** JSON given to `template`. */
  @Column({ type: 'text', nullable: true })
  context!: string | null;

  /** A confirmation's BCP 47 tag (RegisterInput.language): the registration's later mails are written in it. */
  @Column({ type: 'varchar', length: 35, nullable: true })
  language!: string | null;

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

  /** Given up (a permanent refusal, or the last allowed attempt failed): never claimed again. */
  @InstantColumn({ nullable: true })
  failedAt!: Date | null;

  /** Its template found nothing left to say (the cause is gone): not sent, not retried. */
  @InstantColumn({ nullable: true })
  skippedAt!: Date | null;
}
