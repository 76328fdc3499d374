import { Writable } from 'node:stream';
import { createLogger } from '../../../src/logger';
import { enqueue, messageIdOf } from '../../../src/features/notifications/outbox';
import { startTestServer } from '../../support/server';
import { startSmtpServer } from '../../support/smtp';
import { until } from '../../support/until';

/** The server's own sender: it polls the outbox from start to close, or says at start that mail goes to the log. */
describe('the server and the mail outbox', () => {
  function capture() {
    const lines: { level: number; msg: string }[] = [];
    const destination = new Writable({ write(chunk: Buffer, _encoding, done) { lines.push(JSON.parse(chunk.toString())); done(); } });
    return { lines, logger: createLogger('info', destination) };
  }

  it('sends what is enqueued through SMTP_URL, and stops on close', async () => {
    const smtp = await startSmtpServer();
    const { lines, logger } = capture();
    const server = await startTestServer('sqlite', { demo: false, logger, env: { SMTP_URL: smtp.url, MAIL_FROM: 'events@library.example' } });
    try {
      expect(lines.filter((line) => /SMTP_URL/.test(line.msg))).toEqual([]);
      await enqueue(server.app.db, { idempotencyKey: 'wired:1', to: 'ada@example.org', subject: 'Hello', text: 'From the server.' });
      await until(() => smtp.arrived.length === 1, 'the message arrived', 15_000);
      expect(smtp.arrived.map((mail) => [mail.subject, mail.messageId])).toEqual([['Hello', messageIdOf('wired:1', 'library.example')]]);
    } finally {
      await server.close();
      await smtp.close();
    }
  });

  it('without SMTP_URL says so once at start', async () => {
    const { lines, logger } = capture();
    const server = await startTestServer('sqlite', { demo: false, logger });
    await server.close();
    expect(lines.filter((line) => /SMTP_URL is unset/.test(line.msg)).map((line) => line.level)).toEqual([30]);
  });
});
