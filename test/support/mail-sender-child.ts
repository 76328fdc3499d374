/**
 * A MailSender in a process of its own, for a test to kill (test/features/notifications/mail-sender-crash.test.ts):
 * `node --import tsx test/support/mail-sender-child.ts` with DATABASE_URL, SMTP_URL and MAIL_FROM, and
 * MAIL_LEASE_MS and MAIL_POLL_MS so that a killed sender's claim ends within a test. It polls until
 * SIGTERM or until its stdin closes (the test process is gone), then stops as the server does.
 */
import 'reflect-metadata';
import { parseDatabaseUrl } from '../../src/config';
import { openDatabase } from '../../src/db/data-source';
import { createLogger } from '../../src/logger';
import { MailSender } from '../../src/features/notifications/mail-sender';
import { createMailTransport } from '../../src/features/notifications/transport';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`mail-sender-child needs ${name}`);
  return value;
}

async function main(): Promise<void> {
  const db = await openDatabase(parseDatabaseUrl(required('DATABASE_URL')));
  const transport = createMailTransport(required('SMTP_URL'));
  const sender = new MailSender(db, {
    transport,
    from: required('MAIL_FROM'),
    leaseMs: Number(required('MAIL_LEASE_MS')),
    pollMs: Number(required('MAIL_POLL_MS')),
    logger: createLogger('warn'),
  });
  sender.start();
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await sender.stop();
    transport.close();
    await db.destroy();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.stdin.once('end', () => void stop());
  // The sender's timer does not keep a process alive (it is unref'd for the server); stdin does.
  process.stdin.resume();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
