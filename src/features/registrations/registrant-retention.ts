import { DataSource } from 'typeorm';
import { sqlReaderOf } from '../../db/sql-reader';
import { exec, runWriteTransaction, select, TxProgram } from '../../db/write-transaction';
import { eraseMailsStoredBefore, eraseRegistrationMails } from '../notifications/mail-erasure';

const DAY_MS = 24 * 3_600_000;
/** Registrations erased per write transaction: a purge of a whole year never holds the write lock long. */
export const PURGE_BATCH = 500;

/** One event whose registrants' data is due for erasure: what `registrations purge --dry-run` prints. */
export interface PurgeDue {
  eventId: string;
  title: string;
  endsAt: Date;
  registrations: number;
}

const ENDED_BEFORE = `FROM "registration" r JOIN "event" e ON e."id" = r."eventId" WHERE r."erasedAt" IS NULL AND e."endsAt" < ?`;
const DUE_SQL = `SELECT e."id" AS "eventId", e."title" AS "title", e."endsAt" AS "endsAt", COUNT(*) AS "registrations" ${ENDED_BEFORE} `
  + `GROUP BY e."id", e."title", e."endsAt" ORDER BY e."endsAt", e."id"`;
const BATCH_SQL = `SELECT r."id" AS "id" ${ENDED_BEFORE} ORDER BY r."id" LIMIT ?`;

/**
 * Erases these registrations' name and email (to the empty string, with `erasedAt`) and the mail stored
 * for them. Status, partySize, attended and the event's counters are left alone: erasure forgets who,
 * never how many, so reports read the same before and after. Answers how many were erased now.
 */
export function* eraseRegistrations(ids: string[], now: string): TxProgram<number> {
  if (!ids.length) return 0;
  const erased = yield* exec(`UPDATE "registration" SET "name" = '', "email" = '', "erasedAt" = ? `
    + `WHERE "id" IN (${ids.map(() => '?').join(', ')}) AND "erasedAt" IS NULL`, [now, ...ids]);
  yield* eraseRegistrationMails(ids, now);
  return erased;
}

/**
 * REGISTRANT_RETENTION_DAYS (issue 19): a registrant's name and email are kept until the event has been
 * over for that many days, then erased, by the server's daily look (RetentionSweeper) or
 * `community-graph registrations purge`. Both run the same purge, so they agree on what is due.
 */
export class RegistrantRetention {
  constructor(private readonly db: DataSource, readonly retentionDays: number, private readonly batchSize = PURGE_BATCH) {}

  /** Events that ended before this instant have had their registrants' data long enough. */
  cutoff(now: Date): Date {
    return new Date(now.getTime() - this.retentionDays * DAY_MS);
  }

  /** What a purge at `now` would erase, per event, oldest first; changes nothing. */
  async due(now: Date): Promise<PurgeDue[]> {
    const rows = await sqlReaderOf(this.db).all<Record<string, unknown>>(DUE_SQL, [this.cutoff(now).toISOString()]);
    return rows.map((row) => ({
      eventId: String(row.eventId), title: String(row.title), endsAt: new Date(String(row.endsAt)), registrations: Number(row.registrations),
    }));
  }

  /** Erases every registration due at `now`, a batch per transaction, then any older mail; the number erased. */
  async purge(now: Date): Promise<number> {
    const cutoff = this.cutoff(now).toISOString();
    const at = now.toISOString();
    const limit = this.batchSize;
    let total = 0;
    for (;;) {
      const { seen, erased } = await runWriteTransaction(this.db, function* () {
        const ids = (yield* select(BATCH_SQL, [cutoff, limit])).map((row) => String(row.id));
        return { seen: ids.length, erased: yield* eraseRegistrations(ids, at) };
      });
      total += erased;
      if (seen < limit) break;
    }
    await runWriteTransaction(this.db, () => eraseMailsStoredBefore(cutoff, at));
    return total;
  }
}
