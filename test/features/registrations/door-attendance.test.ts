import { RegistrationMode } from '../../../src/domain/enums';
import { describeEachBackend } from '../../support/backends';
import { createTestGraph, dataOf, GraphResult, TestGraph } from '../../support/graph';
import { CANCEL, createPartner, insertNativeEvent, storedCounts } from '../../support/native-event';

const REGISTER = `mutation($input: RegisterInput!) {
  register(input: $input) { ... on RegistrationTicket { cancelToken registration { id } } ... on RegistrationRejected { code } }
}`;
const CHECK_IN = `mutation($id: ID!, $attended: Boolean, $party: [PartyCountInput!]) {
  checkIn(registrationId: $id, attended: $attended, party: $party) { attended event { registration { attended confirmed } } }
}`;
const ATTENDANCE = 'registered walkIns headCount byCategory { category count } total';
const WALK_INS = `mutation($id: ID!, $party: [PartyCountInput!]!) { addWalkIns(eventId: $id, party: $party) { ${ATTENDANCE} } }`;
const HEAD_COUNT = `mutation($id: ID!, $party: [PartyCountInput!]!) { setHeadCount(eventId: $id, party: $party) { ${ATTENDANCE} } }`;
const READ = `query($id: ID!) { event(id: $id) { registration { confirmed remaining } attendance { ${ATTENDANCE} } } }`;

/** Check-in per person, walk-ins and head counts at the door (issue 19): counts in people, by category. */
describeEachBackend('attendance at the door', (backend) => {
  let graph: TestGraph;
  let partner: Awaited<ReturnType<typeof createPartner>>;
  let staff: { authorization: string };
  let people = 0;

  beforeAll(async () => {
    graph = await createTestGraph(backend);
    partner = await createPartner(graph.db);
    staff = { authorization: partner.key };
  });
  afterAll(() => graph.close());

  const ok = dataOf;
  const refusal = (result: GraphResult) => result.errors?.[0].extensions;
  const register = async (eventId: string, input: Record<string, unknown>) =>
    ok(await graph.execute(REGISTER, { input: { eventId, name: 'Mary Jackson', email: `door${++people}@example.org`, ...input } })).register;
  const checkIn = (id: string, variables: Record<string, unknown> = {}) => graph.execute(CHECK_IN, { id, ...variables }, staff);

  it('checks in who of a party came, counts people, moves the count on a change of mind, and undoes it', async () => {
    const event = await insertNativeEvent(graph.db, partner.partner.id, { capacity: 10, maxPartySize: 6 });
    const family = await register(event.globalId, { party: [{ category: 'adults', count: 2 }, { category: 'children', count: 3 }] });
    const id = family.registration.id;

    const some = ok(await checkIn(id, { party: [{ category: 'adults', count: 1 }, { category: 'children', count: 2 }, { category: 'babies', count: 0 }] }));
    expect(some.checkIn).toEqual({ attended: true, event: { registration: { attended: 3, confirmed: 5 } } });
    const whoCame = async () => ok(await graph.execute(`query($id: ID!) { event(id: $id) { registrations { attendedParty { category count } } } }`, { id: event.globalId }, staff))
      .event.registrations[0].attendedParty;
    expect(await whoCame()).toEqual([{ category: 'adults', count: 1 }, { category: 'children', count: 2 }]);
    expect(ok(await checkIn(id)).checkIn.event.registration.attended).toBe(5);
    expect(await whoCame()).toEqual([{ category: 'adults', count: 2 }, { category: 'children', count: 3 }]);
    expect(ok(await checkIn(id, { party: [{ category: 'children', count: 1 }] })).checkIn.event.registration.attended).toBe(1);
    expect((await storedCounts(graph.db, event.id)).rows.attended).toBe(1);
    expect(ok(await graph.execute(READ, { id: event.globalId }, staff)).event.attendance)
      .toEqual({ registered: 1, walkIns: 0, headCount: 0, byCategory: [{ category: 'children', count: 1 }], total: 1 });
    expect(ok(await checkIn(id, { attended: false })).checkIn).toEqual({ attended: false, event: { registration: { attended: 0, confirmed: 5 } } });
    expect(await whoCame()).toEqual([]);
  });

  it('bounds who came by the makeup, or by partySize for a party registered without one', async () => {
    const event = await insertNativeEvent(graph.db, partner.partner.id, { capacity: 10, maxPartySize: 6 });
    const family = (await register(event.globalId, { party: [{ category: 'adults', count: 1 }, { category: 'children', count: 1 }] })).registration.id;
    const plain = (await register(event.globalId, { partySize: 3 })).registration.id;
    expect(refusal(await checkIn(family, { party: [{ category: 'children', count: 2 }] }))).toEqual({ code: 'BAD_USER_INPUT', argument: 'party.count' });
    expect(refusal(await checkIn(family, { party: [{ category: 'teens', count: 1 }] }))).toEqual({ code: 'BAD_USER_INPUT', argument: 'party.count' });
    expect(refusal(await checkIn(family, { party: [{ category: 'pets', count: 1 }] }))).toEqual({ code: 'BAD_USER_INPUT', argument: 'party.category' });
    expect(refusal(await checkIn(family, { party: [{ category: 'adults', count: 0 }] }))).toEqual({ code: 'BAD_USER_INPUT', argument: 'party' });
    expect(refusal(await checkIn(family, { attended: false, party: [{ category: 'adults', count: 1 }] }))).toEqual({ code: 'BAD_USER_INPUT', argument: 'party' });
    expect(refusal(await checkIn(plain, { party: [{ category: 'adults', count: 4 }] }))).toEqual({ code: 'BAD_USER_INPUT', argument: 'party' });
    expect((await storedCounts(graph.db, event.id)).attended).toBe(0);

    // Staff may still say by category who of a plain party came; checked in whole, it counts as uncategorised.
    ok(await checkIn(plain, { party: [{ category: 'adults', count: 1 }, { category: 'teens', count: 1 }] }));
    ok(await checkIn(family));
    expect(ok(await graph.execute(READ, { id: event.globalId }, staff)).event.attendance.byCategory).toEqual([
      { category: 'adults', count: 2 }, { category: 'children', count: 1 }, { category: 'teens', count: 1 },
    ]);
    ok(await checkIn(plain));
    expect(ok(await graph.execute(READ, { id: event.globalId }, staff)).event.attendance).toEqual({
      registered: 5, walkIns: 0, headCount: 0, total: 5,
      byCategory: [{ category: 'adults', count: 1 }, { category: 'children', count: 1 }, { category: 'uncategorised', count: 3 }],
    });
    const plainRow = ok(await graph.execute(`query($id: ID!) { event(id: $id) { registrations { partySize attendedParty { category count } } } }`, { id: event.globalId }, staff))
      .event.registrations.find((r: { partySize: number }) => r.partySize === 3);
    expect(plainRow.attendedParty).toEqual([{ category: 'uncategorised', count: 3 }]);
  });

  it('releases only the people who came when a partly checked-in party cancels', async () => {
    const event = await insertNativeEvent(graph.db, partner.partner.id, { capacity: 10, maxPartySize: 6 });
    const ticket = await register(event.globalId, { party: [{ category: 'adults', count: 2 }, { category: 'children', count: 2 }] });
    const other = await register(event.globalId, { partySize: 2 });
    ok(await checkIn(ticket.registration.id, { party: [{ category: 'adults', count: 1 }] }));
    ok(await checkIn(other.registration.id));
    expect((await storedCounts(graph.db, event.id)).attended).toBe(3);
    ok(await graph.execute(CANCEL, { input: { registrationId: ticket.registration.id, cancelToken: ticket.cancelToken } }));
    const counts = await storedCounts(graph.db, event.id);
    expect([counts.confirmed, counts.attended, counts.rows.attended]).toEqual([2, 2, 2]);
  });

  it('adds walk-ins by category without taking seats, from two doors at once', async () => {
    const event = await insertNativeEvent(graph.db, partner.partner.id, { capacity: 4 });
    ok(await register(event.globalId, { partySize: 4 }));
    const [a, b] = await Promise.all([
      graph.execute(WALK_INS, { id: event.globalId, party: [{ category: 'adults', count: 1 }, { category: 'children', count: 2 }] }, staff),
      graph.execute(WALK_INS, { id: event.globalId, party: [{ category: 'children', count: 1 }] }, staff),
    ]);
    // Each answers the count after its own write; the later one has both.
    expect(Math.max(ok(a).addWalkIns.walkIns, ok(b).addWalkIns.walkIns)).toBe(4);
    const read = ok(await graph.execute(READ, { id: event.globalId }, staff)).event;
    expect(read.registration).toEqual({ confirmed: 4, remaining: 0 });
    expect(read.attendance).toEqual({
      registered: 0, walkIns: 4, headCount: 0, total: 4, byCategory: [{ category: 'adults', count: 1 }, { category: 'children', count: 3 }],
    });
    expect(refusal(await graph.execute(WALK_INS, { id: event.globalId, party: [] }, staff))).toEqual({ code: 'BAD_USER_INPUT', argument: 'party' });
    expect(refusal(await graph.execute(WALK_INS, { id: event.globalId, party: [{ category: 'adults', count: 101 }] }, staff)))
      .toEqual({ code: 'BAD_USER_INPUT', argument: 'party.count' });
  });

  it('sets and replaces a drop-in occurrence\'s head count by the event\'s own categories, and clears it', async () => {
    const event = await insertNativeEvent(graph.db, partner.partner.id, {
      registrationMode: RegistrationMode.NONE, capacity: null, partyCategories: [{ key: 'grownups', label: 'Grown-ups' }, { key: 'kids', label: 'Kids' }],
    });
    const first = ok(await graph.execute(HEAD_COUNT, { id: event.globalId, party: [{ category: 'kids', count: 30 }, { category: 'grownups', count: 12 }] }, staff));
    expect(first.setHeadCount).toEqual({
      registered: 0, walkIns: 0, headCount: 42, total: 42, byCategory: [{ category: 'grownups', count: 12 }, { category: 'kids', count: 30 }],
    });
    expect(ok(await graph.execute(`query($id: ID!) { event(id: $id) { attendance { headCountByCategory { category count } } } }`, { id: event.globalId }, staff))
      .event.attendance.headCountByCategory).toEqual([{ category: 'grownups', count: 12 }, { category: 'kids', count: 30 }]);
    const second = ok(await graph.execute(HEAD_COUNT, { id: event.globalId, party: [{ category: 'kids', count: 25 }] }, staff));
    expect(second.setHeadCount).toMatchObject({ headCount: 25, total: 25, byCategory: [{ category: 'kids', count: 25 }] });
    expect(refusal(await graph.execute(HEAD_COUNT, { id: event.globalId, party: [{ category: 'adults', count: 1 }] }, staff)))
      .toEqual({ code: 'BAD_USER_INPUT', argument: 'party.category' });
    expect(ok(await graph.execute(HEAD_COUNT, { id: event.globalId, party: [] }, staff)).setHeadCount).toMatchObject({ headCount: 0, total: 0, byCategory: [] });
  });

  it('keeps attendance and the door\'s mutations to the event\'s own staff', async () => {
    const event = await insertNativeEvent(graph.db, partner.partner.id);
    const other = await createPartner(graph.db);
    const party = [{ category: 'adults', count: 1 }];
    expect(refusal(await graph.execute(WALK_INS, { id: event.globalId, party }))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(refusal(await graph.execute(HEAD_COUNT, { id: event.globalId, party }, { authorization: other.key }))).toMatchObject({ code: 'FORBIDDEN' });
    const read = await graph.execute(READ, { id: event.globalId }, { authorization: other.key });
    expect(read.data!.event.attendance).toBeNull();
    expect(refusal(read)).toMatchObject({ code: 'FORBIDDEN' });
    // An id no event has: refused as another partner's would be, saying nothing of whether it exists.
    expect(refusal(await graph.execute(WALK_INS, { id: 'RXZlbnQ6bm9uZQ', party }, staff))).toMatchObject({ code: 'FORBIDDEN' });
  });
});
