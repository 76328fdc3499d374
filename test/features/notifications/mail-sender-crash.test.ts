import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { ParsedMail } from 'mailparser';
import { DataSource, IsNull, Not } from 'typeorm';
import { openDatabase } from '../../../src/db/data-source';
import { MailOutboxEntity } from '../../../src/model/mail-outbox.entity';
import { enqueue, messageIdOf } from '../../../src/features/notifications/outbox';
import { createTestDatabase, describeEachBackend, TestDatabase } from '../../support/backends';
import { startSmtpServer, TestSmtpServer } from '../../support/smtp';
import { until } from '../../support/until';

const CHILD = path.join(__dirname, '../../support/mail-sender-child.ts');
const FROM = 'Millbrook Library <no-reply@library.example>';

interface SenderProcess {
  child: ChildProcess;
  /** Set once the process has exited. */
  exit: { code: number | null; signal: NodeJS.Signals | null } | null;
  /** What it printed, for the failure message of a wait. */
  output: string;
}

/**
 * Issue 20's crash test: a sender process is killed with SIGKILL while the SMTP server holds its answer
 * to the 4th message of a batch of 10. That message was never accepted (no 250), so a second sender,
 * once the first one's lease ended, must send it and the six after it: every message arrives exactly once.
 * Only an answer of 250 counts as delivered, as for a real SMTP server.
 */
describeEachBackend('mail sender killed mid-batch', (backend) => {
  let database: TestDatabase;
  let db: DataSource;
  let smtp: TestSmtpServer;
  const started: SenderProcess[] = [];

  function startSender(): SenderProcess {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      env: { ...process.env, DATABASE_URL: database.url, SMTP_URL: smtp.url, MAIL_FROM: FROM, MAIL_LEASE_MS: '1000', MAIL_POLL_MS: '50' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const sender: SenderProcess = { child, exit: null, output: '' };
    child.stdout!.on('data', (chunk: Buffer) => { sender.output += chunk.toString(); });
    child.stderr!.on('data', (chunk: Buffer) => { sender.output += chunk.toString(); });
    child.once('exit', (code, signal) => { sender.exit = { code, signal }; });
    started.push(sender);
    return sender;
  }

  /** until(), and when it times out, what the process printed: the reason is usually there. */
  function untilIn(sender: SenderProcess, check: () => boolean | Promise<boolean>, what: string): Promise<void> {
    return until(check, what, 60_000).catch((error: Error) => { throw new Error(`${error.message}; the sender printed: ${sender.output}`); });
  }

  const sentCount = () => db.getRepository(MailOutboxEntity).countBy({ sentAt: Not(IsNull()) });

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    db = await openDatabase(database.config);
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    for (const sender of started) if (!sender.exit) sender.child.kill('SIGKILL');
    await until(() => started.every((sender) => sender.exit), 'every sender process exited', 10_000);
    await smtp.close();
    await db.destroy();
    await database.drop();
  });

  it('loses no message and sends none twice when the sender is killed before the 4th is accepted', async () => {
    const keys = Array.from({ length: 10 }, (_, i) => `crash:${i}`);
    for (const [i, key] of keys.entries()) await enqueue(db, { idempotencyKey: key, to: `reader${i}@example.org`, subject: key, text: 'Hello.' });
    let seen = 0;
    const hold: { mail: ParsedMail | null } = { mail: null };
    let answer: (verdict: 'accept' | 'drop') => void = () => undefined;
    smtp.hold = (mail) => {
      if (++seen !== 4) return Promise.resolve('accept');
      hold.mail = mail;
      return new Promise((resolve) => { answer = resolve; });
    };

    const first = startSender();
    await untilIn(first, () => hold.mail !== null || first.exit !== null, 'the first sender sent its 4th message');
    expect(first.exit).toBeNull();
    // A batch goes out in the order the claim returned it (on PostgreSQL, UPDATE … RETURNING's own).
    const accepted = smtp.arrived.map((mail) => mail.subject);
    expect(accepted).toHaveLength(3);
    expect(keys).toEqual(expect.arrayContaining([...accepted, hold.mail!.subject]));
    expect(accepted).not.toContain(hold.mail!.subject);
    first.child.kill('SIGKILL');
    await until(() => first.exit !== null, 'the first sender died', 10_000);
    expect(first.exit).toEqual({ code: null, signal: 'SIGKILL' });
    answer('drop');

    // What the killed sender leaves: three sent, seven still under its lease.
    expect(await sentCount()).toBe(3);
    expect(await db.getRepository(MailOutboxEntity).countBy({ sentAt: IsNull(), claimedUntil: Not(IsNull()) })).toBe(7);

    const second = startSender();
    await untilIn(second, async () => (await sentCount()) === keys.length || second.exit !== null, 'the second sender drained the outbox');
    // Stopped cleanly, it sends nothing more: what arrived is all that ever will.
    second.child.kill('SIGTERM');
    await until(() => second.exit !== null, 'the second sender stopped', 10_000);
    expect(second.exit).toEqual({ code: 0, signal: null });

    expect(smtp.arrived.map((mail) => mail.messageId).sort()).toEqual(keys.map((key) => messageIdOf(key, 'library.example')).sort());
    expect(smtp.arrived.filter((mail) => mail.messageId === hold.mail!.messageId)).toHaveLength(1);
    expect(seen).toBe(11); // ten accepted, and the one dropped
    expect(await sentCount()).toBe(keys.length);
  });
});
