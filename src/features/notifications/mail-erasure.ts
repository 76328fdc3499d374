import { exec, TxProgram } from '../../db/write-transaction';

/**
 * Every kind of mail written for one registration, keyed `<kind>:<registrationId>` (registrationMailsInsert,
 * confirmationMail). `registrationMailsInsert` takes only these, so a new kind is added here first and its
 * rows are found when their registration is erased.
 */
export const REGISTRATION_MAIL_KINDS = ['confirmation', 'promotion', 'invitation', 'reminder', 'survey', 'event-cancelled'] as const;
export type RegistrationMailKind = typeof REGISTRATION_MAIL_KINDS[number];

/**
 * What an erased row keeps: its key, kind and times (so the outbox's own accounting still adds up), never
 * the address or anything written to it. A row not yet finished is marked skipped, so no sender claims it
 * with no address to send to. Parameter: the erasing instant.
 */
const ERASE_SET = `SET "to" = '', "subject" = NULL, "text" = NULL, "html" = NULL, "attachments" = NULL, "context" = NULL, `
  + `"claimedUntil" = NULL, "skippedAt" = CASE WHEN "sentAt" IS NULL AND "failedAt" IS NULL AND "skippedAt" IS NULL THEN ? ELSE "skippedAt" END`;

/** The mail of these registrations, sent or not (by the unique key index: one lookup per kind and registration). */
export function* eraseRegistrationMails(registrationIds: string[], now: string): TxProgram<number> {
  if (!registrationIds.length) return 0;
  const keys = registrationIds.flatMap((id) => REGISTRATION_MAIL_KINDS.map((kind) => `${kind}:${id}`));
  return yield* exec(`UPDATE "mail_outbox" ${ERASE_SET} WHERE "idempotencyKey" IN (${keys.map(() => '?').join(', ')}) AND "to" <> ''`, [now, ...keys]);
}

/**
 * Any mail stored before `cutoff` (ISO text), whatever caused it: an address in the outbox is not kept
 * longer than the registrant's own data, even for a mail no registration names.
 */
export function* eraseMailsStoredBefore(cutoff: string, now: string): TxProgram<number> {
  return yield* exec(`UPDATE "mail_outbox" ${ERASE_SET} WHERE "createdAt" < ? AND "to" <> ''`, [now, cutoff]);
}
