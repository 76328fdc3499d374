import type { Socket } from 'node:net';
import { createPartner, insertNativeEvent, REGISTER, storedCounts } from '../support/native-event';
import { startTestServer, TestServer } from '../support/server';
import { connect, TestSocket, toWsUrl } from '../support/ws';

/**
 * Slow-reader back-pressure over graphql-ws (src/edge/ws-flow.ts), end to end: a real server and a real
 * client socket whose TCP reading is paused. While it is paused the server makes no new frame past
 * WS_MAX_BUFFERED_BYTES (the counts wait, newest per event), a resumed reader gets the latest counts
 * rather than every step, and a reader paused past WS_STALLED_CLOSE_MS is closed with 1013.
 * Transport only, so SQLite is enough.
 */
const BOUND = 16_384;
/** Fat frames (~200 KB each) fill the kernel's socket buffers after a few dozen registrations. */
const DESCRIPTION = 'Bring a friend. '.repeat(12_500);
const COUNTS = 'subscription($ids: [ID!]) { registrationCounts(eventIds: $ids) { confirmed event { id description } } }';

interface Metrics { bufferedBytes: number; stalledClosed: number }

async function readMetrics(server: TestServer): Promise<Metrics> {
  const text = await (await fetch(`${server.app.url}/metrics`)).text();
  return {
    bufferedBytes: Number(/^community_graph_ws_buffered_bytes (\d+)$/m.exec(text)![1]),
    stalledClosed: Number(/^community_graph_ws_closed_total\{reason="stalled"\} (\d+)$/m.exec(text)?.[1] ?? 0),
  };
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The promise's value, or a failure naming what never happened (a guard against hanging, not a latency bound). */
function within<T>(promise: Promise<T>, what: string, timeoutMs = 20_000): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out waiting until ${what}`)), timeoutMs); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * A socket with two subscriptions, each to the counts of its own fat event, every raw frame's size
 * recorded, and its TCP socket to pause. Two, because graphql-ws awaits each frame's write before it
 * takes the subscription's next message: a subscription whose frame is stuck in the buffer is held by
 * that alone. What ws-flow adds shows on the other subscription: it must not add a frame to a socket
 * over the bound (its counts wait, newest only), and it is what notices the socket has stalled.
 */
async function subscribedReader(server: TestServer) {
  const { partner } = await createPartner(server.app.db);
  const events = { a: await insertNativeEvent(server.app.db, partner.id, { capacity: 100_000, maxPartySize: 1, description: DESCRIPTION }),
    b: await insertNativeEvent(server.app.db, partner.id, { capacity: 100_000, maxPartySize: 1, description: DESCRIPTION }) };
  const socket = await connect(toWsUrl(server.graphqlUrl));
  const frameBytes: number[] = [];
  socket.socket.on('message', (data: Buffer) => frameBytes.push(data.length));
  for (const id of ['a', 'b'] as const) socket.send({ type: 'subscribe', id, payload: { query: COUNTS, variables: { ids: [events[id].globalId] } } });
  const registered = { a: 0, b: 0 };
  const register = async (id: 'a' | 'b') => {
    const n = registered[id]++;
    const { json } = await server.post({ query: REGISTER, variables: { input: { eventId: events[id].globalId, name: 'Ann', email: `ann-${id}${n}@example.org` } } });
    expect(json.data.register.__typename).toBe('RegistrationTicket');
  };
  // One registration each, its frame read: both subscriptions run and a frame's size is known.
  await until(async () => server.app.activeSubscriptions() === 2, 'the subscriptions run');
  for (const id of ['a', 'b'] as const) {
    await register(id);
    expect(await socket.next()).toMatchObject({ type: 'next', id, payload: { data: { registrationCounts: { confirmed: 1 } } } });
  }
  const tcp = (socket.socket as unknown as { _socket: Socket })._socket;
  return { events, socket, tcp, register, registered, frame: Math.max(...frameBytes) };
}

/** Registrations to event a while the reader is paused, until the server's buffer for it is over the bound. */
async function fillUntilOverBound(server: TestServer, register: (id: 'a') => Promise<void>): Promise<void> {
  for (let i = 0; i < 2_000; i++) {
    await register('a');
    if ((await readMetrics(server)).bufferedBytes > BOUND) return;
  }
  throw new Error('the paused reader never backed up past the bound');
}

describe('a paused graphql-ws reader [sqlite]', () => {
  let server: TestServer;
  let reader: { socket: TestSocket; tcp: Socket } | null = null;
  beforeAll(async () => {
    server = await startTestServer('sqlite', { demo: false, env: { WS_MAX_BUFFERED_BYTES: String(BOUND), WS_STALLED_CLOSE_MS: '600000' } });
  });
  afterEach(async () => {
    if (reader) {
      // Reading again, so the close handshake is not held up by a test that failed while paused.
      reader.tcp.resume();
      reader.socket.close();
      await reader.socket.closed;
      reader = null;
    }
  });
  afterAll(() => server.close());

  it('holds the server\'s buffered bytes to the bound plus one frame while registrations go on, then delivers the latest counts, not every step', async () => {
    const r = await subscribedReader(server);
    reader = r;
    expect(r.frame).toBeGreaterThan(BOUND);
    // One frame over the bound, and a little for the counts' digits growing.
    const ceiling = BOUND + r.frame + 64;
    r.tcp.pause();
    await fillUntilOverBound(server, r.register);
    const overBoundAt = { ...r.registered };
    // The queue does not grow: 40 more counts for each event while paused, the buffer never past the ceiling.
    for (let n = 0; n < 40; n++) {
      for (const id of ['a', 'b'] as const) {
        await r.register(id);
        expect((await readMetrics(server)).bufferedBytes).toBeLessThanOrEqual(ceiling);
      }
    }
    const total = { ...r.registered };
    for (const id of ['a', 'b'] as const) expect((await storedCounts(server.app.db, r.events[id].id)).confirmed).toBe(total[id]);

    // Resumed: frames flow until each subscription's carries its event's stored count; nothing after.
    const received: Record<'a' | 'b', number[]> = { a: [1], b: [1] };
    r.tcp.resume();
    while (received.a.at(-1) !== total.a || received.b.at(-1) !== total.b) {
      const frame = await r.socket.next(20_000);
      expect(frame).toMatchObject({ type: 'next', id: expect.stringMatching(/^[ab]$/) });
      received[frame.id as 'a' | 'b'].push(frame.payload.data.registrationCounts.confirmed);
    }
    r.socket.send({ type: 'ping' });
    expect(await r.socket.next()).toEqual({ type: 'pong' });
    for (const id of ['a', 'b'] as const) {
      const counts = received[id];
      expect(counts.at(-1)).toBe(total[id]);
      // Strictly increasing, and the 40 counts made while over the bound came as at most two frames
      // (one already in the buffer, then the latest), not one frame each.
      expect(counts).toEqual([...counts].sort((x, y) => x - y));
      expect(new Set(counts).size).toBe(counts.length);
      expect(counts.filter((confirmed) => confirmed > overBoundAt[id]).length).toBeLessThanOrEqual(2);
    }
    expect((await readMetrics(server)).bufferedBytes).toBe(0);
  }, 120_000);
});

describe('a graphql-ws reader paused past WS_STALLED_CLOSE_MS [sqlite]', () => {
  // With a count waiting for the other subscription, that frame asks to go out and finds the socket full;
  // with none, only the stuck write itself can start the stalled timer (graphql-ws waits on that write).
  it.each([
    ['by the server with 1013, which the client sees once it reads again', true],
    ['with 1013 too when only one subscription is busy (no other frame ever asks to go out)', false],
  ] as const)('is closed %s', async (_case, otherSubscriptionWaits) => {
    const server = await startTestServer('sqlite', { demo: false, env: { WS_MAX_BUFFERED_BYTES: String(BOUND), WS_STALLED_CLOSE_MS: '500' } });
    let r: Awaited<ReturnType<typeof subscribedReader>> | null = null;
    try {
      r = await subscribedReader(server);
      const before = (await readMetrics(server)).stalledClosed;
      let closed: { code: number; reason: string } | null = null;
      void r.socket.closed.then((c) => { closed = c; });
      r.tcp.pause();
      await fillUntilOverBound(server, r.register);
      if (otherSubscriptionWaits) await r.register('b');
      // The server gives up on it: observed on the server side while the client still reads nothing.
      await until(async () => (await readMetrics(server)).stalledClosed === before + 1, 'the server closes the stalled socket');
      expect(closed).toBeNull();
      r.tcp.resume();
      expect(await within(r.socket.closed, 'the client sees the close')).toEqual({ code: 1013, reason: 'Try again later: the socket reads too slowly' });
      expect(closed).not.toBeNull();
      expect((await fetch(`${server.app.url}/healthz`)).status).toBe(200);
    } finally {
      r?.tcp.resume();
      r?.socket.socket.terminate();
      await server.close();
    }
  }, 120_000);
});

describe('a paused reader beside a reading one, with counts coalesced (LIVE_COALESCE_MS) [sqlite]', () => {
  it('does not hold back the reading subscriber, which gets the final counts while the paused one is still stuck; resumed, the paused one ends on them too', async () => {
    const server = await startTestServer('sqlite', {
      demo: false, env: { WS_MAX_BUFFERED_BYTES: String(BOUND), WS_STALLED_CLOSE_MS: '600000', LIVE_COALESCE_MS: '100' },
    });
    let slowTcp: Socket | null = null;
    try {
      const { partner } = await createPartner(server.app.db);
      const events = { a: await insertNativeEvent(server.app.db, partner.id, { capacity: 100_000, maxPartySize: 1, description: DESCRIPTION }),
        b: await insertNativeEvent(server.app.db, partner.id, { capacity: 100_000, maxPartySize: 1, description: DESCRIPTION }) };
      const byGlobalId = new Map(Object.entries(events).map(([id, event]) => [event.globalId, id as 'a' | 'b']));
      // The same document and variables: one shared subscription, so the two differ only in how they read.
      const [slow, fast] = [await connect(toWsUrl(server.graphqlUrl)), await connect(toWsUrl(server.graphqlUrl))];
      const query = 'subscription($ids: [ID!]) { registrationCounts(eventIds: $ids) { eventId confirmed event { description } } }';
      for (const socket of [slow, fast]) socket.send({ type: 'subscribe', id: 'counts', payload: { query, variables: { ids: [events.a.globalId, events.b.globalId] } } });
      await until(async () => server.app.activeSubscriptions() === 2, 'both subscriptions run');
      const registered = { a: 0, b: 0 };
      const register = async (id: 'a' | 'b') => {
        const n = registered[id]++;
        const { json } = await server.post({ query: REGISTER, variables: { input: { eventId: events[id].globalId, name: 'Ann', email: `ann-${id}${n}@example.org` } } });
        expect(json.data.register.__typename).toBe('RegistrationTicket');
      };
      /** Frames until the socket has seen each event's `total`; the counts seen per event, in order. */
      const readUntil = async (socket: TestSocket, total: Record<'a' | 'b', number>) => {
        const seen: Record<'a' | 'b', number[]> = { a: [], b: [] };
        while ((seen.a.at(-1) ?? 0) !== total.a || (seen.b.at(-1) ?? 0) !== total.b) {
          const frame = await socket.next(20_000);
          expect(frame).toMatchObject({ type: 'next', id: 'counts' });
          const counts = frame.payload.data.registrationCounts;
          seen[byGlobalId.get(counts.eventId)!].push(counts.confirmed);
        }
        return seen;
      };
      await register('a');
      for (const socket of [slow, fast]) expect((await readUntil(socket, { a: 1, b: 0 })).a).toEqual([1]);

      slowTcp = (slow.socket as unknown as { _socket: Socket })._socket;
      slowTcp.pause();
      // Over the bound with the reading one caught up: the buffered bytes are then the paused one's alone.
      let over = false;
      for (let i = 0; i < 500 && !over; i++) {
        await register('a');
        await readUntil(fast, registered);
        over = (await readMetrics(server)).bufferedBytes > BOUND;
      }
      expect(over).toBe(true);
      for (let n = 0; n < 10; n++) {
        await register('b');
        await register('a');
      }
      const total = { ...registered };

      // The reading subscriber ends on the final counts of both events while the paused one is still over its bound.
      const fastSeen = await readUntil(fast, total);
      expect((await readMetrics(server)).bufferedBytes).toBeGreaterThan(BOUND);
      for (const id of ['a', 'b'] as const) expect(fastSeen[id]).toEqual([...fastSeen[id]].sort((x, y) => x - y));

      // Reading again, the paused one catches up to the same final counts, and nothing stale follows.
      slowTcp.resume();
      const slowSeen = await readUntil(slow, total);
      for (const id of ['a', 'b'] as const) {
        expect(slowSeen[id].at(-1)).toBe((await storedCounts(server.app.db, events[id].id)).confirmed);
      }
      slow.send({ type: 'ping' });
      expect(await slow.next()).toEqual({ type: 'pong' });
      for (const socket of [slow, fast]) socket.close();
      await Promise.all([slow.closed, fast.closed]);
    } finally {
      slowTcp?.resume();
      await server.close();
    }
  }, 120_000);
});
