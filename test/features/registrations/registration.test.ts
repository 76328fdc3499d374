import { seedDemo } from '../../../demo/seed';
import { EventStatus, RegistrationMode } from '../../../src/domain/enums';
import { toGlobalId } from '../../../src/domain/global-id';
import { EventEntity } from '../../../src/model/event.entity';
import { RegistrationEntity } from '../../../src/model/registration.entity';
import { describeEachBackend } from '../../support/backends';
import { createTestGraph, TestGraph } from '../../support/graph';
import { CANCEL, createPartner, insertNativeEvent, REGISTER, storedCounts } from '../../support/native-event';

describeEachBackend('native registration', (backend) => {
  let graph: TestGraph;
  let partner: Awaited<ReturnType<typeof createPartner>>;
  let email = 0;
  const nextEmail = () => `person${++email}@example.org`;

  beforeAll(async () => {
    graph = await createTestGraph(backend);
    partner = await createPartner(graph.db);
  });
  afterAll(() => graph.close());

  const register = (eventId: string, input: Record<string, unknown> = {}) =>
    graph.execute(REGISTER, { input: { eventId, name: 'Ada Lovelace', email: nextEmail(), ...input } });

  async function expectCounts(eventId: string, confirmed: number, waitlisted: number, attended = 0) {
    const counts = await storedCounts(graph.db, eventId);
    expect(counts).toMatchObject({ confirmed, waitlisted, attended });
    expect(counts.rows).toMatchObject({ confirmed, waitlisted, attended });
  }

  it('confirms seats until capacity, then waitlists, then answers EVENT_FULL', async () => {
    const event = await insertNativeEvent(graph.db, partner.partner.id, { capacity: 3, waitlistCapacity: 2, maxPartySize: 2 });
    const first = await register(event.globalId, { partySize: 2 });
    expect(first.errors).toBeUndefined();
    expect(first.data!.register).toMatchObject({
      __typename: 'RegistrationTicket',
      registration: { status: 'CONFIRMED', waitlistPosition: null, partySize: 2, event: { id: event.globalId, registration: { confirmed: 2, waitlisted: 0, remaining: 1 } } },
    });
    expect(first.data!.register.cancelToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect((await register(event.globalId)).data!.register.registration.status).toBe('CONFIRMED');
    const waitlisted = await register(event.globalId);
    expect(waitlisted.data!.register.registration).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
    expect((await register(event.globalId)).data!.register.registration).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 2 });
    const full = await register(event.globalId);
    expect(full.data!.register).toEqual({ __typename: 'RegistrationRejected', code: 'EVENT_FULL', message: 'Every seat and waitlist place is taken.' });
    await expectCounts(event.id, 3, 2);
  });

  it('keeps a small party behind the waitlist instead of letting it take a freed seat first', async () => {
    const event = await insertNativeEvent(graph.db, partner.partner.id, { capacity: 2, waitlistCapacity: 5, maxPartySize: 2 });
    await register(event.globalId);
    await register(event.globalId, { partySize: 2 }); // does not fit: waitlisted first
    const single = await register(event.globalId);
    expect(single.data!.register.registration).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 2 });
    await expectCounts(event.id, 1, 3);
  });

  it('cancels with the token, frees the seats and promotes the waitlist in order while it fits', async () => {
    const event = await insertNativeEvent(graph.db, partner.partner.id, { capacity: 3, waitlistCapacity: 6, maxPartySize: 3 });
    const holder = (await register(event.globalId, { partySize: 3 })).data!.register;
    const w1 = (await register(event.globalId, { partySize: 2 })).data!.register;
    const w2 = (await register(event.globalId, { partySize: 1 })).data!.register;
    const w3 = (await register(event.globalId, { partySize: 3 })).data!.register;
    await expectCounts(event.id, 3, 6);

    const cancelled = await graph.execute(CANCEL, { input: { registrationId: holder.registration.id, cancelToken: holder.cancelToken } });
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data!.cancelRegistration).toEqual({ promoted: 2, registration: { id: holder.registration.id, status: 'CANCELLED', waitlistPosition: null } });
    await expectCounts(event.id, 3, 3);
    const statuses = await graph.db.getRepository(RegistrationEntity).find({ where: { eventId: event.id }, order: { createdAt: 'ASC' } });
    const byId = new Map(statuses.map((r) => [toGlobalId('Registration', r.id), r.status]));
    expect([w1, w2, w3].map((t) => byId.get(t.registration.id))).toEqual(['CONFIRMED', 'CONFIRMED', 'WAITLISTED']);

    // The remaining waitlisted party is now first in line.
    const staff = await graph.execute(`{ event(id: "${event.globalId}") { registrations(status: [WAITLISTED]) { id waitlistPosition } } }`, {}, { authorization: partner.key });
    expect(staff.data!.event.registrations).toEqual([{ id: w3.registration.id, waitlistPosition: 1 }]);

    const again = await graph.execute(CANCEL, { input: { registrationId: holder.registration.id, cancelToken: holder.cancelToken } });
    expect(again.data!.cancelRegistration).toMatchObject({ promoted: 0, registration: { status: 'CANCELLED' } });
    await expectCounts(event.id, 3, 3);
  });

  it('refuses a wrong cancel token with FORBIDDEN and changes nothing', async () => {
    const event = await insertNativeEvent(graph.db, partner.partner.id);
    const ticket = (await register(event.globalId)).data!.register;
    const wrong = await graph.execute(CANCEL, { input: { registrationId: ticket.registration.id, cancelToken: 'not-the-token' } });
    expect(wrong.errors![0]).toMatchObject({
      message: 'No registration matches this registrationId and cancelToken.',
      extensions: { code: 'FORBIDDEN', argument: 'input.cancelToken' },
    });
    const unknown = await graph.execute(CANCEL, { input: { registrationId: toGlobalId('Registration', 'nope'), cancelToken: ticket.cancelToken } });
    expect(unknown.errors![0].extensions).toEqual({ code: 'FORBIDDEN', argument: 'input.cancelToken' });
    await expectCounts(event.id, 1, 0);
    const stored = await graph.db.getRepository(RegistrationEntity).findOneByOrFail({ eventId: event.id });
    expect(stored.cancelTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.cancelTokenHash).not.toContain(ticket.cancelToken);
  });

  it('answers ALREADY_REGISTERED to the event\'s staff for the same email (any case), and accepts it again after a cancellation', async () => {
    const event = await insertNativeEvent(graph.db, partner.partner.id);
    const ticket = (await register(event.globalId, { email: 'Grace@Example.org' })).data!.register;
    const duplicate = await graph.execute(REGISTER, { input: { eventId: event.globalId, name: 'Grace', email: ' grace@example.ORG ' } }, { authorization: partner.key });
    expect(duplicate.data!.register).toMatchObject({ code: 'ALREADY_REGISTERED' });
    await expectCounts(event.id, 1, 0);
    await graph.execute(CANCEL, { input: { registrationId: ticket.registration.id, cancelToken: ticket.cancelToken } });
    const again = await graph.execute(REGISTER, { input: { eventId: event.globalId, name: 'Grace', email: 'grace@example.org' } }, { authorization: partner.key });
    expect(again.data!.register.registration.status).toBe('CONFIRMED');
    await expectCounts(event.id, 1, 0);
  });

  it('gives the public the same answer whether or not an email is registered (no registration oracle)', async () => {
    const other = await createPartner(graph.db);
    const known = 'known.person@example.org';
    const answerShape = (result: Awaited<ReturnType<typeof register>>) => {
      const payload = result.data!.register;
      return payload.__typename === 'RegistrationTicket'
        ? { __typename: payload.__typename, status: payload.registration.status, waitlistPosition: payload.registration.waitlistPosition }
        : payload;
    };
    // Seats left: a known email and an unknown one are both taken, each as its own registration.
    const open = await insertNativeEvent(graph.db, partner.partner.id, { capacity: 3, waitlistCapacity: 0 });
    const first = await register(open.globalId, { email: known });
    const repeat = await register(open.globalId, { email: known });
    const stranger = await register(open.globalId, { email: 'stranger@example.org' });
    expect([first, repeat, stranger].map(answerShape)).toEqual([
      { __typename: 'RegistrationTicket', status: 'CONFIRMED', waitlistPosition: null },
      { __typename: 'RegistrationTicket', status: 'CONFIRMED', waitlistPosition: null },
      { __typename: 'RegistrationTicket', status: 'CONFIRMED', waitlistPosition: null },
    ]);
    expect(repeat.data!.register.registration.id).not.toBe(first.data!.register.registration.id);
    // Full: the known email and a stranger both get EVENT_FULL, word for word.
    const knownOnFull = await register(open.globalId, { email: known });
    const strangerOnFull = await register(open.globalId, { email: 'someone.else@example.org' });
    expect(answerShape(knownOnFull)).toEqual({ __typename: 'RegistrationRejected', code: 'EVENT_FULL', message: 'Every seat and waitlist place is taken.' });
    expect(answerShape(strangerOnFull)).toEqual(answerShape(knownOnFull));
    // Another partner's key is the public as far as these registrants go.
    const asOtherPartner = await graph.execute(REGISTER, { input: { eventId: open.globalId, name: 'X', email: known } }, { authorization: other.key });
    expect(asOtherPartner.data!.register).toEqual(strangerOnFull.data!.register);
    await expectCounts(open.id, 3, 0);
  });

  it.each([
    ['NOT_REGISTRABLE', 'an EXTERNAL event', { registrationMode: RegistrationMode.EXTERNAL, registrationUrl: 'https://tickets.example' }, 1],
    ['NOT_REGISTRABLE', 'an event without registration', { registrationMode: RegistrationMode.NONE }, 1],
    ['EVENT_CANCELLED', 'a cancelled event', { status: EventStatus.CANCELLED }, 1],
    ['REGISTRATION_CLOSED', 'an event whose registration opens tomorrow', { registrationOpensAt: new Date(Date.now() + 86_400_000) }, 1],
    ['REGISTRATION_CLOSED', 'an event whose registration has closed', { registrationClosesAt: new Date(Date.now() - 1000) }, 1],
    ['REGISTRATION_CLOSED', 'an event that is over', { startsAt: new Date(Date.now() - 7_200_000), endsAt: new Date(Date.now() - 3_600_000) }, 1],
    ['PARTY_TOO_LARGE', 'a party of 3 where 2 is the limit', { maxPartySize: 2 }, 3],
  ] as const)('answers %s for %s and stores nothing', async (code, _case, overrides, partySize) => {
    const event = await insertNativeEvent(graph.db, partner.partner.id, overrides as Partial<EventEntity>);
    const result = await register(event.globalId, { partySize });
    expect(result.errors).toBeUndefined();
    expect(result.data!.register).toMatchObject({ __typename: 'RegistrationRejected', code });
    expect(result.data!.register.message.length).toBeGreaterThan(10);
    await expectCounts(event.id, 0, 0);
  });

  it('rejects bad input with BAD_USER_INPUT or NOT_FOUND naming the argument, storing nothing', async () => {
    const event = await insertNativeEvent(graph.db, partner.partner.id, { maxPartySize: 4 });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ email: 'not-an-email' }, 'input.email', 'Invalid value for argument "input.email": "not-an-email". Expected an email address such as name@example.org.'],
      [{ partySize: 0 }, 'input.partySize', 'Invalid value for argument "input.partySize": 0. Expected an integer from 1 to the event\'s maxPartySize (at most 100).'],
      [{ partySize: 101 }, 'input.partySize', 'Invalid value for argument "input.partySize": 101. Expected an integer from 1 to the event\'s maxPartySize (at most 100).'],
      [{ name: '   ' }, 'input.name', 'Invalid value for argument "input.name": "   ". Expected a name of 1 to 200 characters.'],
      [{ eventId: 'garbage' }, 'input.eventId', 'Invalid value for argument "input.eventId": "garbage". Expected a global id returned by this API.'],
    ];
    for (const [input, argument, message] of cases) {
      const result = await register(event.globalId, input);
      expect(result.errors![0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', argument } });
    }
    const unknown = await register(toGlobalId('Event', 'missing'));
    expect(unknown.errors![0]).toMatchObject({ message: `No event has the id ${toGlobalId('Event', 'missing')}.`, extensions: { code: 'NOT_FOUND' } });
    await expectCounts(event.id, 0, 0);
  });

  it('lets the partner\'s staff read names and check in; attendance is counted on the event', async () => {
    const event = await insertNativeEvent(graph.db, partner.partner.id, { maxPartySize: 3 });
    const ticket = (await register(event.globalId, { name: 'Katherine Johnson', email: 'kj@example.org', partySize: 3 })).data!.register;
    const waiting = await insertNativeEvent(graph.db, partner.partner.id, { capacity: 0, waitlistCapacity: 3 });
    const waitTicket = (await register(waiting.globalId)).data!.register;

    const CHECK_IN = 'mutation($id: ID!, $attended: Boolean) { checkIn(registrationId: $id, attended: $attended) { attended name email event { registration { attended } } } }';
    const checked = await graph.execute(CHECK_IN, { id: ticket.registration.id }, { authorization: partner.key });
    expect(checked.data!.checkIn).toEqual({ attended: true, name: 'Katherine Johnson', email: 'kj@example.org', event: { registration: { attended: 3 } } });
    await expectCounts(event.id, 3, 0, 3);

    const asPublic = await graph.execute(CHECK_IN, { id: ticket.registration.id });
    expect(asPublic.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const other = await createPartner(graph.db);
    const asOther = await graph.execute(CHECK_IN, { id: ticket.registration.id, attended: false }, { authorization: other.key });
    expect(asOther.errors![0]).toMatchObject({ message: 'Checking in a registration needs this partner\'s API key or an ADMIN key.', extensions: { code: 'FORBIDDEN' } });
    const notConfirmed = await graph.execute(CHECK_IN, { id: waitTicket.registration.id }, { authorization: partner.key });
    expect(notConfirmed.errors![0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    await expectCounts(event.id, 3, 0, 3);

    const undone = await graph.execute(CHECK_IN, { id: ticket.registration.id, attended: false }, { authorization: partner.key });
    expect(undone.data!.checkIn).toMatchObject({ attended: false, event: { registration: { attended: 0 } } });
    await expectCounts(event.id, 3, 0, 0);
  });

  it('registers for the seeded demo events, and their counters still agree with their rows', async () => {
    await seedDemo(graph.db);
    const demo = await graph.db.getRepository(EventEntity).find({ where: { registrationMode: RegistrationMode.NATIVE } });
    expect(demo.length).toBeGreaterThan(10);
    const open = demo.find((e) => e.registrationClosesAt! > new Date() && e.capacity! - e.confirmedCount >= 1 && e.waitlistedCount === 0)!;
    const ticket = (await register(toGlobalId('Event', open.id))).data!.register;
    expect(ticket.registration.status).toBe('CONFIRMED');
    await graph.execute(CANCEL, { input: { registrationId: ticket.registration.id, cancelToken: ticket.cancelToken } });
    for (const event of demo) {
      const counts = await storedCounts(graph.db, event.id);
      expect([counts.rows.confirmed, counts.rows.waitlisted]).toEqual([counts.confirmed, counts.waitlisted]);
    }
  });
});
