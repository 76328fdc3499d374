import { createLogger } from '../../src/logger';
import { createPartner, insertNativeEvent, REGISTER } from '../support/native-event';
import { startTestServer, TestServer } from '../support/server';
import { connect, openSocket, TestSocket, toWsUrl } from '../support/ws';
import { untilSubscriptions } from '../support/live';
import { until } from '../support/until';

/**
 * What one client address may hold open over graphql-ws (WS_MAX_SOCKETS_PER_ADDRESS,
 * WS_MAX_SUBSCRIPTIONS_PER_SOCKET, WS_MAX_SUBSCRIPTIONS_PER_ADDRESS), the active-subscriptions gauge,
 * and a slow subscriber killed with frames pending. Transport only, so SQLite is enough.
 */
const COUNTS = 'subscription { registrationCounts { confirmed } }';

describe('graphql-ws caps per client address and per socket [sqlite]', () => {
  let server: TestServer;
  let url: string;
  const logs: { level: number; msg: string }[] = [];
  const opened: TestSocket[] = [];

  const gauge = async (): Promise<number> => {
    const text = await (await fetch(`${server.app.url}/metrics`)).text();
    return Number(/^community_graph_active_subscriptions (\d+)$/m.exec(text)![1]);
  };
  const eventually = async (check: () => Promise<boolean>) => {
    await until(check, 'the condition holds');
    expect(await check()).toBe(true);
  };

  beforeAll(async () => {
    server = await startTestServer('sqlite', {
      demo: false,
      env: { WS_MAX_SOCKETS_PER_ADDRESS: '5', WS_MAX_SUBSCRIPTIONS_PER_SOCKET: '3', WS_MAX_SUBSCRIPTIONS_PER_ADDRESS: '7', WS_MAX_BUFFERED_BYTES: '16384' },
      logger: createLogger('warn', { write: (line: string) => void logs.push(JSON.parse(line)) }),
    });
    url = toWsUrl(server.graphqlUrl);
  });
  afterEach(async () => {
    const sockets = opened.splice(0);
    for (const socket of sockets) socket.close();
    await Promise.all(sockets.map((socket) => socket.closed));
    // The server has let go of them too: no subscription of this test counts against the next.
    await eventually(async () => (await gauge()) === 0);
  });
  afterAll(() => server.close());

  const connected = async () => {
    const socket = await connect(url);
    opened.push(socket);
    return socket;
  };
  const subscribe = async (socket: TestSocket, id: string) => {
    socket.send({ type: 'subscribe', id, payload: { query: COUNTS } });
  };
  /** Until the server runs `n` subscriptions in all (graphql-ws handles a socket's messages concurrently). */
  const running = (n: number) => eventually(async () => (await gauge()) === n);
  it('closes the socket past WS_MAX_SOCKETS_PER_ADDRESS with 4429, before it is served, and takes one again once another closes', async () => {
    const five = await Promise.all([...Array(5)].map(() => connected()));
    const sixth = await openSocket(url);
    expect(await sixth.closed).toEqual({ code: 4429, reason: 'Too many sockets from this address (WS_MAX_SOCKETS_PER_ADDRESS=5)' });
    five[0].close();
    await five[0].closed;
    await eventually(async () => {
      const again = await openSocket(url);
      again.send({ type: 'connection_init' });
      const first = await Promise.race([again.next(2000).catch(() => null), again.closed]);
      again.close();
      await again.closed;
      return (first as { type?: string } | null)?.type === 'connection_ack';
    });
  });

  it('refuses the subscription past WS_MAX_SUBSCRIPTIONS_PER_SOCKET with MAX_SUBSCRIPTIONS_EXCEEDED and keeps the socket', async () => {
    const socket = await connected();
    for (const id of ['a', 'b', 'c']) await subscribe(socket, id);
    await running(3);
    await subscribe(socket, 'd');
    const refused = await socket.nextMatching((m) => m.id === 'd', 5);
    expect(refused).toEqual({
      type: 'error', id: 'd',
      payload: [{
        message: 'Too many subscriptions on this socket: at most 3 run at once (WS_MAX_SUBSCRIPTIONS_PER_SOCKET). Complete one first.',
        extensions: { code: 'MAX_SUBSCRIPTIONS_EXCEEDED', limit: { name: 'WS_MAX_SUBSCRIPTIONS_PER_SOCKET', max: 3 } },
      }],
    });
    socket.send({ type: 'complete', id: 'a' });
    await running(2);
    await subscribe(socket, 'e');
    await running(3);
    socket.send({ type: 'ping' });
    expect((await socket.nextMatching((m) => m.type === 'pong' || m.type === 'error', 5)).type).toBe('pong');
  });

  it('refuses subscriptions past WS_MAX_SUBSCRIPTIONS_PER_ADDRESS across the address\'s sockets', async () => {
    const [first, second, third] = await Promise.all([...Array(3)].map(() => connected()));
    for (const [n, socket] of [first, second].entries()) for (const id of ['a', 'b', 'c']) await subscribe(socket, `${n}${id}`);
    await running(6);
    for (const id of ['a', 'b', 'c']) await subscribe(third, id);
    // graphql-ws handles a socket's messages concurrently: wait for the two answers themselves.
    const answers = [await third.nextMatching((m) => m.type === 'error', 5), await third.nextMatching((m) => m.type === 'error', 5)];
    expect(answers.sort((x, y) => x.id!.localeCompare(y.id!))).toEqual(['b', 'c'].map((id) => ({
      type: 'error', id,
      payload: [{
        message: 'Too many subscriptions on this address: at most 7 run at once (WS_MAX_SUBSCRIPTIONS_PER_ADDRESS). Complete one first.',
        extensions: { code: 'MAX_SUBSCRIPTIONS_EXCEEDED', limit: { name: 'WS_MAX_SUBSCRIPTIONS_PER_ADDRESS', max: 7 } },
      }],
    })));
    await eventually(async () => (await gauge()) === 7);
  });

  it('gives an address its slots back as subscriptions are refused, completed, or their socket closes', async () => {
    const addressCap = (id: string) => ({
      type: 'error', id,
      payload: [{
        message: 'Too many subscriptions on this address: at most 7 run at once (WS_MAX_SUBSCRIPTIONS_PER_ADDRESS). Complete one first.',
        extensions: { code: 'MAX_SUBSCRIPTIONS_EXCEEDED', limit: { name: 'WS_MAX_SUBSCRIPTIONS_PER_ADDRESS', max: 7 } },
      }],
    });
    const [first, second, third] = await Promise.all([...Array(3)].map(() => connected()));
    for (const [n, socket] of [first, second].entries()) for (const id of ['a', 'b', 'c']) await subscribe(socket, `${n}${id}`);
    await subscribe(third, 'a');
    await running(7);
    // Refused: the refused one holds no slot afterwards, so one completed makes room for exactly one more.
    await subscribe(third, 'b');
    expect(await third.nextMatching((m) => m.id === 'b', 5)).toEqual(addressCap('b'));
    second.send({ type: 'complete', id: '1a' });
    await running(6);
    await subscribe(third, 'c');
    await running(7);
    await subscribe(third, 'd');
    expect(await third.nextMatching((m) => m.id === 'd', 5)).toEqual(addressCap('d'));
    // A closed socket gives back all it held: three more fit on a new socket, and not a fourth.
    first.close();
    await first.closed;
    await running(4);
    const fourth = await connected();
    for (const id of ['a', 'b', 'c']) await subscribe(fourth, id);
    await running(7);
    await subscribe(second, 'd');
    expect(await second.nextMatching((m) => m.id === 'd', 5)).toEqual(addressCap('d'));
    expect(await gauge()).toBe(7);
  });

  it('counts open subscriptions in community_graph_active_subscriptions, down to 0 when the sockets close', async () => {
    const socket = await connected();
    for (const id of ['x', 'y']) await subscribe(socket, id);
    await running(2);
    socket.close();
    await socket.closed;
    await eventually(async () => (await gauge()) === 0);
  });
});

describe('a slow subscriber killed with frames pending [sqlite]', () => {
  it('logs nothing at error level, one lost frame or forty, and the server keeps answering', async () => {
    const logs: { level: number; msg: string }[] = [];
    const server = await startTestServer('sqlite', { demo: false, logger: createLogger('warn', { write: (line: string) => void logs.push(JSON.parse(line)) }) });
    try {
      const { partner } = await createPartner(server.app.db);
      // Frames of ~50 KB to 40 subscriptions: the kernel's socket buffers fill, and each subscription
      // has a frame handed to the socket but not yet written when the reader dies.
      const event = await insertNativeEvent(server.app.db, partner.id, { capacity: 100_000, maxPartySize: 1, description: 'Bring a friend. '.repeat(3_000) });
      const slow = await connect(toWsUrl(server.graphqlUrl));
      const fat = 'subscription { registrationCounts { confirmed event { description title } } }';
      for (let n = 0; n < 40; n++) slow.send({ type: 'subscribe', id: `s${n}`, payload: { query: fat } });
      await untilSubscriptions(server, 40);
      expect(server.app.activeSubscriptions()).toBe(40);
      const tcp = (slow.socket as unknown as { _socket: import('node:net').Socket })._socket;
      tcp.pause();
      const register = (n: number) => server.post({ query: REGISTER, variables: { input: { eventId: event.globalId, name: 'Ann', email: `ann${n}@example.org` } } });
      for (let n = 0; n < 20; n++) await register(n);
      tcp.destroy();
      await slow.closed;
      for (let n = 20; n < 25; n++) await register(n);
      await untilSubscriptions(server, 0);
      expect(server.app.activeSubscriptions()).toBe(0);
      expect(logs.filter((entry) => entry.level >= 50)).toEqual([]);
      expect((await fetch(`${server.app.url}/healthz`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
