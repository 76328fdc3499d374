import { attendedPeople } from '../../src/domain/party';
import { DataSource } from 'typeorm';
import { ApiKeyRole, AttendanceMode, EventStatus, PartnerKind, RegistrationMode } from '../../src/domain/enums';
import { toGlobalId } from '../../src/domain/global-id';
import { confirmationMail } from '../../src/features/notifications/confirmation-mail';
import { newId } from '../../src/domain/ids';
import { EventEntity } from '../../src/model/event.entity';
import { PartnerEntity } from '../../src/model/partner.entity';
import { RegistrationEntity } from '../../src/model/registration.entity';
import { ApiKeyService } from '../../src/features/partners/api-key.service';
import { runWriteTransaction } from '../../src/db/write-transaction';
import { registerProgram } from '../../src/features/registrations/registration-programs';

/** A partner with its own PARTNER key, for registration tests. */
export async function createPartner(db: DataSource, slug = `p-${newId().slice(0, 8)}`): Promise<{ partner: PartnerEntity; globalId: string; key: string }> {
  const partner = db.getRepository(PartnerEntity).create({
    id: newId(), slug, name: `Partner ${slug}`, kind: PartnerKind.LIBRARY, website: null, timezone: 'America/Chicago', createdAt: new Date(),
  });
  await db.getRepository(PartnerEntity).insert(partner);
  const { secret } = await new ApiKeyService(db).create({ role: ApiKeyRole.PARTNER, partnerId: partner.id, label: slug });
  return { partner, globalId: toGlobalId('Partner', partner.id), key: `Bearer ${secret}` };
}

/** A NATIVE event starting in a week, registration open now; override anything. */
export async function insertNativeEvent(db: DataSource, partnerId: string, overrides: Partial<EventEntity> = {}): Promise<EventEntity & { globalId: string }> {
  const now = Date.now();
  const event = db.getRepository(EventEntity).create({
    id: newId(), partnerId, seriesId: null, title: 'Robotics workshop', description: null,
    startsAt: new Date(now + 7 * 86_400_000), endsAt: new Date(now + 7 * 86_400_000 + 3_600_000), timezone: 'America/Chicago',
    allDay: false, startDate: null, endDate: null, status: EventStatus.SCHEDULED, attendanceMode: AttendanceMode.OFFLINE,
    audiences: [], rawAudiences: [], categories: [], url: null, imageUrl: null, locationId: null,
    registrationMode: RegistrationMode.NATIVE, registrationUrl: null, capacity: 10, waitlistCapacity: 2, maxPartySize: 4,
    confirmedCount: 0, waitlistedCount: 0, attendedCount: 0, registrationOpensAt: null, registrationClosesAt: null,
    sourceId: null, externalId: null, contentHash: null, fetchedAt: null, removedAt: null, sequence: 0,
    createdAt: new Date(now), updatedAt: new Date(now), ...overrides,
  });
  await db.getRepository(EventEntity).insert(event);
  return Object.assign(event, { globalId: toGlobalId('Event', event.id) });
}

export interface StoredCounts {
  confirmed: number;
  waitlisted: number;
  attended: number;
  /** The same, recomputed from the registration rows (people, not parties). */
  rows: { confirmed: number; waitlisted: number; attended: number; waitlistPositions: number[] };
}

/** The event row's counters beside what its registration rows add up to; they must always agree. */
export async function storedCounts(db: DataSource, eventId: string): Promise<StoredCounts> {
  const event = await db.getRepository(EventEntity).findOneByOrFail({ id: eventId });
  const registrations = await db.getRepository(RegistrationEntity).find({ where: { eventId }, order: { waitlistPosition: 'ASC' } });
  const people = (status: string) => registrations.filter((r) => r.status === status).reduce((sum, r) => sum + r.partySize, 0);
  return {
    confirmed: event.confirmedCount,
    waitlisted: event.waitlistedCount,
    attended: event.attendedCount,
    rows: {
      confirmed: people('CONFIRMED'),
      waitlisted: people('WAITLISTED'),
      attended: registrations.filter((r) => r.status === 'CONFIRMED').reduce((sum, r) => sum + attendedPeople(r), 0),
      waitlistPositions: registrations.filter((r) => r.status === 'WAITLISTED').map((r) => r.waitlistPosition!),
    },
  };
}

export const REGISTER = `mutation($input: RegisterInput!) {
  register(input: $input) {
    __typename
    ... on RegistrationTicket { cancelToken registration { id status waitlistPosition partySize event { id registration { confirmed waitlisted remaining } } } }
    ... on RegistrationRejected { code message }
  }
}`;

export const CANCEL = `mutation($input: CancelRegistrationInput!) {
  cancelRegistration(input: $input) { promoted registration { id status waitlistPosition } }
}`;

/**
 * One public registration of one person through the write runner (below the service: no HTTP, no
 * validation), answered as CONFIRMED, WAITLISTED, a rejection code or 'missing'.
 */
export function registerThroughRunner(db: DataSource, eventId: string, who: string): Promise<string> {
  const id = newId();
  const email = `${who}@example.org`;
  return runWriteTransaction(db, () => registerProgram({
    id, eventId, name: who, email, partySize: 1, cancelTokenHash: 'x'.repeat(64), idempotencyKeyHash: null,
    now: new Date(), staffOf: { everyPartner: false, partnerId: null }, confirmation: confirmationMail({ id, email }, 'x'.repeat(32), null),
  })).then((outcome) => (outcome.kind === 'registered' ? outcome.registration.status : outcome.kind === 'rejected' ? outcome.code : 'missing'));
}
