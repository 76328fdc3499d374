import { access, StaffScope } from '../../domain/access';
import { EventStatus, RegistrationMode, RegistrationStatus } from '../../domain/enums';
import { exec, select, TxProgram } from '../../db/write-transaction';
import { RegistrationEntity } from '../../model/registration.entity';
import { TEMPLATED_INSERT, TemplatedMail, templatedValues } from '../notifications/outbox';
import { claimSeats, countAttendance, lockEvent, releaseSeats, SeatRow } from '../events/seats';
import { offerSeatsWithMail } from './seat-offers';
import { PartyCountEntry, storedMakeup } from './party-makeup';
import { attendedPeople } from '../../domain/party';

/**
 * The registration transactions, as statement programs for runWriteTransaction: the registration rows
 * are written here, the event's seats only through ./seats.ts, under its row lock. On PostgreSQL a
 * registration is instead one call of the database's register_party (./register-party.ts), which
 * restates rejectionFor and claimSeats and is checked against them.
 */
export enum RegistrationRejectionCode {
  EVENT_FULL = 'EVENT_FULL',
  REGISTRATION_CLOSED = 'REGISTRATION_CLOSED',
  NOT_REGISTRABLE = 'NOT_REGISTRABLE',
  ALREADY_REGISTERED = 'ALREADY_REGISTERED',
  EVENT_CANCELLED = 'EVENT_CANCELLED',
  PARTY_TOO_LARGE = 'PARTY_TOO_LARGE',
  WAITLIST_ONLY = 'WAITLIST_ONLY',
}

const REGISTRATION_COLUMNS = ['id', 'eventId', 'name', 'email', 'partySize', 'party', 'status', 'waitlistPosition', 'cancelTokenHash',
  'idempotencyKeyHash', 'attended', 'createdAt', 'updatedAt'];
const list = (columns: string[]) => columns.map((c) => `"${c}"`).join(', ');
/** What a program reads back: the inserted columns, and the invitation (INVITE waitlists) and who came, set later. */
const READ_COLUMNS = [...REGISTRATION_COLUMNS, 'invitedUntil', 'attendedParty'];

/**
 * Every statement text built once: a text made per call would be rebuilt and hashed again by the
 * prepared-statement cache on every registration (a few percent of one, measured in a profile).
 */
const SQL = {
  registrationById: `SELECT ${list(READ_COLUMNS)} FROM "registration" WHERE "id" = ?`,
  registrationByKey: `SELECT ${list(READ_COLUMNS)} FROM "registration" WHERE "eventId" = ? AND "idempotencyKeyHash" = ?`,
  activeByEmail: `SELECT "id" FROM "registration" WHERE "eventId" = ? AND "email" = ? AND "status" <> '${RegistrationStatus.CANCELLED}'`,
  insert: `INSERT INTO "registration" (${list(REGISTRATION_COLUMNS)}) VALUES (${REGISTRATION_COLUMNS.map(() => '?').join(', ')})`,
  checkIn: 'UPDATE "registration" SET "attended" = ?, "attendedParty" = ?, "updatedAt" = ? WHERE "id" = ?',
  // SET reads the row as it was: a party cancelled while waiting has left the waitlist (impact's waitlist conversion).
  cancel: `UPDATE "registration" SET "status" = '${RegistrationStatus.CANCELLED}', "waitlistPosition" = NULL, `
    + `"waitlistLeftAt" = CASE WHEN "status" = '${RegistrationStatus.WAITLISTED}' THEN ? ELSE "waitlistLeftAt" END, "updatedAt" = ? WHERE "id" = ?`,
};

const num = (value: unknown): number => Number(value);
const numOrNull = (value: unknown): number | null => (value == null ? null : Number(value));

/** A raw registration row as an entity (SQLite returns booleans as 0/1 and instants as text). */
export function toRegistration(row: Record<string, unknown>): RegistrationEntity {
  return Object.assign(new RegistrationEntity(), {
    ...row,
    partySize: num(row.partySize),
    // JSON text as stored (SQLite, and register_party_makeup's answer on PostgreSQL).
    party: typeof row.party === 'string' ? JSON.parse(row.party) as PartyCountEntry[] : null,
    attendedParty: typeof row.attendedParty === 'string' ? JSON.parse(row.attendedParty) as PartyCountEntry[] : null,
    waitlistPosition: numOrNull(row.waitlistPosition),
    attended: row.attended === true || row.attended === 1 || row.attended === '1',
    invitedUntil: row.invitedUntil ? new Date(String(row.invitedUntil)) : null,
    erasedAt: row.erasedAt ? new Date(String(row.erasedAt)) : null,
    promotedAt: row.promotedAt ? new Date(String(row.promotedAt)) : null,
    waitlistLeftAt: row.waitlistLeftAt ? new Date(String(row.waitlistLeftAt)) : null,
    createdAt: new Date(String(row.createdAt)),
    updatedAt: new Date(String(row.updatedAt)),
  });
}

export function* readRegistration(id: string): TxProgram<RegistrationEntity | null> {
  const [row] = yield* select(SQL.registrationById, [id]);
  return row ? toRegistration(row) : null;
}

/** Why this event cannot take this party right now, or null when it can. Checked under the lock. */
export function rejectionFor(event: SeatRow, partySize: number, now: Date): { code: RegistrationRejectionCode; message: string } | null {
  if (event.registrationMode !== RegistrationMode.NATIVE) {
    const where = event.registrationMode === RegistrationMode.EXTERNAL ? 'on the partner\'s own site' : 'not needed: just come';
    return { code: RegistrationRejectionCode.NOT_REGISTRABLE, message: `This event does not take registrations here (registration is ${where}).` };
  }
  if (event.status === EventStatus.CANCELLED) return { code: RegistrationRejectionCode.EVENT_CANCELLED, message: 'This event has been cancelled.' };
  const iso = now.toISOString();
  if (event.status === EventStatus.POSTPONED) return { code: RegistrationRejectionCode.REGISTRATION_CLOSED, message: 'This event is postponed; registration is closed until it has a new date.' };
  if (event.registrationOpensAt && iso < event.registrationOpensAt) {
    return { code: RegistrationRejectionCode.REGISTRATION_CLOSED, message: `Registration opens at ${event.registrationOpensAt}.` };
  }
  const closesAt = event.registrationClosesAt && event.registrationClosesAt < event.endsAt ? event.registrationClosesAt : event.endsAt;
  if (iso >= closesAt) return { code: RegistrationRejectionCode.REGISTRATION_CLOSED, message: `Registration closed at ${closesAt}.` };
  if (partySize > event.maxPartySize) {
    return { code: RegistrationRejectionCode.PARTY_TOO_LARGE, message: `A party may have at most ${event.maxPartySize} ${event.maxPartySize === 1 ? 'person' : 'people'}; asked for ${partySize}.` };
  }
  return null;
}

export interface NewRegistration {
  id: string;
  eventId: string;
  name: string;
  email: string;
  partySize: number;
  /** The makeup by category (./party-makeup.ts), null when the registrant gave none; partySize is its sum. */
  party?: PartyCountEntry[] | null;
  cancelTokenHash: string;
  /**
   * SHA-256 of RegisterInput.idempotencyKey (./idempotency-key.ts), or null. When a registration of
   * this event already has it, that registration comes back as 'existing' (read under the event's
   * lock, before any rule or seat claim) and nothing is written.
   */
  idempotencyKeyHash: string | null;
  now: Date;
  /**
   * Whose registrants the caller may know: only the event's own staff (access.coversPartner) may
   * learn that this email already holds a seat, as they read its registrants anyway. To anyone else
   * "already registered" would confirm that a person attends a program (a support group, a clinic),
   * so a repeat is simply a new registration.
   */
  staffOf: StaffScope;
  /** The confirmation, stored with the registration (and only with it) in the same transaction. */
  confirmation: TemplatedMail;
  /** A seat hold the party brings (RegisterInput.holdId); one that has ended or is unknown counts for nothing. */
  holdId?: string | null;
}

/** The refusals decided by the seats and the registrants rather than by rejectionFor's rules. */
export const ALREADY_REGISTERED_MESSAGE = 'This email address is already registered for this event.';
export const EVENT_FULL_MESSAGE = 'Every seat and waitlist place is taken.';

export type RegisterOutcome =
  | { kind: 'missing' }
  | { kind: 'rejected'; code: RegistrationRejectionCode; message: string; event: SeatRow }
  | { kind: 'registered'; registration: RegistrationEntity; event: SeatRow }
  | { kind: 'existing'; registration: RegistrationEntity; event: SeatRow };

function* registrationWithKey(eventId: string, keyHash: string): TxProgram<RegistrationEntity | null> {
  const [row] = yield* select(SQL.registrationByKey, [eventId, keyHash]);
  return row ? toRegistration(row) : null;
}

function* holdsRegistration(eventId: string, email: string): TxProgram<boolean> {
  const [row] = yield* select(SQL.activeByEmail, [eventId, email]);
  return !!row;
}

export function* registerProgram(input: NewRegistration): TxProgram<RegisterOutcome> {
  const event = yield* lockEvent(input.eventId);
  if (!event) return { kind: 'missing' };
  const existing = input.idempotencyKeyHash ? yield* registrationWithKey(input.eventId, input.idempotencyKeyHash) : null;
  if (existing) return { kind: 'existing', registration: existing, event };
  const rejection = rejectionFor(event, input.partySize, input.now);
  if (rejection) return { kind: 'rejected', ...rejection, event };
  if (access.coversPartner(input.staffOf, event.partnerId) && (yield* holdsRegistration(input.eventId, input.email))) {
    return { kind: 'rejected', code: RegistrationRejectionCode.ALREADY_REGISTERED, message: ALREADY_REGISTERED_MESSAGE, event };
  }
  const now = input.now.toISOString();
  const n = input.partySize;
  const claimed = yield* claimSeats(event, n, now, input.holdId ?? null);
  if (!claimed) return { kind: 'rejected', code: RegistrationRejectionCode.EVENT_FULL, message: EVENT_FULL_MESSAGE, event };
  let status = RegistrationStatus.CONFIRMED;
  let position: number | null = null;
  if (claimed === 'waitlisted') {
    const [next] = yield* select('SELECT COALESCE(MAX("waitlistPosition"), 0) + 1 AS "next" FROM "registration" WHERE "eventId" = ?', [input.eventId]);
    status = RegistrationStatus.WAITLISTED;
    position = num(next.next);
  }
  yield* exec(
    SQL.insert,
    [input.id, input.eventId, input.name, input.email, n, storedMakeup(input.party), status, position, input.cancelTokenHash, input.idempotencyKeyHash, false, now, now],
  );
  yield* exec(TEMPLATED_INSERT, templatedValues(input.confirmation, now));
  const after = (yield* lockEvent(input.eventId))!;
  return { kind: 'registered', registration: (yield* readRegistration(input.id))!, event: after };
}

export type CancelOutcome =
  | { kind: 'denied' }
  | { kind: 'cancelled'; registration: RegistrationEntity; promoted: string[]; event: SeatRow; changed: boolean };

export function* cancelProgram(registrationId: string, matches: (hash: string) => boolean, at: Date): TxProgram<CancelOutcome> {
  const found = yield* readRegistration(registrationId);
  if (!found || !matches(found.cancelTokenHash)) return { kind: 'denied' };
  yield* lockEvent(found.eventId);
  const current = (yield* readRegistration(registrationId))!;
  if (current.status === RegistrationStatus.CANCELLED) {
    return { kind: 'cancelled', registration: current, promoted: [], event: (yield* lockEvent(found.eventId))!, changed: false };
  }
  const now = at.toISOString();
  yield* exec(
    SQL.cancel,
    [now, now, registrationId],
  );
  const held = current.status === RegistrationStatus.CONFIRMED ? 'confirmed' : 'waitlisted';
  yield* releaseSeats(current.eventId, held, current.partySize, attendedPeople(current), now);
  const promoted = (yield* offerSeatsWithMail(current.eventId, now)).promoted;
  return {
    kind: 'cancelled', registration: (yield* readRegistration(registrationId))!, promoted,
    event: (yield* lockEvent(current.eventId))!, changed: true,
  };
}

export type CheckInOutcome =
  | { kind: 'not-confirmed'; registration: RegistrationEntity }
  | { kind: 'checked'; registration: RegistrationEntity; event: SeatRow; changed: boolean };

/**
 * Marks who of a CONFIRMED party came (attended, and `party` by category or null for all of them), or
 * undoes it (attended false: nobody); the event's attendedCount moves by the people who changed.
 */
export function* checkInProgram(
  registration: RegistrationEntity, attended: boolean, party: PartyCountEntry[] | null, at: Date,
): TxProgram<CheckInOutcome> {
  yield* lockEvent(registration.eventId);
  const current = (yield* readRegistration(registration.id))!;
  if (current.status !== RegistrationStatus.CONFIRMED) return { kind: 'not-confirmed', registration: current };
  const next = { ...current, attended, attendedParty: attended ? party : null };
  const changed = current.attended !== attended || storedMakeup(current.attendedParty) !== storedMakeup(next.attendedParty);
  if (changed) {
    const now = at.toISOString();
    yield* exec(SQL.checkIn, [attended, storedMakeup(next.attendedParty), now, current.id]);
    yield* countAttendance(current.eventId, attendedPeople(next) - attendedPeople(current));
  }
  return { kind: 'checked', registration: (yield* readRegistration(current.id))!, event: (yield* lockEvent(current.eventId))!, changed };
}
