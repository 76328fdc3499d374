import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpReply {
  code: number;
  message: string;
}

export interface TestSmtpServer {
  /** An SMTP_URL for nodemailer: smtp://127.0.0.1:<port>. */
  url: string;
  /** Every message the server accepted, parsed, in arrival order. */
  arrived: ParsedMail[];
  /** While set, every recipient is refused with this SMTP reply (e.g. 451 for "try again later"). */
  refuse: SmtpReply | null;
  /** Recipients (lower-case address) refused with their reply while listed, as if `refuse` were set for them alone. */
  refuseRecipients: Map<string, SmtpReply>;
  /**
   * While set, asked about each message once its data is in, before the server answers: 'accept' answers
   * 250 and records it in `arrived`; 'drop' closes the connection with no answer and records nothing, as
   * a server that crashed or timed out would (the client cannot count the message as delivered).
   */
  hold: ((mail: ParsedMail) => Promise<'accept' | 'drop'>) | null;
  close(): Promise<void>;
}

/**
 * A real SMTP server (the `smtp-server` package) on 127.0.0.1, port 0, no TLS and no AUTH: it accepts
 * what nodemailer sends and keeps each message parsed by `mailparser`, recorded before the server
 * answers 250, so a resolved sendMail means the message is in `arrived`.
 */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const state: TestSmtpServer = { url: '', arrived: [], refuse: null, refuseRecipients: new Map(), hold: null, close: async () => undefined };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = state.refuse ?? state.refuseRecipients.get(address.address.toLowerCase());
      if (!refusal) return callback();
      return callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const verdict = async (parsed: ParsedMail) => ({ parsed, verdict: (await state.hold?.(parsed)) ?? 'accept' });
        simpleParser(Buffer.concat(chunks)).then(verdict).then(({ parsed, verdict }) => {
          if (verdict === 'drop') {
            // Never answered: the session's connection goes (unless its client has gone already).
            for (const connection of server.connections) if (connection.id === session.id) connection.close();
            return;
          }
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
