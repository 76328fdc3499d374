import WebSocket from 'ws';
import { describeEachBackend } from '../support/backends';
import { startServe } from '../support/cli';
import { createTestDatabase } from '../support/backends';
import { createPartner, insertNativeEvent } from '../support/native-event';
import { startTestServer, TestServer } from '../support/server';
import { connect, openSocket, toWsUrl } from '../support/ws';
import { untilSubscriptions } from '../support/live';

/** The graphql-transport-ws protocol (graphql-ws PROTOCOL.md), exercised frame by frame on our server. */
describeEachBackend('the graphql-ws endpoint', (backend) => {
  let server: TestServer;
  let url: string;
  let eventId: string;
  const subscription = () => ({ query: `subscription { registrationCounts(eventIds: ["${eventId}"]) { confirmed } }` });

  beforeAll(async () => {
    server = await startTestServer(backend, { demo: false, config: { wsConnectionInitTimeoutMs: 200 } });
    url = toWsUrl(server.graphqlUrl);
    const { partner } = await createPartner(server.app.db);
    eventId = (await insertNativeEvent(server.app.db, partner.id)).globalId;
  });
  afterAll(() => server.close());

  it('lives on the HTTP port and path, /graphql', async () => {
    expect(new URL(url).port).toBe(new URL(server.graphqlUrl).port);
    const socket = await connect(url);
    socket.close();
    expect((await socket.closed).code).toBe(1005);
  });

  it('closes with 4408 when connection_init does not arrive in time', async () => {
    const socket = await openSocket(url);
    expect(await socket.closed).toEqual({ code: 4408, reason: 'Connection initialisation timeout' });
  });

  it('closes with 4429 on a second connection_init', async () => {
    const socket = await connect(url);
    socket.send({ type: 'connection_init' });
    expect(await socket.closed).toEqual({ code: 4429, reason: 'Too many initialisation requests' });
  });

  it('closes with 4401 on subscribe before connection_ack', async () => {
    const socket = await openSocket(url);
    socket.send({ type: 'subscribe', id: '1', payload: subscription() });
    expect(await socket.closed).toEqual({ code: 4401, reason: 'Unauthorized' });
  });

  it('closes with 4409 when an operation id is already in use', async () => {
    const socket = await connect(url);
    socket.send({ type: 'subscribe', id: 'same', payload: subscription() });
    socket.send({ type: 'subscribe', id: 'same', payload: subscription() });
    expect(await socket.closed).toEqual({ code: 4409, reason: 'Subscriber for same already exists' });
  });

  it.each([
    ['an unknown message type', { type: 'hello' }],
    ['a subscribe without an id', { type: 'subscribe', payload: { query: '{ partners { id } }' } }],
    ['text that is not JSON', 'not json at all'],
  ])('closes with 4400 on %s', async (_what, message) => {
    const socket = await connect(url);
    socket.send(message);
    const closed = await socket.closed;
    expect(closed.code).toBe(4400);
    expect(closed.reason.length).toBeGreaterThan(0);
  });

  it('does not accept the legacy subscriptions-transport-ws subprotocol', async () => {
    const socket = new WebSocket(url, 'graphql-ws');
    const refusal = await new Promise<string>((resolve) => {
      socket.once('error', (error) => resolve(error.message));
      socket.once('open', () => resolve('opened'));
    });
    expect(refusal).toBe('Server sent no subprotocol');
  });

  it('answers ping with pong, echoing the payload, before and after init', async () => {
    const socket = await openSocket(url);
    socket.send({ type: 'ping', payload: { n: 1 } });
    expect(await socket.next()).toEqual({ type: 'pong', payload: { n: 1 } });
    socket.send({ type: 'connection_init' });
    expect(await socket.next()).toEqual({ type: 'connection_ack' });
    socket.send({ type: 'ping' });
    expect(await socket.next()).toEqual({ type: 'pong' });
    socket.send({ type: 'pong' });
    socket.close();
  });

  it('completes from the client: the subscription is released and its id can be reused', async () => {
    const socket = await connect(url);
    socket.send({ type: 'subscribe', id: 'a', payload: subscription() });
    await untilSubscriptions(server, 1);
    expect(server.app.activeSubscriptions()).toBe(1);
    socket.send({ type: 'complete', id: 'a' });
    await untilSubscriptions(server, 0);
    expect(server.app.activeSubscriptions()).toBe(0);
    socket.send({ type: 'subscribe', id: 'a', payload: { query: '{ partners { slug } }' } });
    expect(await socket.next()).toMatchObject({ type: 'next', id: 'a' });
    expect(await socket.next()).toEqual({ type: 'complete', id: 'a' });
    socket.close();
  });

  it('completes from the server when a query or mutation over the socket is done', async () => {
    const socket = await connect(url);
    socket.send({ type: 'subscribe', id: 'q', payload: { query: '{ partners { slug } }' } });
    expect(await socket.next()).toMatchObject({ type: 'next', id: 'q', payload: { data: { partners: [expect.any(Object)] } } });
    expect(await socket.next()).toEqual({ type: 'complete', id: 'q' });
    socket.close();
  });
});

describeEachBackend('shutdown with open sockets', (backend) => {
  it('app.close() closes every socket with 1001 and releases every subscription', async () => {
    const server = await startTestServer(backend, { demo: false });
    const { partner } = await createPartner(server.app.db);
    const event = await insertNativeEvent(server.app.db, partner.id);
    const url = toWsUrl(server.graphqlUrl);
    const sockets = await Promise.all(Array.from({ length: 5 }, () => connect(url)));
    sockets.forEach((s, i) => s.send({ type: 'subscribe', id: `s${i}`, payload: { query: `subscription { registrationCounts(eventIds: ["${event.globalId}"]) { confirmed } }` } }));
    const idle = await openSocket(url); // not even initialised
    await untilSubscriptions(server, 5);
    await server.close();
    const closed = await Promise.all([...sockets, idle].map((s) => s.closed));
    expect(closed.map((c) => c.code)).toEqual([1001, 1001, 1001, 1001, 1001, 1001]);
    expect(server.app.activeSubscriptions()).toBe(0);
  });

  it('SIGTERM stops `community-graph serve` with its subscribers disconnected and exit code 0', async () => {
    const database = await createTestDatabase(backend);
    try {
      const { child, url, exited } = await startServe({ DATABASE_URL: database.url, DEMO: 'off' });
      const socket = await connect(toWsUrl(url.replace('localhost', '127.0.0.1')));
      socket.send({ type: 'subscribe', id: 'live', payload: { query: 'subscription { eventChanges { type } }' } });
      socket.send({ type: 'ping' });
      expect(await socket.next()).toEqual({ type: 'pong' });
      child.kill('SIGTERM');
      expect((await socket.closed).code).toBe(1001);
      expect(await exited).toBe(0);
    } finally {
      await database.drop();
    }
  }, 90_000);
});
