import { StatementCounter } from '../../src/db/statement-counter';
import { metrics } from '../../src/observability/metrics';
import { describeEachBackend } from '../support/backends';
import { createPartner, insertNativeEvent, REGISTER } from '../support/native-event';
import { startTestServer, TestServer } from '../support/server';
import { connect, TestSocket, toWsUrl } from '../support/ws';
import { untilSubscriptions } from '../support/live';

/**
 * One registration's cost does not grow with the number of subscribers who share its subscription:
 * each message is executed once per distinct (document, variables, viewer) and every such subscriber
 * gets that result. Viewers never share: staff see registrants, the public does not.
 */
const FAT = `subscription($ids: [ID!]) { registrationCounts(eventIds: $ids) {
  confirmed remaining event { title organizer { name } location { name } registration { confirmed remaining } } } }`;
const STAFF_VIEW = 'subscription($ids: [ID!]) { registrationCounts(eventIds: $ids) { confirmed event { registrations { email } } } }';

describeEachBackend('live deliveries shared by subscribers', (backend) => {
  let server: TestServer;
  const sql = new StatementCounter();
  let partner: Awaited<ReturnType<typeof createPartner>>;
  let email = 0;

  beforeAll(async () => {
    server = await startTestServer(backend, { demo: false, sql });
    partner = await createPartner(server.app.db);
  });
  afterAll(() => server.close());

  const register = (eventId: string) => server.post({ query: REGISTER, variables: { input: { eventId, name: 'Ann', email: `ann${++email}@example.org` } } });

  async function subscribers(n: number, eventId: string, query = FAT, authorization?: string): Promise<TestSocket[]> {
    const sockets = await Promise.all([...Array(n)].map(() => connect(toWsUrl(server.graphqlUrl), authorization ? { authorization } : undefined)));
    for (const socket of sockets) socket.send({ type: 'subscribe', id: 'counts', payload: { query, variables: { ids: [eventId] } } });
    await untilSubscriptions(server, n);
    expect(server.app.activeSubscriptions()).toBe(n);
    return sockets;
  }

  /** SQL statements of one registration and its delivery to every one of `sockets`. */
  async function costOfOneRegistration(eventId: string, sockets: TestSocket[]): Promise<{ statements: number; frames: unknown[] }> {
    const { result: frames, statements } = await sql.measure(async () => {
      await register(eventId);
      return Promise.all(sockets.map((socket) => socket.nextMatching((m) => m.id === 'counts', 5)));
    });
    return { statements, frames };
  }

  async function closeAll(sockets: TestSocket[]) {
    for (const socket of sockets) socket.close();
    await Promise.all(sockets.map((socket) => socket.closed));
    await untilSubscriptions(server, 0);
  }

  it('costs the same SQL for 1 subscriber and for 40, and all 40 get the same frame', async () => {
    const event = await insertNativeEvent(server.app.db, partner.partner.id, { capacity: 1000, title: 'Summer reading launch' });
    const one = await subscribers(1, event.globalId);
    const alone = await costOfOneRegistration(event.globalId, one);
    await closeAll(one);

    const forty = await subscribers(40, event.globalId);
    const shared = await costOfOneRegistration(event.globalId, forty);
    await closeAll(forty);

    expect(shared.statements).toBe(alone.statements);
    const payloads = shared.frames.map((frame) => JSON.stringify((frame as { payload: unknown }).payload));
    expect(new Set(payloads).size).toBe(1);
    expect(JSON.parse(payloads[0])).toMatchObject({ data: { registrationCounts: { confirmed: 2, event: { title: 'Summer reading launch' } } } });
  });

  it('never gives one viewer\'s result to another: staff see registrants, the public gets FORBIDDEN', async () => {
    const event = await insertNativeEvent(server.app.db, partner.partner.id, { capacity: 1000 });
    const [publicSocket] = await subscribers(1, event.globalId, STAFF_VIEW);
    const staffSocket = await connect(toWsUrl(server.graphqlUrl), { authorization: partner.key });
    staffSocket.send({ type: 'subscribe', id: 'counts', payload: { query: STAFF_VIEW, variables: { ids: [event.globalId] } } });
    await untilSubscriptions(server, 2);
    await register(event.globalId);
    const [asPublic, asStaff] = await Promise.all([publicSocket, staffSocket].map((socket) => socket.nextMatching((m) => m.id === 'counts', 5)));
    expect(asStaff.payload.data.registrationCounts.event.registrations).toEqual([{ email: `ann${email}@example.org` }]);
    expect(asStaff.payload.errors).toBeUndefined();
    expect(asPublic.payload.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
    expect(JSON.stringify(asPublic)).not.toContain('@example.org');
    await closeAll([publicSocket, staffSocket]);
  });

  it('serialises a shared result once: two subscribers of one subscription get byte-identical payload text', async () => {
    const event = await insertNativeEvent(server.app.db, partner.partner.id, { capacity: 1000, title: 'Byte for byte' });
    const sockets = await subscribers(2, event.globalId);
    // The frames as written to the wire, before any parsing on our side.
    const raw = sockets.map((socket) => new Promise<string>((resolve) => {
      socket.socket.on('message', (data) => {
        const text = String(data);
        if (text.includes('"type":"next"')) resolve(text);
      });
    }));
    const serialised = async () => (await metrics.livePayloadsSerialised.get()).values[0]?.value ?? 0;
    const before = await serialised();
    await register(event.globalId);
    const frames = await Promise.all(raw);

    expect(await serialised()).toBe(before + 1);
    const payloadText = (frame: string) => frame.slice(frame.indexOf('"payload":') + '"payload":'.length, -1);
    expect(payloadText(frames[0])).toBe(payloadText(frames[1]));
    // Still graphql-ws's own frame: id, type and the result, as JSON.
    expect(JSON.parse(frames[0])).toMatchObject({
      id: 'counts', type: 'next', payload: { data: { registrationCounts: { confirmed: 1, event: { title: 'Byte for byte' } } } },
    });
    expect(frames[0].startsWith('{"id":"counts","type":"next","payload":{')).toBe(true);
    await closeAll(sockets);
  });

  it('goes on for the others when the first subscriber of a shared subscription completes it, and ends with the last', async () => {
    const event = await insertNativeEvent(server.app.db, partner.partner.id, { capacity: 1000 });
    const [first, second, third] = await subscribers(3, event.globalId);
    first.send({ type: 'complete', id: 'counts' });
    await untilSubscriptions(server, 2);
    await register(event.globalId);
    const frames = await Promise.all([second, third].map((socket) => socket.nextMatching((m) => m.id === 'counts', 5)));
    for (const frame of frames) expect(frame).toMatchObject({ type: 'next', payload: { data: { registrationCounts: { confirmed: 1 } } } });
    second.send({ type: 'complete', id: 'counts' });
    await untilSubscriptions(server, 1);
    await register(event.globalId);
    expect(await third.nextMatching((m) => m.id === 'counts', 5)).toMatchObject({ payload: { data: { registrationCounts: { confirmed: 2 } } } });
    // The first socket, which completed before either change, heard neither.
    first.send({ type: 'ping' });
    expect(await first.nextMatching((m) => m.type === 'pong' || m.id === 'counts', 5)).toEqual({ type: 'pong' });
    await closeAll([first, second, third]);
  });
});
