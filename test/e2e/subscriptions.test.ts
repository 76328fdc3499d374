import { toGlobalId } from '../../src/domain/global-id';
import { describeEachBackend } from '../support/backends';
import { CANCEL, createPartner, insertNativeEvent, REGISTER } from '../support/native-event';
import { startTestServer, TestServer } from '../support/server';
import { connect, openSocket, TestSocket, toWsUrl, WsMessage } from '../support/ws';
import { untilSubscriptions } from '../support/live';

const COUNTS = `subscription($eventIds: [ID!], $partnerId: ID) {
  registrationCounts(eventIds: $eventIds, partnerId: $partnerId) { eventId capacity confirmed waitlisted remaining changedAt event { title registration { remaining attended } } }
}`;
const CHANGES = 'subscription($partnerId: ID, $kinds: [PartnerKind!]) { eventChanges(partnerId: $partnerId, kinds: $kinds) { type eventId partnerKind changedAt event { title status } } }';

describeEachBackend('live subscriptions over graphql-ws', (backend) => {
  let server: TestServer;
  let partner: Awaited<ReturnType<typeof createPartner>>;
  let url: string;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    // Every change is a frame here (LIVE_COALESCE_MS=0): these tests name each change's counts in
    // order. Bursts coalesced per event: test/e2e/live-coalescing.test.ts and test/pubsub/coalesce.test.ts.
    server = await startTestServer(backend, { demo: false, env: { LIVE_COALESCE_MS: '0' } });
    partner = await createPartner(server.app.db);
    url = toWsUrl(server.graphqlUrl);
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.close();
    await untilSubscriptions(server, 0);
  });
  afterAll(() => server.close());

  async function subscribe(query: string, variables: Record<string, unknown>, id = 's1', payload?: Record<string, unknown>) {
    const socket = await connect(url, payload);
    sockets.push(socket);
    socket.send({ type: 'subscribe', id, payload: { query, variables } });
    return socket;
  }
  const data = (m: WsMessage) => {
    expect(m).toMatchObject({ type: 'next' });
    return m.payload.data;
  };

  it('pushes counts after every register, cancel, promotion, check-in and capacity change, in order', async () => {
    const event = await insertNativeEvent(server.app.db, partner.partner.id, { capacity: 1, waitlistCapacity: 2, maxPartySize: 1, title: 'Live one' });
    const other = await insertNativeEvent(server.app.db, partner.partner.id);
    const socket = await subscribe(COUNTS, { eventIds: [event.globalId] });
    await untilSubscriptions(server, 1);

    const register = async (email: string, eventId = event.globalId) =>
      (await server.post({ query: REGISTER, variables: { input: { eventId, name: 'N', email } } })).json.data.register;
    const first = await register('a@example.org');
    await register('elsewhere@example.org', other.globalId);
    await register('b@example.org');
    await server.post({ query: CANCEL, variables: { input: { registrationId: first.registration.id, cancelToken: first.cancelToken } } });
    const staff = { authorization: partner.key };
    const registrations = (await server.post({ query: `{ event(id: "${event.globalId}") { registrations(status: [CONFIRMED]) { id } } }` }, staff)).json.data.event.registrations;
    await server.post({ query: `mutation { checkIn(registrationId: "${registrations[0].id}") { attended } }` }, staff);
    await server.post({ query: `mutation { updateEvent(id: "${event.globalId}", input: { capacity: 3 }) { id } }` }, staff);

    const seen = [];
    for (let i = 0; i < 5; i++) seen.push(data(await socket.next()).registrationCounts);
    expect(seen.map((c) => [c.confirmed, c.waitlisted, c.remaining, c.capacity])).toEqual([
      [1, 0, 0, 1], // a confirmed
      [1, 1, 0, 1], // b waitlisted (the other event's registration is filtered out)
      [1, 0, 0, 1], // a cancelled, b promoted
      [1, 0, 0, 1], // b checked in
      [1, 0, 2, 3], // capacity raised
    ]);
    expect(seen.every((c) => c.eventId === event.globalId && !Number.isNaN(Date.parse(c.changedAt)))).toBe(true);
    expect(seen[3].event.registration.attended).toBe(1);
  });

  it('filters counts by partner: another partner\'s registrations are not delivered', async () => {
    const mine = await insertNativeEvent(server.app.db, partner.partner.id);
    const stranger = await createPartner(server.app.db);
    const theirs = await insertNativeEvent(server.app.db, stranger.partner.id);
    const socket = await subscribe(COUNTS, { partnerId: partner.globalId });
    await untilSubscriptions(server, 1);
    const register = (eventId: string, email: string) => server.post({ query: REGISTER, variables: { input: { eventId, name: 'N', email } } });
    await register(theirs.globalId, 'x@example.org');
    await register(mine.globalId, 'y@example.org');
    expect(data(await socket.next()).registrationCounts).toMatchObject({ eventId: mine.globalId, confirmed: 1 });
  });

  it('resolves each delivery with fresh loaders: a second edit shows the new title, not a cached one', async () => {
    const socket = await subscribe(CHANGES, { partnerId: partner.globalId });
    await untilSubscriptions(server, 1);
    const staff = { authorization: partner.key };
    const created = await server.post({
      query: 'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
      variables: { input: { partnerId: partner.globalId, title: 'First title', startsAt: '2030-01-01T10:00:00Z', endsAt: '2030-01-01T11:00:00Z', capacity: 5 } },
    }, staff);
    const id = created.json.data.createEvent.id;
    const seen = [data(await socket.next()).eventChanges];
    // Each edit waits for its delivery, so every delivery must show the title of its own moment:
    // a loader that outlived one delivery would still answer "First title".
    for (const title of ['Second title', 'Third title']) {
      await server.post({ query: `mutation { updateEvent(id: "${id}", input: { title: "${title}" }) { id } }` }, staff);
      seen.push(data(await socket.next()).eventChanges);
    }
    await server.post({ query: `mutation { cancelEvent(id: "${id}") { id } }` }, staff);
    seen.push(data(await socket.next()).eventChanges);
    expect(seen.map((c) => [c.type, c.eventId, c.partnerKind, c.event.title, c.event.status])).toEqual([
      ['CREATED', id, 'LIBRARY', 'First title', 'SCHEDULED'],
      ['UPDATED', id, 'LIBRARY', 'Second title', 'SCHEDULED'],
      ['UPDATED', id, 'LIBRARY', 'Third title', 'SCHEDULED'],
      ['CANCELLED', id, 'LIBRARY', 'Third title', 'CANCELLED'],
    ]);
  });

  it('filters event changes by partner kind', async () => {
    const socket = await subscribe(CHANGES, { kinds: ['MUSEUM'] });
    await untilSubscriptions(server, 1);
    server.app.services.pubsub.publish('EVENT_CHANGES', { type: 'UPDATED', eventId: 'lib', partnerId: partner.partner.id, partnerKind: 'LIBRARY' as never, changedAt: new Date().toISOString() });
    server.app.services.pubsub.publish('EVENT_CHANGES', { type: 'REMOVED', eventId: 'mus', partnerId: 'm', partnerKind: 'MUSEUM' as never, changedAt: new Date().toISOString() });
    expect(data(await socket.next()).eventChanges).toMatchObject({ type: 'REMOVED', eventId: toGlobalId('Event', 'mus'), partnerKind: 'MUSEUM', event: null });
  });

  it('answers a subscription for unknown or malformed ids with errors carrying a stable code, then completes it', async () => {
    const missing = toGlobalId('Event', 'missing');
    const socket = await subscribe(COUNTS, { eventIds: [missing] });
    // graphql-ws: an error raised while setting up the source stream is a `next` with errors, then `complete`.
    expect(await socket.next()).toEqual({ type: 'next', id: 's1', payload: { errors: [{
      message: `No event has the id ${missing}.`, locations: [{ line: 2, column: 3 }], path: ['registrationCounts'],
      extensions: { code: 'NOT_FOUND', argument: 'eventIds', ids: [missing] },
    }] } });
    expect(await socket.next()).toEqual({ type: 'complete', id: 's1' });
    socket.send({ type: 'subscribe', id: 's2', payload: { query: COUNTS, variables: { partnerId: 'garbage' } } });
    expect(await socket.next()).toMatchObject({ type: 'next', id: 's2', payload: { errors: [{ extensions: { code: 'BAD_USER_INPUT', argument: 'partnerId' } }] } });
    expect(await socket.next()).toEqual({ type: 'complete', id: 's2' });
    socket.send({ type: 'subscribe', id: 's3', payload: { query: 'subscription { registrationCounts { nope } }' } });
    expect(await socket.next()).toMatchObject({ type: 'error', id: 's3', payload: [{ message: 'Cannot query field "nope" on type "RegistrationCounts".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] });
    socket.send({ type: 'subscribe', id: 's4', payload: { query: COUNTS, variables: { partnerId: { not: 'an id' } } } });
    expect(await socket.next()).toMatchObject({ type: 'next', id: 's4', payload: { errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] } });
    expect(server.app.activeSubscriptions()).toBe(0);
  });

  it('authenticates with the API key in connection_init, and closes with 4403 for a wrong key', async () => {
    const staff = await connect(url, { authorization: partner.key });
    sockets.push(staff);
    staff.send({ type: 'subscribe', id: 'q', payload: { query: '{ partners { slug } }' } });
    expect(data(await staff.next()).partners.length).toBeGreaterThan(0);
    expect(await staff.next()).toEqual({ type: 'complete', id: 'q' });

    const wrong = await openSocket(url);
    wrong.send({ type: 'connection_init', payload: { authorization: 'Bearer cg_wrong' } });
    expect(await wrong.closed).toEqual({ code: 4403, reason: 'Forbidden' });
  });
});
