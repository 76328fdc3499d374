import { newId } from '../../../src/domain/ids';
import { confirmationMail } from '../../../src/features/notifications/confirmation-mail';
import { registerParty } from '../../../src/features/registrations/register-party';
import { RegistrationEntity } from '../../../src/model/registration.entity';
import { describeEachBackend } from '../../support/backends';
import { createTestGraph, dataOf, GraphResult, TestGraph } from '../../support/graph';
import { createPartner, insertNativeEvent, storedCounts } from '../../support/native-event';

const REGISTER = `mutation($input: RegisterInput!) {
  register(input: $input) {
    __typename
    ... on RegistrationTicket { cancelToken registration { id status partySize } }
    ... on RegistrationRejected { code message }
  }
}`;
const MINE = 'query($code: String!) { myRegistration(code: $code) { partySize party { category count } } }';
const STAFF = 'query($id: ID!) { event(id: $id) { registrations { partySize party { category count } } } }';
const CATEGORIES = 'registration { partyCategories { key label } }';
const CREATE = `mutation($input: CreateEventInput!) { createEvent(input: $input) { id ${CATEGORIES} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { ${CATEGORIES} } }`;

const DEFAULTS = [
  { key: 'adults', label: 'Adults' }, { key: 'teens', label: 'Teens' }, { key: 'children', label: 'Children' }, { key: 'babies', label: 'Babies' },
];

/** Party makeup by category (issue 19): per-event categories, a registration's makeup, its seats the sum. */
describeEachBackend('party makeup', (backend) => {
  let graph: TestGraph;
  let partner: Awaited<ReturnType<typeof createPartner>>;
  let people = 0;

  let staff: { authorization: string };

  beforeAll(async () => {
    graph = await createTestGraph(backend);
    partner = await createPartner(graph.db);
    staff = { authorization: partner.key };
  });
  afterAll(() => graph.close());

  const ok = dataOf;
  const register = (eventId: string, input: Record<string, unknown>) =>
    graph.execute(REGISTER, { input: { eventId, name: 'Grace Hopper', email: `party${++people}@example.org`, ...input } });
  const refusal = (result: GraphResult) => {
    expect(result.data?.register ?? null).toBeNull();
    return { code: result.errors?.[0].extensions?.code, argument: result.errors?.[0].extensions?.argument, message: result.errors?.[0].message };
  };

  it('offers the default categories, and an event\'s own set through createEvent and updateEvent (null: the defaults again)', async () => {
    const times = { startsAt: '2031-03-01T10:00:00Z', endsAt: '2031-03-01T11:00:00Z' };
    const created = ok(await graph.execute(CREATE, { input: { partnerId: partner.globalId, title: 'Story time', ...times } }, staff)).createEvent;
    expect(created.registration.partyCategories).toEqual(DEFAULTS);
    const own = [{ key: 'grownups', label: ' Grown-ups ' }, { key: 'kids_0_5', label: 'Kids 0-5' }];
    expect(ok(await graph.execute(UPDATE, { id: created.id, input: { partyCategories: own } }, staff)).updateEvent.registration.partyCategories)
      .toEqual([{ key: 'grownups', label: 'Grown-ups' }, { key: 'kids_0_5', label: 'Kids 0-5' }]);
    expect(ok(await graph.execute(UPDATE, { id: created.id, input: { title: 'Story time!' } }, staff)).updateEvent.registration.partyCategories)
      .toEqual([{ key: 'grownups', label: 'Grown-ups' }, { key: 'kids_0_5', label: 'Kids 0-5' }]);
    expect(ok(await graph.execute(UPDATE, { id: created.id, input: { partyCategories: null } }, staff)).updateEvent.registration.partyCategories)
      .toEqual(DEFAULTS);
    const withOwn = ok(await graph.execute(CREATE, { input: { partnerId: partner.globalId, title: 'Lapsit', ...times, partyCategories: own } }, staff));
    expect(withOwn.createEvent.registration.partyCategories).toHaveLength(2);
  });

  it.each([
    [[], 'input.partyCategories'],
    [[{ key: 'Adults', label: 'Adults' }], 'input.partyCategories.key'],
    [[{ key: 'adults', label: 'A' }, { key: 'adults', label: 'B' }], 'input.partyCategories.key'],
    [[{ key: 'adults', label: '   ' }], 'input.partyCategories.label'],
    [[{ key: 'adults', label: 'x'.repeat(61) }], 'input.partyCategories.label'],
    // Reserved: attendance figures count people checked in without a makeup under it.
    [[{ key: 'uncategorised', label: 'Others' }], 'input.partyCategories.key'],
  ])('refuses the categories %j with BAD_USER_INPUT naming %s', async (partyCategories, argument) => {
    const event = await insertNativeEvent(graph.db, partner.partner.id);
    const result = await graph.execute(UPDATE, { id: event.globalId, input: { partyCategories } }, staff);
    expect(result.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', argument });
  });

  it('takes seats as the sum of the makeup, stores it in the event\'s order without zeros, and shows it to staff and the registrant', async () => {
    const event = await insertNativeEvent(graph.db, partner.partner.id, { capacity: 10, maxPartySize: 6 });
    const ticket = ok(await register(event.globalId, {
      party: [{ category: 'children', count: 2 }, { category: 'babies', count: 0 }, { category: 'adults', count: 1 }],
    })).register;
    const makeup = [{ category: 'adults', count: 1 }, { category: 'children', count: 2 }];
    expect(ticket.registration).toMatchObject({ status: 'CONFIRMED', partySize: 3 });
    expect((await storedCounts(graph.db, event.id)).confirmed).toBe(3);
    const row = await graph.db.getRepository(RegistrationEntity).findOneByOrFail({ eventId: event.id });
    expect(row.party).toEqual(makeup);
    expect(ok(await graph.execute(MINE, { code: ticket.cancelToken })).myRegistration).toEqual({ partySize: 3, party: makeup });
    expect(ok(await graph.execute(STAFF, { id: event.globalId }, staff)).event.registrations).toEqual([{ partySize: 3, party: makeup }]);
    // The makeup agreeing with a partySize sent beside it is the same registration.
    expect(ok(await register(event.globalId, { partySize: 2, party: [{ category: 'teens', count: 2 }] })).register.registration.partySize).toBe(2);
  });

  it('reads a registration made with partySize alone as an empty makeup, not as invented adults', async () => {
    const event = await insertNativeEvent(graph.db, partner.partner.id);
    const ticket = ok(await register(event.globalId, { partySize: 2 })).register;
    expect(ok(await graph.execute(MINE, { code: ticket.cancelToken })).myRegistration).toEqual({ partySize: 2, party: [] });
    expect(ok(await graph.execute(STAFF, { id: event.globalId }, staff)).event.registrations).toEqual([{ partySize: 2, party: [] }]);
  });

  it('counts by the event\'s own categories, and refuses the defaults there', async () => {
    const event = await insertNativeEvent(graph.db, partner.partner.id, { partyCategories: [{ key: 'members', label: 'Members' }, { key: 'guests', label: 'Guests' }] });
    const ticket = ok(await register(event.globalId, { party: [{ category: 'guests', count: 2 }] })).register;
    expect(ok(await graph.execute(MINE, { code: ticket.cancelToken })).myRegistration).toEqual({ partySize: 2, party: [{ category: 'guests', count: 2 }] });
    const wrong = refusal(await register(event.globalId, { party: [{ category: 'adults', count: 1 }] }));
    expect(wrong).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.party.category' });
    expect(wrong.message).toContain('members, guests');
  });

  it.each([
    ['an unknown category', [{ category: 'pets', count: 1 }], undefined, 'input.party.category'],
    ['a category twice', [{ category: 'adults', count: 1 }, { category: 'adults', count: 1 }], undefined, 'input.party.category'],
    ['a negative count', [{ category: 'adults', count: 2 }, { category: 'children', count: -1 }], undefined, 'input.party.count'],
    ['nobody at all', [{ category: 'adults', count: 0 }], undefined, 'input.party'],
    ['an empty makeup', [], undefined, 'input.party'],
    ['a partySize that disagrees', [{ category: 'adults', count: 2 }], 3, 'input.party'],
  ])('refuses %s with BAD_USER_INPUT naming the argument, storing nothing', async (_what, party, partySize, argument) => {
    const event = await insertNativeEvent(graph.db, partner.partner.id);
    expect(refusal(await register(event.globalId, { party, partySize }))).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(await graph.db.getRepository(RegistrationEntity).countBy({ eventId: event.id })).toBe(0);
    expect((await storedCounts(graph.db, event.id)).confirmed).toBe(0);
  });

  it('applies maxPartySize to the sum', async () => {
    const event = await insertNativeEvent(graph.db, partner.partner.id, { maxPartySize: 3 });
    const result = ok(await register(event.globalId, { party: [{ category: 'adults', count: 2 }, { category: 'children', count: 2 }] }));
    expect(result.register).toMatchObject({ __typename: 'RegistrationRejected', code: 'PARTY_TOO_LARGE' });
  });

  it('answers a retry with the same key and makeup with the first registration, and another makeup with CONFLICT', async () => {
    const event = await insertNativeEvent(graph.db, partner.partner.id);
    const key = `party-retry-${backend}-${'k'.repeat(24)}`;
    const input = { eventId: event.globalId, name: 'Retry Party', email: `retry-${backend}@example.org`, idempotencyKey: key };
    const send = (party: unknown, partySize?: number) => graph.execute(REGISTER, { input: { ...input, party, partySize } });
    const first = ok(await send([{ category: 'adults', count: 1 }, { category: 'babies', count: 1 }])).register;
    // Another spelling of the same makeup (order, zeros, the agreeing partySize) is the same attempt.
    const again = ok(await send([{ category: 'babies', count: 1 }, { category: 'teens', count: 0 }, { category: 'adults', count: 1 }], 2)).register;
    expect(again).toEqual(first);
    expect(ok(await graph.execute(MINE, { code: again.cancelToken })).myRegistration)
      .toEqual({ partySize: 2, party: [{ category: 'adults', count: 1 }, { category: 'babies', count: 1 }] });
    expect(refusal(await send([{ category: 'adults', count: 2 }]))).toMatchObject({ code: 'CONFLICT', argument: 'input.idempotencyKey' });
    expect(refusal(await send(null, 2))).toMatchObject({ code: 'CONFLICT', argument: 'input.idempotencyKey' });
    expect(await graph.db.getRepository(RegistrationEntity).countBy({ eventId: event.id })).toBe(1);
    expect((await storedCounts(graph.db, event.id)).confirmed).toBe(2);
  });

  it('stores each makeup with its own registration when they arrive in one turn (one statement on PostgreSQL), a party without one beside them', async () => {
    const event = await insertNativeEvent(graph.db, partner.partner.id, { capacity: 6, waitlistCapacity: 20, maxPartySize: 4 });
    const makeups = Array.from({ length: 8 }, (_, i) => (i === 3 ? null : [{ category: 'adults', count: 1 }, { category: 'children', count: (i % 3) + 1 }]));
    const now = new Date();
    // Called in one turn of the event loop, below the service: on PostgreSQL the batcher sends them as one register_party statement.
    const outcomes = await Promise.all(makeups.map((party, i) => {
      const id = newId();
      const email = `batch${i}-${backend}@example.org`;
      return registerParty(graph.db, {
        id, eventId: event.id, name: `Batch ${i}`, email, partySize: party ? party.reduce((sum, p) => sum + p.count, 0) : 2, party,
        cancelTokenHash: 'x'.repeat(64), idempotencyKeyHash: null, now, staffOf: { everyPartner: false, partnerId: null },
        confirmation: confirmationMail({ id, email }, 'x'.repeat(32), null),
      });
    }));
    const rows = await graph.db.getRepository(RegistrationEntity).findBy({ eventId: event.id });
    for (const [i, outcome] of outcomes.entries()) {
      if (outcome.kind !== 'registered') throw new Error(`registration ${i} answered ${outcome.kind}`);
      expect(outcome.registration.party).toEqual(makeups[i]);
      expect(rows.find((r) => r.id === outcome.registration.id)!.party).toEqual(makeups[i]);
    }
    const counts = await storedCounts(graph.db, event.id);
    expect(counts.confirmed + counts.waitlisted).toBe(rows.reduce((sum, r) => sum + r.partySize, 0));
  });
});
