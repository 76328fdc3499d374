import { DataSource } from 'typeorm';
import { openDatabase } from '../../../src/db/data-source';
import { StaffScope } from '../../../src/domain/access';
import { EventStatus, RegistrationMode, RegistrationStatus } from '../../../src/domain/enums';
import { confirmationMail } from '../../../src/features/notifications/confirmation-mail';
import { newId } from '../../../src/domain/ids';
import { EventEntity } from '../../../src/model/event.entity';
import { outcomeOf, registerParty } from '../../../src/features/registrations/register-party';
import { rejectionFor } from '../../../src/features/registrations/registration-programs';
import { createTestDatabase, describeEachBackend, TestDatabase } from '../../support/backends';
import { createPartner, insertNativeEvent, storedCounts } from '../../support/native-event';

/**
 * The registration rules are stated twice: rejectionFor and claimSeats in TypeScript (SQLite runs
 * them) and PostgreSQL's register_party function. Every rule, its boundaries and their order run here
 * on both backends with the same expected answers, so the two statements cannot drift apart.
 */
describeEachBackend('registration rules, the same on every backend', (backend) => {
  let database: TestDatabase;
  let db: DataSource;
  let partnerId: string;
  const now = new Date(Date.UTC(2026, 11, 7, 9, 0, 0));
  const at = (ms: number) => new Date(now.getTime() + ms);
  const HOUR = 3_600_000;
  const PUBLIC: StaffScope = { everyPartner: false, partnerId: null };

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    db = await openDatabase(database.config);
    partnerId = (await createPartner(db)).partner.id;
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  async function register(eventId: string, options: { partySize?: number; email?: string; staffOf?: StaffScope } = {}) {
    const id = newId();
    const email = options.email ?? `${newId()}@example.org`;
    const outcome = await registerParty(db, {
      id, eventId, name: 'Ada', email, partySize: options.partySize ?? 1,
      cancelTokenHash: newId().padEnd(64, 'x').slice(0, 64), idempotencyKeyHash: null, now, staffOf: options.staffOf ?? PUBLIC,
      confirmation: confirmationMail({ id, email }, 'x'.repeat(32), null),
    });
    if (outcome.kind === 'missing') return { answer: 'missing' };
    if (outcome.kind === 'rejected') return { answer: outcome.code, message: outcome.message };
    return { answer: outcome.registration.status, position: outcome.registration.waitlistPosition, counts: [outcome.event.confirmedCount, outcome.event.waitlistedCount] };
  }

  const cases: [string, Partial<EventEntity>, number, string][] = [
    ['an EXTERNAL event', { registrationMode: RegistrationMode.EXTERNAL }, 1, 'NOT_REGISTRABLE'],
    ['an event without registration', { registrationMode: RegistrationMode.NONE }, 1, 'NOT_REGISTRABLE'],
    ['a cancelled EXTERNAL event (mode first)', { registrationMode: RegistrationMode.EXTERNAL, status: EventStatus.CANCELLED }, 1, 'NOT_REGISTRABLE'],
    ['a cancelled event', { status: EventStatus.CANCELLED }, 1, 'EVENT_CANCELLED'],
    ['a postponed event', { status: EventStatus.POSTPONED }, 1, 'REGISTRATION_CLOSED'],
    ['registration opening in a millisecond', { registrationOpensAt: at(1) }, 1, 'REGISTRATION_CLOSED'],
    ['registration opening exactly now', { registrationOpensAt: at(0) }, 1, 'CONFIRMED'],
    ['registration closing in a millisecond', { registrationClosesAt: at(1) }, 1, 'CONFIRMED'],
    ['registration closed exactly now', { registrationClosesAt: at(0) }, 1, 'REGISTRATION_CLOSED'],
    ['a close after the end (the end counts)', { registrationClosesAt: at(10 * HOUR), endsAt: at(0), startsAt: at(-HOUR) }, 1, 'REGISTRATION_CLOSED'],
    ['an event that has ended', { startsAt: at(-2 * HOUR), endsAt: at(-HOUR) }, 1, 'REGISTRATION_CLOSED'],
    ['a party of the largest size', { maxPartySize: 3 }, 3, 'CONFIRMED'],
    ['a party one too large', { maxPartySize: 3 }, 4, 'PARTY_TOO_LARGE'],
    ['a too-large party for a closed event (window first)', { maxPartySize: 1, status: EventStatus.POSTPONED }, 2, 'REGISTRATION_CLOSED'],
    ['a party that fills the last seats', { capacity: 4, confirmedCount: 1 }, 3, 'CONFIRMED'],
    ['a party too large for the seats left, onto the waitlist', { capacity: 4, confirmedCount: 2, waitlistCapacity: 3 }, 3, 'WAITLISTED'],
    ['a free seat while someone waits (waitlist first)', { capacity: 4, confirmedCount: 2, waitlistedCount: 1, waitlistCapacity: 3 }, 1, 'WAITLISTED'],
    ['no seat and no waitlist place', { capacity: 2, confirmedCount: 2, waitlistCapacity: 1, waitlistedCount: 1 }, 1, 'EVENT_FULL'],
    ['no capacity limit', { capacity: null, confirmedCount: 500 }, 4, 'CONFIRMED'],
  ];

  it.each(cases)('answers %s', async (_name, overrides, partySize, expected) => {
    const event = await insertNativeEvent(db, partnerId, { maxPartySize: 4, ...overrides });
    const stored = (await db.getRepository(EventEntity).findOneByOrFail({ id: event.id }));
    const seatRow = { ...stored, registrationOpensAt: stored.registrationOpensAt?.toISOString() ?? null,
      registrationClosesAt: stored.registrationClosesAt?.toISOString() ?? null, endsAt: stored.endsAt.toISOString() };
    const rule = rejectionFor(seatRow, partySize, now);
    expect(rule?.code ?? 'no rule').toBe(['CONFIRMED', 'WAITLISTED', 'EVENT_FULL'].includes(expected) ? 'no rule' : expected);
    const answer = await register(event.id, { partySize });
    expect(answer.answer).toBe(expected);
    if (rule) expect(answer.message).toBe(rule.message);
  });

  it('answers missing for an unknown event', async () => {
    expect((await register(newId())).answer).toBe('missing');
  });

  it('gives waitlist positions max + 1, and returns the counts after the claim', async () => {
    const event = await insertNativeEvent(db, partnerId, { capacity: 1, waitlistCapacity: 5 });
    expect(await register(event.id)).toMatchObject({ answer: 'CONFIRMED', position: null, counts: [1, 0] });
    expect(await register(event.id, { partySize: 2 })).toMatchObject({ answer: 'WAITLISTED', position: 1, counts: [1, 2] });
    expect(await register(event.id)).toMatchObject({ answer: 'WAITLISTED', position: 2, counts: [1, 3] });
    const counts = await storedCounts(db, event.id);
    expect(counts).toMatchObject({ confirmed: 1, waitlisted: 3, rows: { confirmed: 1, waitlisted: 3, waitlistPositions: [1, 2] } });
  });

  it('answers ALREADY_REGISTERED to the event\'s own staff and an admin only', async () => {
    const event = await insertNativeEvent(db, partnerId, { capacity: 10 });
    const email = `${newId()}@example.org`;
    expect((await register(event.id, { email })).answer).toBe('CONFIRMED');
    expect((await register(event.id, { email, staffOf: { everyPartner: false, partnerId } })).answer).toBe('ALREADY_REGISTERED');
    expect((await register(event.id, { email, staffOf: { everyPartner: true, partnerId: null } })).answer).toBe('ALREADY_REGISTERED');
    expect((await register(event.id, { email, staffOf: { everyPartner: false, partnerId: 'another-partner' } })).answer).toBe('CONFIRMED');
    expect((await register(event.id, { email })).answer).toBe('CONFIRMED');
  });

  it('keeps counts, rows and waitlist positions exact under 120 simultaneous registrations', async () => {
    const event = await insertNativeEvent(db, partnerId, { capacity: 40, waitlistCapacity: 30 });
    const answers = await Promise.all(Array.from({ length: 120 }, () => register(event.id)));
    // Arrivals in one turn are one group commit on either backend, served in arrival order.
    expect(answers.map((a) => a.answer)).toEqual([
      ...Array<string>(40).fill(RegistrationStatus.CONFIRMED), ...Array<string>(30).fill(RegistrationStatus.WAITLISTED), ...Array<string>(50).fill('EVENT_FULL'),
    ]);
    expect(answers.slice(40, 70).map((a) => a.position)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const counts = await storedCounts(db, event.id);
    expect(counts).toMatchObject({ confirmed: 40, waitlisted: 30, rows: { confirmed: 40, waitlisted: 30 } });
    expect(counts.rows.waitlistPositions).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it('fails only the registration the database refuses; the others arriving with it register', async () => {
    const event = await insertNativeEvent(db, partnerId, { capacity: 10, waitlistCapacity: 0 });
    const call = (name: string | null) => {
      const id = newId();
      const email = `${newId()}@example.org`;
      return registerParty(db, {
        id, eventId: event.id, name: name as string, email, partySize: 1,
        cancelTokenHash: newId().padEnd(64, 'x').slice(0, 64), idempotencyKeyHash: null, now, staffOf: PUBLIC,
        confirmation: confirmationMail({ id, email }, 'x'.repeat(32), null),
      });
    };
    // A name the service would never pass: the registration row's NOT NULL refuses it inside the group.
    const settled = await Promise.allSettled(['Ada', 'Grace', null, 'Edsger', 'Barbara'].map(call));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(settled.filter((s) => s.status === 'fulfilled').map((s) => (s as PromiseFulfilledResult<{ kind: string }>).value.kind)).toEqual(Array(4).fill('registered'));
    expect(await storedCounts(db, event.id)).toMatchObject({ confirmed: 4, rows: { confirmed: 4 } });
  });
});

describe('register_party\'s answer, read against rejectionFor', () => {
  const event = {
    id: 'e1', partnerId: 'p1', status: EventStatus.CANCELLED, registrationMode: RegistrationMode.NATIVE, capacity: 10, waitlistCapacity: 0,
    maxPartySize: 4, confirmedCount: 0, waitlistedCount: 0, attendedCount: 0, registrationOpensAt: null, registrationClosesAt: null,
    endsAt: '2099-01-01T00:00:00.000Z',
  };
  const input = { partySize: 1, now: new Date('2026-12-07T09:00:00.000Z') };

  it('fails loudly when the database registers a party the rules refuse, or refuses for another reason', () => {
    expect(() => outcomeOf({ outcome: 'CONFIRMED', event, registration: {} }, input)).toThrow(/register_party answered CONFIRMED .* rejectionFor answers EVENT_CANCELLED/);
    expect(() => outcomeOf({ outcome: 'EVENT_FULL', event, registration: null }, input)).toThrow(/answers EVENT_CANCELLED/);
    expect(() => outcomeOf({ outcome: 'REGISTRATION_CLOSED', event, registration: null }, input)).toThrow(/answers EVENT_CANCELLED/);
  });

  it('takes the message from rejectionFor when both agree', () => {
    expect(outcomeOf({ outcome: 'EVENT_CANCELLED', event, registration: null }, input)).toMatchObject({
      kind: 'rejected', code: 'EVENT_CANCELLED', message: 'This event has been cancelled.',
    });
  });
});
