import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface TestSmtpServer {
  /** An SMTP_URL for nodemailer: smtp://127.0.0.1:<port>. */
  url: string;
  /** Every message the server accepted, parsed, in arrival order. */
  arrived: ParsedMail[];
  /** While set, every recipient is refused with this SMTP reply (e.g. 451 for "try again later"). */
  refuse: { code: number; message: string } | null;
  close(): Promise<void>;
}

/**
 * A real SMTP server (the `smtp-server` package) on 127.0.0.1, port 0, no TLS and no AUTH: it accepts
 * what nodemailer sends and keeps each message parsed by `mailparser`, recorded before the server
 * answers 250, so a resolved sendMail means the message is in `arrived`.
 */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const state: TestSmtpServer = { url: '', arrived: [], refuse: null, close: async () => undefined };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (!state.refuse) return callback();
      const error = Object.assign(new Error(state.refuse.message), { responseCode: state.refuse.code });
      return callback(error);
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        simpleParser(Buffer.concat(chunks)).then((parsed) => {
          state.arrived.push(parsed);
          callback();
        }, (error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  state.url = `smtp://127.0.0.1:${port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}
