import { WaitlistMode } from '../../../src/domain/enums';
import { localIdOf } from '../../../src/domain/global-id';
import { WaitlistSweeper } from '../../../src/features/registrations/waitlist-sweeper';
import { MailOutboxEntity } from '../../../src/model/mail-outbox.entity';
import { RegistrationEntity } from '../../../src/model/registration.entity';
import { describeEachBackend } from '../../support/backends';
import { createTestGraph, GraphResult, TestGraph } from '../../support/graph';
import { CANCEL, createPartner, insertNativeEvent, REGISTER, storedCounts } from '../../support/native-event';

const CLAIM = 'mutation($input: CancelRegistrationInput!) { claimInvitation(input: $input) { status invitedUntil } }';
const MINE = 'query($code: String!) { myRegistration(code: $code) { status waitlistPosition invitedUntil } }';
const SEATS = 'query($id: ID!) { node(id: $id) { ... on Event { registration { confirmed waitlisted held remaining waitlistMode inviteHours } } } }';
const UPDATE = 'mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { registration { waitlistMode inviteHours } } }';

type Ticket = { cancelToken: string; registration: { id: string; status: string } };

/**
 * INVITE waitlists (issue 20): a freed seat invites the next party in line, who claims it within
 * inviteHours or loses it to the next; never oversold, nobody passed over. Time is the test's clock;
 * seats freed by time alone move through the WaitlistSweeper.
 */
describeEachBackend('invite-and-claim waitlists', (backend) => {
  let graph: TestGraph;
  let partner: { id: string; key: string };
  let clock = new Date();
  let sweeper: WaitlistSweeper;

  beforeAll(async () => {
    graph = await createTestGraph(backend, { clock: () => clock });
    const created = await createPartner(graph.db);
    partner = { id: created.partner.id, key: created.key };
    sweeper = new WaitlistSweeper(graph.db, (event) => graph.services.registrations.seatsChanged(event));
  });
  afterAll(async () => {
    await graph.close();
  });
  beforeEach(() => {
    clock = new Date();
  });

  const ok = (result: GraphResult) => {
    expect(result.errors).toBeUndefined();
    return result.data!;
  };
  const register = async (eventId: string, who: string, partySize = 1) =>
    ok(await graph.execute(REGISTER, { input: { eventId, name: who, email: `${who}@example.org`, partySize } })).register as Ticket;
  const cancel = (t: Ticket) => graph.execute(CANCEL, { input: { registrationId: t.registration.id, cancelToken: t.cancelToken } });
  const claim = (t: Ticket) => graph.execute(CLAIM, { input: { registrationId: t.registration.id, cancelToken: t.cancelToken } });
  const mine = async (t: Ticket) => ok(await graph.execute(MINE, { code: t.cancelToken })).myRegistration as { status: string; invitedUntil: string | null };
  const seats = async (eventId: string) => (ok(await graph.execute(SEATS, { id: eventId })).node as { registration: Record<string, unknown> }).registration;
  const mailKeys = async (prefix: string) => (await graph.db.getRepository(MailOutboxEntity).find()).map((m) => m.idempotencyKey).filter((k) => k.startsWith(prefix));
  const local = (t: Ticket) => localIdOf('Registration', t.registration.id);
  const hours = (n: number) => new Date(clock.getTime() + n * 3_600_000);

  it('invites the next party when a seat frees, holds its seat, and confirms it on claim', async () => {
    const event = await insertNativeEvent(graph.db, partner.id, { capacity: 2, waitlistCapacity: 6, maxPartySize: 2, waitlistMode: WaitlistMode.INVITE, inviteHours: 24 });
    const [al] = [await register(event.globalId, 'al'), await register(event.globalId, 'bo')];
    const [cy, di] = [await register(event.globalId, 'cy'), await register(event.globalId, 'di')];
    expect([cy.registration.status, di.registration.status]).toEqual(['WAITLISTED', 'WAITLISTED']);

    ok(await cancel(al));
    expect(await mine(cy)).toMatchObject({ status: 'WAITLISTED', invitedUntil: hours(24).toISOString() });
    expect(await mine(di)).toMatchObject({ status: 'WAITLISTED', invitedUntil: null });
    expect(await seats(event.globalId)).toEqual({ confirmed: 1, waitlisted: 2, held: 1, remaining: 0, waitlistMode: 'INVITE', inviteHours: 24 });
    // A newcomer queues behind the invitation; the invited seat is nobody else's.
    expect((await register(event.globalId, 'ed')).registration.status).toBe('WAITLISTED');
    expect(await mailKeys('invitation:')).toEqual([`invitation:${local(cy)}`]);

    expect((await claim(di)).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(ok(await claim(cy)).claimInvitation).toEqual({ status: 'CONFIRMED', invitedUntil: null });
    expect(ok(await claim(cy)).claimInvitation).toMatchObject({ status: 'CONFIRMED' });
    expect(await seats(event.globalId)).toMatchObject({ confirmed: 2, waitlisted: 2, held: 0, remaining: 0 });
    expect(await mailKeys(`promotion:${local(cy)}`)).toHaveLength(1);
    expect(await storedCounts(graph.db, event.id)).toMatchObject({ confirmed: 2, waitlisted: 2, rows: { confirmed: 2, waitlisted: 2 } });
  });

  it('lapses an unclaimed invitation when it ends and passes the seat on, never past a party that does not fit', async () => {
    const event = await insertNativeEvent(graph.db, partner.id, { capacity: 2, waitlistCapacity: 6, maxPartySize: 2, waitlistMode: WaitlistMode.INVITE, inviteHours: 2 });
    const al = await register(event.globalId, 'al', 2);
    const bo = await register(event.globalId, 'bo');
    const cy = await register(event.globalId, 'cy', 2);
    const di = await register(event.globalId, 'di');
    ok(await cancel(al));
    // Two seats: bo is invited; cy's party of two does not fit beside bo's held seat, and di, behind cy, waits too.
    expect((await mine(bo)).invitedUntil).not.toBeNull();
    expect([(await mine(cy)).invitedUntil, (await mine(di)).invitedUntil]).toEqual([null, null]);

    clock = hours(1);
    expect(await sweeper.runOnce(clock)).toBe(0);
    clock = hours(2);
    // Ended, not yet swept: the claim is refused and says why.
    const late = await claim(bo);
    expect(late.errors?.[0]).toMatchObject({ message: expect.stringContaining('its invitation ended at'), extensions: { code: 'CONFLICT' } });
    expect(await sweeper.runOnce(clock)).toBe(1);
    expect(await mine(bo)).toMatchObject({ status: 'CANCELLED', invitedUntil: null });
    expect(await mine(cy)).toMatchObject({ status: 'WAITLISTED', invitedUntil: hours(2).toISOString() });
    expect((await mine(di)).invitedUntil).toBeNull();
    expect((await claim(bo)).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(ok(await claim(cy)).claimInvitation).toMatchObject({ status: 'CONFIRMED' });
    expect(await storedCounts(graph.db, event.id)).toMatchObject({ confirmed: 2, waitlisted: 1, rows: { confirmed: 2, waitlisted: 1 } });
  });

  it('gives seats freed by an ended hold to an AUTO_PROMOTE waitlist through the sweeper', async () => {
    const event = await insertNativeEvent(graph.db, partner.id, { capacity: 1, waitlistCapacity: 3 });
    const hold = ok(await graph.execute('mutation($e: ID!) { holdSeats(input: { eventId: $e }) { __typename } }', { e: event.globalId }));
    expect(hold.holdSeats).toEqual({ __typename: 'SeatHold' });
    const bo = await register(event.globalId, 'bo');
    expect(bo.registration.status).toBe('WAITLISTED');
    clock = new Date(clock.getTime() + 12 * 60_000);
    expect(await sweeper.runOnce(clock)).toBe(1);
    expect(await mine(bo)).toMatchObject({ status: 'CONFIRMED' });
    expect(await mailKeys(`promotion:${local(bo)}`)).toHaveLength(1);
    expect(await sweeper.runOnce(clock)).toBe(0);
  });

  it('is set per event through updateEvent, within bounds', async () => {
    const event = await insertNativeEvent(graph.db, partner.id);
    const auth = { authorization: partner.key };
    expect(ok(await graph.execute(UPDATE, { id: event.globalId, input: { waitlistMode: 'INVITE', inviteHours: 48 } }, auth)).updateEvent)
      .toEqual({ registration: { waitlistMode: 'INVITE', inviteHours: 48 } });
    const bad = await graph.execute(UPDATE, { id: event.globalId, input: { inviteHours: 0 } }, auth);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('never oversells and never skips the line: 25 claims and 25 cancellations at once', async () => {
    const event = await insertNativeEvent(graph.db, partner.id, { capacity: 50, waitlistCapacity: 50, waitlistMode: WaitlistMode.INVITE });
    const seated: Ticket[] = [];
    const waiting: Ticket[] = [];
    for (let i = 0; i < 50; i++) seated.push(await register(event.globalId, `s${i}`));
    for (let i = 0; i < 50; i++) waiting.push(await register(event.globalId, `w${i}`));
    expect(waiting.every((t) => t.registration.status === 'WAITLISTED')).toBe(true);

    await Promise.all(seated.slice(0, 25).map((t) => cancel(t).then(ok)));
    const invited = async () => (await graph.db.getRepository(RegistrationEntity).find({ where: { eventId: event.id } }))
      .filter((r) => r.invitedUntil).map((r) => r.name).sort();
    const names = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `w${from + i}`).sort();
    expect(await invited()).toEqual(names(0, 25));

    const answers = await Promise.all([
      ...waiting.slice(0, 25).map((t) => claim(t)),
      ...seated.slice(25).map((t) => cancel(t)),
    ]);
    expect(answers.filter((a) => a.errors)).toEqual([]);
    const rows = await graph.db.getRepository(RegistrationEntity).find({ where: { eventId: event.id } });
    const status = (name: string) => rows.find((r) => r.name === name)!.status;
    expect(names(0, 25).map(status)).toEqual(Array(25).fill('CONFIRMED'));
    expect(await invited()).toEqual(names(25, 50));
    expect(await storedCounts(graph.db, event.id)).toMatchObject({ confirmed: 25, waitlisted: 25, rows: { confirmed: 25, waitlisted: 25 } });
    expect(await seats(event.globalId)).toMatchObject({ confirmed: 25, held: 25, remaining: 0 });
  });
});
