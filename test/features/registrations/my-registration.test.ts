import { describeEachBackend } from '../../support/backends';
import { createTestGraph, TestGraph } from '../../support/graph';
import { CANCEL, createPartner, insertNativeEvent, REGISTER } from '../../support/native-event';

const MY = `query($code: String!) {
  myRegistration(code: $code) { id status waitlistPosition partySize registeredAt canCancel event { id title } }
}`;

describeEachBackend('myRegistration', (backend) => {
  let graph: TestGraph;
  let partner: Awaited<ReturnType<typeof createPartner>>;
  let email = 0;

  beforeAll(async () => {
    graph = await createTestGraph(backend);
    partner = await createPartner(graph.db);
  });
  afterAll(() => graph.close());

  async function register(eventId: string, partySize = 1): Promise<{ cancelToken: string; registration: { id: string } }> {
    const result = await graph.execute(REGISTER, { input: { eventId, name: 'Ada Lovelace', email: `my${++email}@example.org`, partySize } });
    expect(result.data!.register.__typename).toBe('RegistrationTicket');
    return result.data!.register;
  }

  async function mine(code: string) {
    const result = await graph.execute(MY, { code });
    expect(result.errors).toBeUndefined();
    return result.data!.myRegistration;
  }

  const cancel = (ticket: { cancelToken: string; registration: { id: string } }) =>
    graph.execute(CANCEL, { input: { registrationId: ticket.registration.id, cancelToken: ticket.cancelToken } });

  it('shows the holder their registration, its place in the waitlist, promotion and cancellation', async () => {
    const event = await insertNativeEvent(graph.db, partner.partner.id, { capacity: 2, waitlistCapacity: 5, maxPartySize: 2, title: 'Knitting circle' });
    const before = Date.now();
    const confirmed = await register(event.globalId, 2);
    const first = await register(event.globalId);
    const second = await register(event.globalId);

    const mineConfirmed = await mine(confirmed.cancelToken);
    expect(mineConfirmed).toEqual({
      id: confirmed.registration.id, status: 'CONFIRMED', waitlistPosition: null, partySize: 2, canCancel: true,
      registeredAt: expect.any(String), event: { id: event.globalId, title: 'Knitting circle' },
    });
    expect(Date.parse(mineConfirmed.registeredAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(await mine(first.cancelToken)).toMatchObject({ id: first.registration.id, status: 'WAITLISTED', waitlistPosition: 1, canCancel: true });
    expect(await mine(second.cancelToken)).toMatchObject({ id: second.registration.id, status: 'WAITLISTED', waitlistPosition: 2 });

    expect((await cancel(confirmed)).data!.cancelRegistration.promoted).toBe(2);
    expect(await mine(first.cancelToken)).toMatchObject({ status: 'CONFIRMED', waitlistPosition: null });
    expect(await mine(second.cancelToken)).toMatchObject({ status: 'CONFIRMED', waitlistPosition: null });
    // Registrations are not purged: a cancelled one stays readable, and says there is nothing left to cancel.
    expect(await mine(confirmed.cancelToken)).toMatchObject({ id: confirmed.registration.id, status: 'CANCELLED', waitlistPosition: null, canCancel: false, partySize: 2 });
  });

  it('moves the next waitlisted party to position 1 when the first is promoted', async () => {
    const event = await insertNativeEvent(graph.db, partner.partner.id, { capacity: 1, waitlistCapacity: 5, maxPartySize: 1 });
    const confirmed = await register(event.globalId);
    const first = await register(event.globalId);
    const second = await register(event.globalId);
    expect([await mine(first.cancelToken), await mine(second.cancelToken)].map((r) => r.waitlistPosition)).toEqual([1, 2]);

    expect((await cancel(confirmed)).data!.cancelRegistration.promoted).toBe(1);
    expect(await mine(first.cancelToken)).toMatchObject({ status: 'CONFIRMED', waitlistPosition: null });
    expect(await mine(second.cancelToken)).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
    expect(await mine(confirmed.cancelToken)).toMatchObject({ status: 'CANCELLED', waitlistPosition: null, canCancel: false });
  });

  it('counts the place in line among those still waiting, in promotion order, when someone ahead leaves', async () => {
    const event = await insertNativeEvent(graph.db, partner.partner.id, { capacity: 1, waitlistCapacity: 5, maxPartySize: 1 });
    await register(event.globalId);
    const [a, b, c] = [await register(event.globalId), await register(event.globalId), await register(event.globalId)];
    await cancel(b);
    expect([await mine(a.cancelToken), await mine(c.cancelToken)].map((r) => r.waitlistPosition)).toEqual([1, 2]);
    // The staff view (the same rank) agrees with what each holder sees.
    const staff = await graph.execute(`{ event(id: "${event.globalId}") { registrations(status: [WAITLISTED]) { id waitlistPosition } } }`, {}, { authorization: partner.key });
    expect(staff.data!.event.registrations).toEqual([{ id: a.registration.id, waitlistPosition: 1 }, { id: c.registration.id, waitlistPosition: 2 }]);
  });

  it.each([
    ['too short', 'wrong'],
    ['too long', 'A'.repeat(33)],
    ['outside base64url', `${'A'.repeat(31)}+`],
    ['empty', ''],
  ])('refuses a code that cannot be a token (%s) with BAD_USER_INPUT naming the argument, without echoing it', async (_why, code) => {
    const result = await graph.execute(MY, { code });
    expect(result.data!.myRegistration).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'code' });
    expect(result.errors![0].message).toContain('"code"');
    if (code) expect(result.errors![0].message).not.toContain(code);
  });

  it('answers null, not an error, for a well-formed code no registration holds', async () => {
    expect(await mine('A'.repeat(32))).toBeNull();
    expect(await mine('abcdefghijklmnopqrstuvwxyz-_0123')).toBeNull();
  });
});
