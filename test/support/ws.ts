import WebSocket from 'ws';

export interface WsMessage {
  type: string;
  id?: string;
  payload?: any;
}

/** A raw graphql-transport-ws socket for tests: every frame is visible, nothing is hidden by a client library. */
export interface TestSocket {
  socket: WebSocket;
  send(message: unknown): void;
  /**
   * The next message from the server. The timeout only keeps a lost message from hanging the test (it
   * fails naming what it waited for); a busy machine delivers late, so it is generous.
   */
  next(timeoutMs?: number): Promise<WsMessage>;
  /** Messages until one matches, failing after `max` messages or the timeout. */
  nextMatching(match: (m: WsMessage) => boolean, max?: number): Promise<WsMessage>;
  closed: Promise<{ code: number; reason: string }>;
  close(): void;
}

export function toWsUrl(httpUrl: string): string {
  return httpUrl.replace(/^http/, 'ws');
}

export async function openSocket(url: string, options: { protocol?: string; headers?: Record<string, string> } = {}): Promise<TestSocket> {
  const socket = new WebSocket(url, options.protocol ?? 'graphql-transport-ws', { headers: options.headers });
  const queue: WsMessage[] = [];
  const waiters: ((m: WsMessage) => void)[] = [];
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as WsMessage;
    const waiter = waiters.shift();
    if (waiter) waiter(message);
    else queue.push(message);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.once('close', (code, reason) => resolve({ code, reason: String(reason) }));
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const next = (timeoutMs = 60_000) => new Promise<WsMessage>((resolve, reject) => {
    const queued = queue.shift();
    if (queued) return resolve(queued);
    const timer = setTimeout(() => reject(new Error(`no message within ${timeoutMs} ms`)), timeoutMs);
    // A wait nobody needs any more (the socket was refused) must not keep the test process alive.
    timer.unref();
    waiters.push((m) => {
      clearTimeout(timer);
      resolve(m);
    });
  });
  return {
    socket,
    send: (message) => socket.send(typeof message === 'string' ? message : JSON.stringify(message)),
    next,
    async nextMatching(match, max = 1000) {
      for (let i = 0; i < max; i++) {
        const message = await next();
        if (match(message)) return message;
      }
      throw new Error(`no matching message among ${max}`);
    },
    closed,
    close: () => socket.close(),
  };
}

/** Opens a socket and completes connection_init / connection_ack. */
export async function connect(url: string, payload?: Record<string, unknown>): Promise<TestSocket> {
  const socket = await openSocket(url);
  socket.send({ type: 'connection_init', payload });
  // A refused socket is closed without a message: that answer comes at once, not after next()'s timeout.
  const refused = socket.closed.then(({ code, reason }) => {
    throw new Error(`closed ${code} (${reason}) before connection_ack`);
  });
  const ack = await Promise.race([socket.next(), refused]);
  if (ack.type !== 'connection_ack') throw new Error(`expected connection_ack, got ${JSON.stringify(ack)}`);
  return socket;
}
