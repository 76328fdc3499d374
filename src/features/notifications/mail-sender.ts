import { DataSource } from 'typeorm';
import { isPostgres, runWriteTransaction, select } from '../../db/write-transaction';
import { Logger } from '../../logger';
import { MailTemplate, RenderedMail } from './mail-template';
import { domainOf, MailAttachment, messageIdOf } from './outbox';
import { sendFailureOf } from './send-failure';

/** The part of a nodemailer transport the sender uses (src/features/notifications/transport.ts makes one). */
export interface MailTransport {
  sendMail(message: {
    from: string; to: string; subject: string; text: string; html?: string;
    attachments?: MailAttachment[]; messageId: string;
  }): Promise<unknown>;
}

/** Adds rows that are due by time rather than by a write (a reminder), before each look. */
export interface MailPlanner {
  /** Idempotent: it runs before every look, on every replica. A throw fails that look. */
  plan(now: Date): Promise<void>;
}

export interface MailSenderOptions {
  /** null: no SMTP_URL; each message is logged (no body) and marked sent. */
  transport: MailTransport | null;
  /** The From of every message (MAIL_FROM); its domain is the Message-ID's. */
  from: string;
  logger?: Logger;
  /** What writes a templated row's message, by its `template` name. */
  templates?: Record<string, MailTemplate>;
  /** Run in order before each claim. Default none. */
  planners?: MailPlanner[];
  /** How long a claim holds a row; longer than any SMTP exchange (the transport's timeouts). */
  leaseMs?: number;
  /** Rows claimed per look. */
  batchSize?: number;
  /** Pause between looks when polling. */
  pollMs?: number;
  /** Back-off after a failure: this, doubling per attempt, at most maxRetryMs. */
  retryBaseMs?: number;
  maxRetryMs?: number;
  /**
   * Attempts before a message is given up (`failedAt`, never claimed again, one error log line); default
   * 8, about an hour of back-off at the default retryBaseMs. A permanent refusal (5xx) gives up at once.
   */
  maxAttempts?: number;
  now?: () => Date;
}

export interface SendReport {
  sent: number;
  failed: number;
  skipped: number;
}

interface ClaimedRow {
  id: string;
  idempotencyKey: string;
  to: string;
  subject: string | null;
  text: string | null;
  html: string | null;
  attachments: string | null;
  template: string | null;
  context: string | null;
  attempts: number;
}

/** The part of pg's Pool used here (TypeORM's PostgresDriver.master). */
interface PgPool {
  query(sql: string, params: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

const COLUMNS = '"id", "idempotencyKey", "to", "subject", "text", "html", "attachments", "template", "context", "attempts"';

/**
 * Sends the outbox. Each look claims up to `batchSize` due unsent rows by setting their lease
 * (`claimedUntil`), sends them one by one and marks each `sentAt`, or on failure records `lastError`,
 * counts the attempt and backs off (`sendAfter`), or gives up (`failedAt`) after a permanent refusal or
 * the last allowed attempt. On PostgreSQL the claim is one
 * `UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED)`, so replicas polling together claim disjoint
 * rows; on SQLite (one process owns the file) the same UPDATE runs in a write transaction.
 *
 * At least once: a sender that dies after the SMTP server accepted a message but before `sentAt` leaves
 * the row claimed; when the lease ends it is sent again, with the same Message-ID (messageIdOf).
 */
export class MailSender {
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<unknown> = Promise.resolve();
  private stopped = true;
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private readonly pollMs: number;
  private readonly retryBaseMs: number;
  private readonly maxRetryMs: number;
  private readonly maxAttempts: number;
  private readonly now: () => Date;
  private readonly domain: string;

  constructor(private readonly db: DataSource, private readonly options: MailSenderOptions) {
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.batchSize = options.batchSize ?? 20;
    this.pollMs = Math.min(Math.max(options.pollMs ?? 2_000, 10), 60_000);
    this.retryBaseMs = options.retryBaseMs ?? 30_000;
    this.maxRetryMs = options.maxRetryMs ?? 6 * 3_600_000;
    this.maxAttempts = options.maxAttempts ?? 8;
    if (!Number.isInteger(this.maxAttempts) || this.maxAttempts < 1) {
      throw new RangeError(`MailSender maxAttempts must be a whole number of at least 1, got ${this.maxAttempts}`);
    }
    this.now = options.now ?? (() => new Date());
    this.domain = domainOf(options.from);
  }

  /** Polls every `pollMs` until stop(). */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops polling and waits for the look in progress (bounded by the transport's timeouts). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.current.catch(() => undefined);
  }

  /** One look: runs the planners, claims due rows and sends them. */
  async runOnce(): Promise<SendReport> {
    for (const planner of this.options.planners ?? []) await planner.plan(this.now());
    const rows = await this.claim();
    const report: SendReport = { sent: 0, failed: 0, skipped: 0 };
    for (const row of rows) report[await this.send(row)]++;
    return report;
  }

  private async claim(): Promise<ClaimedRow[]> {
    const now = this.now();
    const nowText = now.toISOString();
    const until = new Date(now.getTime() + this.leaseMs).toISOString();
    const skipLocked = isPostgres(this.db) ? ' FOR UPDATE SKIP LOCKED' : '';
    const sql = `UPDATE "mail_outbox" SET "claimedUntil" = ? WHERE "id" IN (`
      + `SELECT "id" FROM "mail_outbox" WHERE "sentAt" IS NULL AND "skippedAt" IS NULL AND "failedAt" IS NULL AND "sendAfter" <= ? AND ("claimedUntil" IS NULL OR "claimedUntil" <= ?)`
      + ` ORDER BY "sendAfter", "id" LIMIT ?${skipLocked}) RETURNING ${COLUMNS}`;
    const rows = await this.run(sql, [until, nowText, nowText, this.batchSize]);
    return rows.map((row) => ({ ...row, attempts: Number(row.attempts) }) as unknown as ClaimedRow);
  }

  private async send(row: ClaimedRow): Promise<keyof SendReport> {
    if (row.template && !this.options.templates?.[row.template]) {
      await this.awaitTemplate(row);
      return 'failed';
    }
    if (!this.options.transport) return this.logInstead(row);
    let mail: RenderedMail | null;
    try {
      mail = await this.messageOf(row);
      if (mail) {
        await this.options.transport.sendMail({
          from: this.options.from,
          to: row.to,
          subject: mail.subject,
          text: mail.text,
          ...(mail.html ? { html: mail.html } : {}),
          ...(mail.attachments?.length ? { attachments: mail.attachments } : {}),
          messageId: messageIdOf(row.idempotencyKey, this.domain),
        });
      }
    } catch (error) {
      await this.failed(row, error);
      return 'failed';
    }
    const column = mail ? 'sentAt' : 'skippedAt';
    await this.done(row, column);
    return mail ? 'sent' : 'skipped';
  }

  /**
   * Without SMTP_URL: one log line (identifiers, and the subject of a stored message; no address, no
   * body) and the row is done. A template row is not written at all: nobody would read it, and writing
   * one costs a read of its registration and event and a calendar file.
   */
  private async logInstead(row: ClaimedRow): Promise<keyof SendReport> {
    const about = row.template ? { template: row.template } : { subject: row.subject };
    this.options.logger?.info({ mailId: row.id, idempotencyKey: row.idempotencyKey, ...about }, 'mail not sent: SMTP_URL is unset');
    await this.done(row, 'sentAt');
    return 'sent';
  }

  /** The row is finished; its context may hold a secret for the message (a cancel code), of no use any more. */
  private async done(row: ClaimedRow, column: 'sentAt' | 'skippedAt'): Promise<void> {
    await this.run(`UPDATE "mail_outbox" SET "${column}" = ?, "claimedUntil" = NULL, "lastError" = NULL, "context" = NULL WHERE "id" = ?`, [this.now().toISOString(), row.id]);
  }

  /** The stored message, or what its template writes now (null: skip it). */
  private async messageOf(row: ClaimedRow): Promise<RenderedMail | null> {
    if (!row.template) {
      return {
        subject: row.subject ?? '', text: row.text ?? '', html: row.html ?? undefined,
        attachments: row.attachments ? JSON.parse(row.attachments) as MailAttachment[] : undefined,
      };
    }
    return this.options.templates![row.template](row.context ? JSON.parse(row.context) as unknown : null);
  }

  /**
   * A row of a template this server does not know: written by a newer replica during a rolling deploy.
   * It waits for a sender that knows it, without spending an attempt (the message itself never failed).
   */
  private async awaitTemplate(row: ClaimedRow): Promise<void> {
    const retryAt = new Date(this.now().getTime() + this.retryBaseMs).toISOString();
    const message = `no template named ${row.template} on this server`;
    await this.run('UPDATE "mail_outbox" SET "lastError" = ?, "sendAfter" = ?, "claimedUntil" = NULL WHERE "id" = ? AND "sentAt" IS NULL', [message, retryAt, row.id]);
    this.options.logger?.warn({ mailId: row.id, idempotencyKey: row.idempotencyKey, retryAt }, message);
  }

  /** Counts the attempt, then backs off or, after a permanent refusal or the last attempt, gives up. */
  private async failed(row: ClaimedRow, error: unknown): Promise<void> {
    const attempts = row.attempts + 1;
    const { message, permanent } = sendFailureOf(error);
    const now = this.now();
    const givesUp = permanent || attempts >= this.maxAttempts;
    const delay = Math.min(this.retryBaseMs * 2 ** Math.min(attempts - 1, 30), this.maxRetryMs);
    const retryAt = givesUp ? null : new Date(now.getTime() + delay).toISOString();
    await this.run(
      'UPDATE "mail_outbox" SET "attempts" = "attempts" + 1, "lastError" = ?, "sendAfter" = COALESCE(?, "sendAfter"), "failedAt" = ?, "claimedUntil" = NULL'
        + ' WHERE "id" = ? AND "sentAt" IS NULL',
      [message, retryAt, givesUp ? now.toISOString() : null, row.id],
    );
    // Identifiers only: the address and the body are personal data (the message has its local parts masked).
    const log = { mailId: row.id, idempotencyKey: row.idempotencyKey, attempts, err: message };
    if (givesUp) this.options.logger?.error(log, permanent ? 'mail refused for good; given up' : 'mail not sent after the last attempt; given up');
    else this.options.logger?.warn({ ...log, retryAt }, 'mail not sent; will retry');
  }

  /**
   * One statement, `?` placeholders. Each is atomic by itself, so none needs a transaction: on PostgreSQL
   * it goes straight to the driver's pool (autocommit), on SQLite through runWriteTransaction (the write
   * queue of the shared connection). Either way it bypasses TypeORM's query logger: the sender's looks
   * are background work, not part of any request's statement count (src/db/statement-counter.ts).
   */
  private async run(sql: string, params: unknown[]): Promise<Record<string, unknown>[]> {
    if (isPostgres(this.db)) {
      const pool = (this.db.driver as unknown as { master: PgPool }).master;
      let n = 0;
      return (await pool.query(sql.replace(/\?/g, () => `$${++n}`), params)).rows;
    }
    return runWriteTransaction(this.db, function* () {
      return yield* select(sql, params);
    });
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.current = this.runOnce()
        .catch((error) => this.options.logger?.error({ err: error }, 'mail sender look failed'))
        .finally(() => this.schedule(this.pollMs));
    }, delayMs);
    this.timer.unref();
  }
}
