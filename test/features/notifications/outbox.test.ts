import { Writable } from 'node:stream';
import { DataSource, IsNull, Not } from 'typeorm';
import { openDatabase } from '../../../src/db/data-source';
import { createLogger } from '../../../src/logger';
import { MailOutboxEntity } from '../../../src/model/mail-outbox.entity';
import { MailSender } from '../../../src/features/notifications/mail-sender';
import { enqueue, messageIdOf, TEMPLATED_INSERT, templatedValues } from '../../../src/features/notifications/outbox';
import { exec, runWriteTransaction } from '../../../src/db/write-transaction';
import { createMailTransport } from '../../../src/features/notifications/transport';
import { createTestDatabase, describeEachBackend, TestDatabase } from '../../support/backends';
import { startSmtpServer, TestSmtpServer } from '../../support/smtp';
import { until } from '../../support/until';

const FROM = 'Millbrook Library <no-reply@library.example>';

/**
 * The mail outbox against a real SMTP server (smtp-server on 127.0.0.1) on each backend: what arrives
 * is read back with mailparser, never taken from our own code's word.
 */
describeEachBackend('mail outbox', (backend) => {
  let database: TestDatabase;
  let db: DataSource;
  let smtp: TestSmtpServer;
  let clock: Date;
  const transports: { close(): void }[] = [];

  function sender(target: DataSource = db, options: Partial<ConstructorParameters<typeof MailSender>[1]> = {}): MailSender {
    const transport = createMailTransport(smtp.url);
    transports.push(transport);
    return new MailSender(target, { transport, from: FROM, now: () => clock, retryBaseMs: 60_000, ...options });
  }

  const row = (idempotencyKey: string) => db.getRepository(MailOutboxEntity).findOneByOrFail({ idempotencyKey });

  beforeEach(async () => {
    clock = new Date(Date.UTC(2026, 11, 7, 9, 0, 0));
    database = await createTestDatabase(backend);
    db = await openDatabase(database.config);
    smtp = await startSmtpServer();
  });
  afterEach(async () => {
    for (const transport of transports.splice(0)) transport.close();
    await smtp.close();
    await db.destroy();
    await database.drop();
  });

  it('sends each key once: three enqueues, one of them twice, deliver two messages with their Message-IDs', async () => {
    const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';
    expect(await enqueue(db, { idempotencyKey: 'confirmation:r1', to: 'ada@example.org', subject: 'You are registered', text: 'See you on Tuesday.', html: '<p>See you on <b>Tuesday</b>.</p>', attachments: [{ filename: 'event.ics', content: ics, contentType: 'text/calendar' }] }, clock)).toBe(true);
    // In a caller's transaction, through its EntityManager.
    expect(await db.transaction((manager) => enqueue(manager, { idempotencyKey: 'reminder:r1', to: 'ada@example.org', subject: 'Tomorrow', text: 'Story time is tomorrow.' }, clock))).toBe(true);
    expect(await enqueue(db, { idempotencyKey: 'confirmation:r1', to: 'someone-else@example.org', subject: 'Again', text: 'Second enqueue of one key.' }, clock)).toBe(false);
    expect(await db.getRepository(MailOutboxEntity).count()).toBe(2);

    expect(await sender().runOnce()).toEqual({ sent: 2, failed: 0, skipped: 0 });
    expect(await sender().runOnce()).toEqual({ sent: 0, failed: 0, skipped: 0 });

    const arrived = smtp.arrived.map((mail) => ({
      to: mail.to && !Array.isArray(mail.to) ? mail.to.text : null, from: mail.from?.text, subject: mail.subject, text: mail.text?.trim(), messageId: mail.messageId,
    })).sort((a, b) => a.subject!.localeCompare(b.subject!));
    expect(arrived).toEqual([
      { to: 'ada@example.org', from: FROM.replace('Millbrook Library ', '"Millbrook Library" '), subject: 'Tomorrow', text: 'Story time is tomorrow.', messageId: messageIdOf('reminder:r1', 'library.example') },
      { to: 'ada@example.org', from: FROM.replace('Millbrook Library ', '"Millbrook Library" '), subject: 'You are registered', text: 'See you on Tuesday.', messageId: messageIdOf('confirmation:r1', 'library.example') },
    ]);
    const confirmation = smtp.arrived.find((mail) => mail.subject === 'You are registered')!;
    expect(confirmation.html).toContain('<b>Tuesday</b>');
    expect(confirmation.attachments.map((a) => [a.filename, a.contentType, a.content.toString('utf8')])).toEqual([['event.ics', 'text/calendar', ics]]);
    expect(await row('confirmation:r1')).toMatchObject({ sentAt: clock, attempts: 0, lastError: null, claimedUntil: null });
  });

  it('keeps a refused message with its error and sends it once the server accepts again, after the back-off', async () => {
    await enqueue(db, { idempotencyKey: 'invite:w1', to: 'bo@example.org', subject: 'A seat is free', text: 'Claim it within 24 hours.' }, clock);
    smtp.refuse = { code: 451, message: 'Mailbox busy, try later' };
    const mailer = sender();
    expect(await mailer.runOnce()).toEqual({ sent: 0, failed: 1, skipped: 0 });
    expect(smtp.arrived).toEqual([]);
    const failed = await row('invite:w1');
    expect(failed).toMatchObject({ attempts: 1, sentAt: null, claimedUntil: null, sendAfter: new Date(clock.getTime() + 60_000) });
    expect(failed.lastError).toContain('Mailbox busy');

    smtp.refuse = null;
    // Not before sendAfter.
    expect(await mailer.runOnce()).toEqual({ sent: 0, failed: 0, skipped: 0 });
    clock = new Date(clock.getTime() + 60_000);
    expect(await mailer.runOnce()).toEqual({ sent: 1, failed: 0, skipped: 0 });
    expect(smtp.arrived.map((mail) => [mail.subject, mail.messageId])).toEqual([['A seat is free', messageIdOf('invite:w1', 'library.example')]]);
    expect(await row('invite:w1')).toMatchObject({ attempts: 1, sentAt: clock, lastError: null });
  });

  function capture() {
    const lines: { level: number; msg: string; idempotencyKey?: string }[] = [];
    const destination = new Writable({ write(chunk: Buffer, _encoding, done) { lines.push(JSON.parse(chunk.toString())); done(); } });
    return { lines, logger: createLogger('info', destination) };
  }
  const ERROR = 50;

  it('gives up at once on a permanent refusal (550) and backs off on a temporary one (451), logging no address', async () => {
    await enqueue(db, { idempotencyKey: 'confirmation:gone', to: 'gone@example.org', subject: 'You are registered', text: 'SECRET BODY' }, clock);
    await enqueue(db, { idempotencyKey: 'confirmation:busy', to: 'busy@example.org', subject: 'You are registered', text: 'SECRET BODY' }, clock);
    // As Postfix words them: the reply repeats the address.
    smtp.refuseRecipients.set('gone@example.org', { code: 550, message: '5.1.1 <gone@example.org>: Recipient address rejected: User unknown' });
    smtp.refuseRecipients.set('busy@example.org', { code: 451, message: '4.2.1 <busy@example.org>: Mailbox busy, try later' });
    const { lines, logger } = capture();
    const mailer = sender(db, { logger });
    const start = clock;

    expect(await mailer.runOnce()).toEqual({ sent: 0, failed: 2, skipped: 0 });
    const gone = await row('confirmation:gone');
    expect(gone).toMatchObject({ attempts: 1, failedAt: start, sentAt: null, claimedUntil: null });
    expect(gone.lastError).toContain('User unknown');
    expect(await row('confirmation:busy')).toMatchObject({ attempts: 1, failedAt: null, sentAt: null, sendAfter: new Date(start.getTime() + 60_000) });

    clock = new Date(start.getTime() + 60_000);
    expect(await mailer.runOnce()).toEqual({ sent: 0, failed: 1, skipped: 0 });
    // The back-off doubles.
    expect(await row('confirmation:busy')).toMatchObject({ attempts: 2, failedAt: null, sendAfter: new Date(clock.getTime() + 120_000) });

    smtp.refuseRecipients.clear();
    clock = new Date(clock.getTime() + 120_000);
    expect(await mailer.runOnce()).toEqual({ sent: 1, failed: 0, skipped: 0 });
    clock = new Date(clock.getTime() + 24 * 3_600_000);
    expect(await mailer.runOnce()).toEqual({ sent: 0, failed: 0, skipped: 0 });
    expect(smtp.arrived.map((mail) => mail.messageId)).toEqual([messageIdOf('confirmation:busy', 'library.example')]);
    expect(await row('confirmation:gone')).toMatchObject({ attempts: 1, failedAt: start, sentAt: null });

    expect(lines.filter((line) => line.level === ERROR).map((line) => [line.idempotencyKey, line.msg])).toEqual([['confirmation:gone', 'mail refused for good; given up']]);
    expect(lines.find((line) => line.level === ERROR)).toMatchObject({ mailId: gone.id, attempts: 1, err: expect.stringContaining('550') });
    expect(JSON.stringify(lines)).not.toMatch(/SECRET BODY|gone@|busy@/);
  });

  it('gives up after maxAttempts temporary refusals, and never claims the message again', async () => {
    await enqueue(db, { idempotencyKey: 'invite:w2', to: 'bo@example.org', subject: 'A seat is free', text: 'Claim it.' }, clock);
    smtp.refuse = { code: 451, message: 'Mailbox busy, try later' };
    const { lines, logger } = capture();
    const mailer = sender(db, { logger, maxAttempts: 2 });

    expect(await mailer.runOnce()).toEqual({ sent: 0, failed: 1, skipped: 0 });
    expect(await row('invite:w2')).toMatchObject({ attempts: 1, failedAt: null });
    clock = new Date(clock.getTime() + 60_000);
    expect(await mailer.runOnce()).toEqual({ sent: 0, failed: 1, skipped: 0 });
    expect(await row('invite:w2')).toMatchObject({ attempts: 2, failedAt: clock, sentAt: null, claimedUntil: null });

    smtp.refuse = null;
    clock = new Date(clock.getTime() + 7 * 24 * 3_600_000);
    expect(await mailer.runOnce()).toEqual({ sent: 0, failed: 0, skipped: 0 });
    expect(smtp.arrived).toEqual([]);
    expect(lines.filter((line) => line.level === ERROR)).toMatchObject([{ idempotencyKey: 'invite:w2', attempts: 2, msg: 'mail not sent after the last attempt; given up' }]);
  });

  it('backs off after a connection error, which has no reply code, as after a 4xx', async () => {
    await enqueue(db, { idempotencyKey: 'invite:w3', to: 'cy@example.org', subject: 'A seat is free', text: 'Claim it.' }, clock);
    await smtp.close();
    expect(await sender().runOnce()).toEqual({ sent: 0, failed: 1, skipped: 0 });
    smtp = await startSmtpServer(); // for afterEach
    const failed = await row('invite:w3');
    expect(failed).toMatchObject({ attempts: 1, failedAt: null, sendAfter: new Date(clock.getTime() + 60_000) });
    expect(failed.lastError).toMatch(/ECONNREFUSED|connect/i);
  });

  it('keeps a row of a template it does not know (a newer replica wrote it) waiting without spending attempts, and sends it once a sender knows it', async () => {
    const mail = { id: 'm-next', idempotencyKey: 'next:r1', to: 'di@example.org', template: 'registration.next', context: '{}', language: null };
    await runWriteTransaction(db, function* () { yield* exec(TEMPLATED_INSERT, templatedValues(mail, clock.toISOString())); });
    const old = sender(db, { maxAttempts: 2 });
    for (let look = 0; look < 3; look++) {
      expect(await old.runOnce()).toEqual({ sent: 0, failed: 1, skipped: 0 });
      clock = new Date(clock.getTime() + 60_000);
    }
    expect(await row('next:r1')).toMatchObject({ attempts: 0, failedAt: null, lastError: 'no template named registration.next on this server' });
    const newer = sender(db, { templates: { 'registration.next': async () => ({ subject: 'Next', text: 'From a newer server.' }) } });
    expect(await newer.runOnce()).toEqual({ sent: 1, failed: 0, skipped: 0 });
    expect(smtp.arrived.map((m) => m.subject)).toEqual(['Next']);
  });

  it('leaves a claimed row alone until its lease ends, then sends it again with the same Message-ID (at least once)', async () => {
    await enqueue(db, { idempotencyKey: 'survey:r9', to: 'cy@example.org', subject: 'How was it?', text: 'Tell us.' }, clock);
    // A sender that claimed the row and died before sentAt: its lease is all that is left.
    await db.getRepository(MailOutboxEntity).update({ idempotencyKey: 'survey:r9' }, { claimedUntil: new Date(clock.getTime() + 60_000) });
    const mailer = sender(db, { leaseMs: 60_000 });
    expect(await mailer.runOnce()).toEqual({ sent: 0, failed: 0, skipped: 0 });
    clock = new Date(clock.getTime() + 60_000);
    expect(await mailer.runOnce()).toEqual({ sent: 1, failed: 0, skipped: 0 });
    expect(smtp.arrived.map((mail) => mail.messageId)).toEqual([messageIdOf('survey:r9', 'library.example')]);
  });

  it('without SMTP_URL logs one line per message, without the body or the address, and marks it sent', async () => {
    const lines: Record<string, unknown>[] = [];
    const destination = new Writable({ write(chunk: Buffer, _encoding, done) { lines.push(JSON.parse(chunk.toString())); done(); } });
    await enqueue(db, { idempotencyKey: 'confirmation:r2', to: 'di@example.org', subject: 'You are registered', text: 'SECRET BODY' }, clock);
    const mailer = new MailSender(db, { transport: null, from: FROM, now: () => clock, logger: createLogger('info', destination) });
    expect(await mailer.runOnce()).toEqual({ sent: 1, failed: 0, skipped: 0 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, idempotencyKey: 'confirmation:r2', subject: 'You are registered' });
    expect(JSON.stringify(lines)).not.toMatch(/SECRET BODY|di@example\.org/);
    expect(await row('confirmation:r2')).toMatchObject({ sentAt: clock });
  });

  if (backend === 'postgres') {
    it('two senders polling one database together deliver each message exactly once', async () => {
      const other = await openDatabase(database.config);
      try {
        const keys = Array.from({ length: 40 }, (_, i) => `bulk:${i}`);
        for (const key of keys) await enqueue(db, { idempotencyKey: key, to: `p${key.slice(5)}@example.org`, subject: key, text: 'Hello.' }, clock);
        const senders = [sender(db, { batchSize: 3, pollMs: 10 }), sender(other, { batchSize: 3, pollMs: 10 })];
        for (const s of senders) s.start();
        try {
          await until(() => smtp.arrived.length >= keys.length, 'every message arrived', 30_000);
          // A little longer, so a duplicate would have time to arrive too.
          await new Promise((resolve) => setTimeout(resolve, 200));
        } finally {
          await Promise.all(senders.map((s) => s.stop()));
        }
        expect(smtp.arrived.map((mail) => mail.subject).sort()).toEqual([...keys].sort());
        expect(new Set(smtp.arrived.map((mail) => mail.messageId)).size).toBe(keys.length);
        expect(await db.getRepository(MailOutboxEntity).countBy({ sentAt: Not(IsNull()) })).toBe(keys.length);
      } finally {
        await other.destroy();
      }
    });
  }
});
