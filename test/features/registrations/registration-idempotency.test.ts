import { randomUUID } from 'node:crypto';
import { RegistrationEntity } from '../../../src/model/registration.entity';
import { describeEachBackend } from '../../support/backends';
import { createTestGraph, GraphResult, TestGraph } from '../../support/graph';
import { CANCEL, createPartner, insertNativeEvent, REGISTER, storedCounts } from '../../support/native-event';

const MY_REGISTRATION = 'query($code: String!) { myRegistration(code: $code) { id status partySize } }';

/** RegisterInput.idempotencyKey (issue 17): a retried register never registers twice, on every backend. */
describeEachBackend('register with an idempotency key', (backend) => {
  let graph: TestGraph;
  let partnerId: string;
  const published: string[] = [];
  let unlisten: () => void;

  beforeAll(async () => {
    graph = await createTestGraph(backend);
    partnerId = (await createPartner(graph.db)).partner.id;
    unlisten = graph.services.pubsub.listen('REGISTRATION_COUNTS', (message) => published.push(message.eventId));
  });
  afterAll(async () => {
    unlisten();
    await graph.close();
  });

  const ada = { name: 'Ada Lovelace', email: 'ada@example.org', partySize: 2 };
  const register = (eventId: string, input: Record<string, unknown>) => graph.execute(REGISTER, { input: { eventId, ...ada, ...input } });
  const rowsOf = (eventId: string) => graph.db.getRepository(RegistrationEntity).countBy({ eventId });
  const publishedFor = (eventId: string) => published.filter((id) => id === eventId).length;
  const ticketOf = (result: GraphResult) => {
    expect(result.errors).toBeUndefined();
    expect(result.data!.register.__typename).toBe('RegistrationTicket');
    return result.data!.register as { cancelToken: string; registration: { id: string; status: string } };
  };

  it('answers a retry with the same registration and cancel token, even once the event is full, and the token cancels it', async () => {
    const event = await insertNativeEvent(graph.db, partnerId, { capacity: 2, waitlistCapacity: 0, maxPartySize: 2 });
    const key = randomUUID();
    const first = ticketOf(await register(event.globalId, { idempotencyKey: key }));
    expect(first.registration.status).toBe('CONFIRMED');
    expect(first.cancelToken).toMatch(/^[A-Za-z0-9_-]{32}$/);

    // Normalised the same way (trimmed name, lower-cased email): the same input.
    const retry = ticketOf(await register(event.globalId, { idempotencyKey: key, name: ' Ada Lovelace ', email: 'ADA@example.org' }));
    expect(retry).toEqual(first);
    expect(await rowsOf(event.id)).toBe(1);
    expect(await storedCounts(graph.db, event.id)).toMatchObject({ confirmed: 2, waitlisted: 0, rows: { confirmed: 2 } });
    expect(publishedFor(event.id)).toBe(1);

    const mine = await graph.execute(MY_REGISTRATION, { code: retry.cancelToken });
    expect(mine.data!.myRegistration).toEqual({ id: first.registration.id, status: 'CONFIRMED', partySize: 2 });
    const cancelled = await graph.execute(CANCEL, { input: { registrationId: retry.registration.id, cancelToken: retry.cancelToken } });
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data!.cancelRegistration.registration.status).toBe('CANCELLED');

    // A replay after the cancellation shows it as it now is, and registers nothing.
    const late = ticketOf(await register(event.globalId, { idempotencyKey: key }));
    expect(late).toMatchObject({ cancelToken: first.cancelToken, registration: { id: first.registration.id, status: 'CANCELLED' } });
    expect(await rowsOf(event.id)).toBe(1);
    expect(await storedCounts(graph.db, event.id)).toMatchObject({ confirmed: 0, waitlisted: 0 });
    expect(publishedFor(event.id)).toBe(2); // the registration and the cancellation, not the replays
  });

  it('makes exactly one registration and one seat claim from 20 simultaneous requests with one key', async () => {
    const event = await insertNativeEvent(graph.db, partnerId, { capacity: 10, waitlistCapacity: 0, maxPartySize: 2 });
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 20 }, () => register(event.globalId, { idempotencyKey: key })));
    const tickets = results.map(ticketOf);
    expect(new Set(tickets.map((t) => t.registration.id)).size).toBe(1);
    expect(new Set(tickets.map((t) => t.cancelToken)).size).toBe(1);
    expect(await rowsOf(event.id)).toBe(1);
    expect(await storedCounts(graph.db, event.id)).toMatchObject({ confirmed: 2, waitlisted: 0, rows: { confirmed: 2, waitlisted: 0 } });
    expect(publishedFor(event.id)).toBe(1);
  });

  it.each([
    ['another name', { name: 'Grace Hopper' }],
    ['another email', { email: 'grace@example.org' }],
    ['another party size', { partySize: 1 }],
  ])('refuses the same key with %s as CONFLICT, storing nothing', async (_case, other) => {
    const event = await insertNativeEvent(graph.db, partnerId, { capacity: 10, maxPartySize: 2 });
    const key = randomUUID();
    const first = ticketOf(await register(event.globalId, { idempotencyKey: key }));
    const clash = await register(event.globalId, { idempotencyKey: key, ...other });
    expect(clash.data).toBeNull();
    expect(clash.errors).toHaveLength(1);
    expect(clash.errors![0].extensions).toMatchObject({ code: 'CONFLICT', argument: 'input.idempotencyKey' });
    expect(JSON.stringify(clash.errors)).not.toContain(first.cancelToken);
    expect(await rowsOf(event.id)).toBe(1);
    expect(await storedCounts(graph.db, event.id)).toMatchObject({ confirmed: 2 });
  });

  it.each([
    ['too short', 'a'.repeat(31)],
    ['too long', 'a'.repeat(129)],
    ['outside A-Z a-z 0-9 - _', `${randomUUID()}/${randomUUID()}`],
    ['empty', ''],
  ])('refuses a key that is %s with BAD_USER_INPUT naming input.idempotencyKey, without echoing it', async (_case, key) => {
    const event = await insertNativeEvent(graph.db, partnerId, { capacity: 10, maxPartySize: 2 });
    const result = await register(event.globalId, { idempotencyKey: key });
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.idempotencyKey' });
    if (key) expect(result.errors![0].message).not.toContain(key);
    expect(await rowsOf(event.id)).toBe(0);
  });

  it('keeps one key\'s registrations at two events apart, with unrelated tokens', async () => {
    const one = await insertNativeEvent(graph.db, partnerId, { capacity: 10, maxPartySize: 2 });
    const two = await insertNativeEvent(graph.db, partnerId, { capacity: 10, maxPartySize: 2 });
    const key = randomUUID();
    const a = ticketOf(await register(one.globalId, { idempotencyKey: key }));
    const b = ticketOf(await register(two.globalId, { idempotencyKey: key }));
    expect(a.registration.id).not.toBe(b.registration.id);
    expect(a.cancelToken).not.toBe(b.cancelToken);
  });

  it('stores only the key\'s hash, never the key or the token', async () => {
    const event = await insertNativeEvent(graph.db, partnerId, { capacity: 10, maxPartySize: 2 });
    const key = randomUUID();
    const ticket = ticketOf(await register(event.globalId, { idempotencyKey: key }));
    const row = await graph.db.getRepository(RegistrationEntity).findOneByOrFail({ eventId: event.id });
    expect(row.idempotencyKeyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(key);
    expect(JSON.stringify(row)).not.toContain(ticket.cancelToken);
  });

  it('registers again on every call without a key, each with its own random token, as before', async () => {
    const event = await insertNativeEvent(graph.db, partnerId, { capacity: 10, maxPartySize: 2 });
    const first = ticketOf(await register(event.globalId, {}));
    const second = ticketOf(await register(event.globalId, { idempotencyKey: null }));
    expect(first.registration.id).not.toBe(second.registration.id);
    expect(first.cancelToken).not.toBe(second.cancelToken);
    expect(await rowsOf(event.id)).toBe(2);
    expect(await storedCounts(graph.db, event.id)).toMatchObject({ confirmed: 4 });
    expect(publishedFor(event.id)).toBe(2);
    const rows = await graph.db.getRepository(RegistrationEntity).findBy({ eventId: event.id });
    expect(rows.map((r) => r.idempotencyKeyHash)).toEqual([null, null]);
  });
});
