import { RegistrationCountsMessage } from '../../../src/pubsub/topics';
import { describeEachBackend } from '../../support/backends';
import { createTestGraph, GraphResult, TestGraph } from '../../support/graph';
import { CANCEL, createPartner, insertNativeEvent, REGISTER, storedCounts } from '../../support/native-event';

const HOLD = `mutation($input: HoldSeatsInput!) {
  holdSeats(input: $input) { __typename ... on SeatHold { holdId eventId partySize expiresAt } ... on RegistrationRejected { code message } }
}`;
const RELEASE = 'mutation($input: ReleaseSeatHoldInput!) { releaseSeatHold(input: $input) }';
const SEATS = 'query($id: ID!) { node(id: $id) { ... on Event { registration { confirmed waitlisted held remaining state } } } }';

/**
 * holdSeats (issue 20): seats set aside while a form is filled in, counted apart, used by register with
 * the holdId, and free again by themselves once the hold ends: at read time, with no write and no timer.
 * The clock is the test's (Context.now).
 */
describeEachBackend('seat holds', (backend) => {
  let graph: TestGraph;
  let partnerId: string;
  let clock = new Date();
  const published: RegistrationCountsMessage[] = [];
  let unlisten: () => void;

  beforeAll(async () => {
    graph = await createTestGraph(backend, { clock: () => clock });
    partnerId = (await createPartner(graph.db)).partner.id;
    unlisten = graph.services.pubsub.listen('REGISTRATION_COUNTS', (message) => published.push(message));
  });
  afterAll(async () => {
    unlisten();
    await graph.close();
  });
  beforeEach(() => {
    clock = new Date();
  });

  const ok = (result: GraphResult) => {
    expect(result.errors).toBeUndefined();
    return result.data!;
  };
  const hold = async (eventId: string, partySize = 1) =>
    ok(await graph.execute(HOLD, { input: { eventId, partySize } })).holdSeats as { __typename: string; holdId: string; expiresAt: string; code?: string };
  const register = async (eventId: string, who: string, input: Record<string, unknown> = {}) =>
    ok(await graph.execute(REGISTER, { input: { eventId, name: who, email: `${who}@example.org`, ...input } })).register as {
      __typename: string; code?: string; cancelToken: string; registration: { id: string; status: string };
    };
  const seats = async (eventId: string) => (ok(await graph.execute(SEATS, { id: eventId })).node as { registration: Record<string, unknown> }).registration;
  const minutes = (n: number) => new Date(clock.getTime() + n * 60_000);

  it('holds seats apart from confirmed ones, and the holder registers on them even behind a waitlist', async () => {
    const event = await insertNativeEvent(graph.db, partnerId, { capacity: 5, waitlistCapacity: 6, maxPartySize: 4 });
    const held = await hold(event.globalId, 3);
    expect(held).toMatchObject({ __typename: 'SeatHold', partySize: 3, eventId: event.globalId });
    // 10 minutes plus a minute per person.
    expect(new Date(held.expiresAt).getTime()).toBe(clock.getTime() + 13 * 60_000);
    expect(await seats(event.globalId)).toEqual({ confirmed: 0, waitlisted: 0, held: 3, remaining: 2, state: 'OPEN' });
    expect(published.at(-1)).toMatchObject({ eventId: event.id, held: 3, remaining: 2 });

    // Three people without the hold: two seats are free, so they queue.
    expect((await register(event.globalId, 'bo', { partySize: 3 })).registration.status).toBe('WAITLISTED');
    const mine = await register(event.globalId, 'ana', { partySize: 3, holdId: held.holdId });
    expect(mine.registration.status).toBe('CONFIRMED');
    expect(await seats(event.globalId)).toEqual({ confirmed: 3, waitlisted: 3, held: 0, remaining: 2, state: 'OPEN' });
    // A hold is used once.
    expect((await register(event.globalId, 'cy', { partySize: 3, holdId: held.holdId })).registration.status).toBe('WAITLISTED');
  });

  it('frees the seats by itself when the hold ends: readers see it at once, and an ended hold counts for nothing', async () => {
    const event = await insertNativeEvent(graph.db, partnerId, { capacity: 2, waitlistCapacity: 0, maxPartySize: 2 });
    const held = await hold(event.globalId, 2);
    expect(await seats(event.globalId)).toMatchObject({ held: 2, remaining: 0, state: 'FULL' });
    expect(await hold(event.globalId, 1)).toMatchObject({ __typename: 'RegistrationRejected', code: 'EVENT_FULL' });
    expect(await register(event.globalId, 'bo')).toMatchObject({ __typename: 'RegistrationRejected', code: 'EVENT_FULL' });

    clock = minutes(12);
    expect(await seats(event.globalId)).toEqual({ confirmed: 0, waitlisted: 0, held: 0, remaining: 2, state: 'OPEN' });
    expect((await register(event.globalId, 'bo')).registration.status).toBe('CONFIRMED');
    // The ended hold is no claim on the one seat left for a party of two.
    expect(await register(event.globalId, 'ana', { partySize: 2, holdId: held.holdId })).toMatchObject({ code: 'EVENT_FULL' });
    expect(await storedCounts(graph.db, event.id)).toMatchObject({ confirmed: 1, rows: { confirmed: 1 } });
  });

  it('refuses a hold with the register rules, says WAITLIST_ONLY when only the waitlist has room, and releases early once', async () => {
    const event = await insertNativeEvent(graph.db, partnerId, { capacity: 1, waitlistCapacity: 3, maxPartySize: 2 });
    expect(await hold(event.globalId, 3)).toMatchObject({ code: 'PARTY_TOO_LARGE' });
    const held = await hold(event.globalId, 1);
    expect(await hold(event.globalId, 1)).toMatchObject({ code: 'WAITLIST_ONLY' });
    expect(ok(await graph.execute(RELEASE, { input: { eventId: event.globalId, holdId: held.holdId } })).releaseSeatHold).toBe(true);
    expect(ok(await graph.execute(RELEASE, { input: { eventId: event.globalId, holdId: held.holdId } })).releaseSeatHold).toBe(false);
    expect(await seats(event.globalId)).toMatchObject({ held: 0, remaining: 1 });
    const closed = await insertNativeEvent(graph.db, partnerId, { registrationClosesAt: new Date(clock.getTime() - 1000) });
    expect(await hold(closed.globalId)).toMatchObject({ code: 'REGISTRATION_CLOSED' });
    const bad = await graph.execute(REGISTER, { input: { eventId: event.globalId, name: 'x', email: 'x@example.org', holdId: 'nope' } });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('keeps held seats out of a waitlist promotion', async () => {
    const event = await insertNativeEvent(graph.db, partnerId, { capacity: 3, waitlistCapacity: 4, maxPartySize: 2 });
    const first = await register(event.globalId, 'al');
    const held = await hold(event.globalId, 2);
    expect((await register(event.globalId, 'bo', { partySize: 2 })).registration.status).toBe('WAITLISTED');
    ok(await graph.execute(CANCEL, { input: { registrationId: first.registration.id, cancelToken: first.cancelToken } }));
    // One seat free and two held: bo's party of two must go on waiting.
    expect(await seats(event.globalId)).toEqual({ confirmed: 0, waitlisted: 2, held: 2, remaining: 1, state: 'OPEN' });
    expect((await register(event.globalId, 'ana', { partySize: 2, holdId: held.holdId })).registration.status).toBe('CONFIRMED');
  });

  it('never oversells under concurrency: 30 holds race for 10 seats, then holders and others register at once', async () => {
    const event = await insertNativeEvent(graph.db, partnerId, { capacity: 10, waitlistCapacity: 40, maxPartySize: 1 });
    const holds = await Promise.all(Array.from({ length: 30 }, () => hold(event.globalId)));
    const granted = holds.filter((h) => h.__typename === 'SeatHold');
    expect(granted).toHaveLength(10);
    expect(holds.filter((h) => h.code === 'WAITLIST_ONLY')).toHaveLength(20);

    const answers = await Promise.all([
      ...granted.map((h, i) => register(event.globalId, `holder${i}`, { holdId: h.holdId }).then((r) => ['holder', r.registration.status])),
      ...Array.from({ length: 10 }, (_, i) => register(event.globalId, `walkup${i}`).then((r) => ['walkup', r.registration.status])),
    ]);
    expect(answers.filter(([who]) => who === 'holder').map(([, status]) => status)).toEqual(Array(10).fill('CONFIRMED'));
    expect(answers.filter(([who]) => who === 'walkup').map(([, status]) => status)).toEqual(Array(10).fill('WAITLISTED'));
    expect(await storedCounts(graph.db, event.id)).toMatchObject({ confirmed: 10, waitlisted: 10, rows: { confirmed: 10, waitlisted: 10 } });
    expect(await seats(event.globalId)).toMatchObject({ held: 0, remaining: 0 });
  });
});
