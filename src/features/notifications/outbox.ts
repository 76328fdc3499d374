import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { MailOutboxEntity } from '../../model/mail-outbox.entity';
import type { RegistrationMailKind } from './mail-erasure';

/** A file sent with a message (e.g. the .ics of a confirmation); content is text. */
export interface MailAttachment {
  filename: string;
  content: string;
  contentType?: string;
}

export interface OutgoingMail {
  /** Stable for the cause (e.g. `confirmation:<registrationId>`): a second enqueue with it is a no-op. */
  idempotencyKey: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  attachments?: MailAttachment[] | null;
  /** Not before this instant (a reminder); default now. */
  sendAfter?: Date;
}

/**
 * Adds a message to the outbox, in the caller's transaction when given its EntityManager, so the
 * message is stored if and only if what caused it is. Idempotent by key: a second enqueue with the same
 * key stores nothing (INSERT … ON CONFLICT DO NOTHING / INSERT OR IGNORE) and answers false.
 */
export async function enqueue(target: DataSource | EntityManager, message: OutgoingMail, now = new Date()): Promise<boolean> {
  const manager = target instanceof DataSource ? target.manager : target;
  const id = randomUUID();
  await manager.createQueryBuilder().insert().into(MailOutboxEntity).values({
    id,
    idempotencyKey: message.idempotencyKey,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html ?? null,
    attachments: message.attachments?.length ? JSON.stringify(message.attachments) : null,
    template: null,
    context: null,
    language: null,
    createdAt: now,
    sendAfter: message.sendAfter ?? now,
    attempts: 0,
    lastError: null,
    claimedUntil: null,
    sentAt: null,
    failedAt: null,
    skippedAt: null,
  }).orIgnore().execute();
  // The drivers report an ignored insert differently (SQLite keeps the last rowid); the stored row says it.
  const stored = await manager.getRepository(MailOutboxEntity).findOne({ select: { id: true }, where: { idempotencyKey: message.idempotencyKey } });
  return stored?.id === id;
}

/**
 * A message its template writes when it is sent (MailSenderOptions.templates), stored by a write program
 * in its own transaction: the columns in TEMPLATED_INSERT_COLUMNS order.
 */
export interface TemplatedMail {
  id: string;
  idempotencyKey: string;
  to: string;
  template: string;
  /** JSON for the template. */
  context: string;
  /** The BCP 47 tag asked for, kept for the cause's later mails (MailOutboxEntity.language). */
  language: string | null;
}

export const TEMPLATED_INSERT_COLUMNS = ['id', 'idempotencyKey', 'to', 'template', 'context', 'language', 'createdAt', 'sendAfter'] as const;

/** The INSERT of a TemplatedMail, `?` placeholders, a no-op for a key already stored (both backends). */
export const TEMPLATED_INSERT = `INSERT INTO "mail_outbox" (${TEMPLATED_INSERT_COLUMNS.map((c) => `"${c}"`).join(', ')}) `
  + `VALUES (${TEMPLATED_INSERT_COLUMNS.map(() => '?').join(', ')}) ON CONFLICT ("idempotencyKey") DO NOTHING`;

export const templatedValues = (mail: TemplatedMail, now: string): unknown[] =>
  [mail.id, mail.idempotencyKey, mail.to, mail.template, mail.context, mail.language, now, now];

/**
 * One templated row per registration that `from` selects (a FROM … WHERE … naming the registration `r`):
 * key `<kind>:<registrationId>` (also its id: unique with the key, and made by the statement itself),
 * sent to the registration's email, context `{"registrationId": …}`, in the language of its
 * confirmation. One statement for both backends: `ON CONFLICT … DO NOTHING` is PostgreSQL's and, since
 * 3.24, SQLite's too (whose grammar wants the WHERE that `from` must have). Parameters: createdAt,
 * sendAfter (ISO text), then those of `from`.
 */
export function registrationMailsInsert(kind: RegistrationMailKind, template: string, from: string): string {
  const key = `'${kind}:' || r."id"`;
  return `INSERT INTO "mail_outbox" (${TEMPLATED_INSERT_COLUMNS.map((c) => `"${c}"`).join(', ')}) `
    + `SELECT ${key}, ${key}, r."email", '${template}', '{"registrationId":"' || r."id" || '"}', `
    + `(SELECT c."language" FROM "mail_outbox" c WHERE c."idempotencyKey" = 'confirmation:' || r."id"), ?, ? `
    + `${from} ON CONFLICT ("idempotencyKey") DO NOTHING`;
}

/**
 * The Message-ID of an outbox message: derived from its idempotency key alone, so a resend after a crash
 * between the SMTP server's accept and `sentAt` carries the same Message-ID and a mail client (or the
 * receiving server) recognises it as the same message.
 */
export function messageIdOf(idempotencyKey: string, domain: string): string {
  const digest = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40);
  return `<${digest}@${domain}>`;
}

/** The domain of an address such as `Library <no-reply@library.example>`. */
export function domainOf(address: string): string {
  const match = /@([^>\s]+)>?\s*$/.exec(address);
  return match ? match[1] : 'localhost';
}
