import { EventStatus, RegistrationMode, RegistrationStatus } from '../domain/enums';
import { exec, select, TxProgram } from '../db/write-transaction';
import { RegistrationEntity } from '../entities';

/**
 * The seat-changing transactions, as statement programs for runWriteTransaction. Every program reads
 * the event row first with a lock (FOR UPDATE on PostgreSQL; SQLite's IMMEDIATE transaction holds the
 * write lock), and every seat change is still a conditional UPDATE that cannot take the counts past
 * capacity, so the database, not this process, arbitrates between replicas.
 */
export enum RegistrationRejectionCode {
  EVENT_FULL = 'EVENT_FULL',
  REGISTRATION_CLOSED = 'REGISTRATION_CLOSED',
  NOT_REGISTRABLE = 'NOT_REGISTRABLE',
  ALREADY_REGISTERED = 'ALREADY_REGISTERED',
  EVENT_CANCELLED = 'EVENT_CANCELLED',
  PARTY_TOO_LARGE = 'PARTY_TOO_LARGE',
}

export interface SeatRow {
  id: string;
  partnerId: string;
  status: EventStatus;
  registrationMode: RegistrationMode;
  capacity: number | null;
  waitlistCapacity: number;
  maxPartySize: number;
  confirmedCount: number;
  waitlistedCount: number;
  attendedCount: number;
  registrationOpensAt: string | null;
  registrationClosesAt: string | null;
  endsAt: string;
}

const SEAT_COLUMNS = ['id', 'partnerId', 'status', 'registrationMode', 'capacity', 'waitlistCapacity', 'maxPartySize',
  'confirmedCount', 'waitlistedCount', 'attendedCount', 'registrationOpensAt', 'registrationClosesAt', 'endsAt'];
const REGISTRATION_COLUMNS = ['id', 'eventId', 'name', 'email', 'partySize', 'status', 'waitlistPosition', 'cancelTokenHash',
  'attended', 'createdAt', 'updatedAt'];
const list = (columns: string[]) => columns.map((c) => `"${c}"`).join(', ');

const num = (value: unknown): number => Number(value);
const numOrNull = (value: unknown): number | null => (value == null ? null : Number(value));

function toSeatRow(row: Record<string, unknown>): SeatRow {
  return {
    ...(row as unknown as SeatRow),
    capacity: numOrNull(row.capacity), waitlistCapacity: num(row.waitlistCapacity), maxPartySize: num(row.maxPartySize),
    confirmedCount: num(row.confirmedCount), waitlistedCount: num(row.waitlistedCount), attendedCount: num(row.attendedCount),
  };
}

/** A raw registration row as an entity (SQLite returns booleans as 0/1 and instants as text). */
export function toRegistration(row: Record<string, unknown>): RegistrationEntity {
  return Object.assign(new RegistrationEntity(), {
    ...row,
    partySize: num(row.partySize),
    waitlistPosition: numOrNull(row.waitlistPosition),
    attended: row.attended === true || row.attended === 1 || row.attended === '1',
    createdAt: new Date(String(row.createdAt)),
    updatedAt: new Date(String(row.updatedAt)),
  });
}

export function* lockEvent(eventId: string): TxProgram<SeatRow | null> {
  const [row] = yield* select(`SELECT ${list(SEAT_COLUMNS)} FROM "event" WHERE "id" = ?`, [eventId], true);
  return row ? toSeatRow(row) : null;
}

function* readRegistration(id: string): TxProgram<RegistrationEntity | null> {
  const [row] = yield* select(`SELECT ${list(REGISTRATION_COLUMNS)} FROM "registration" WHERE "id" = ?`, [id]);
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
  cancelTokenHash: string;
  now: Date;
  /**
   * Whether the caller may learn that this email already holds a seat: true only for the event's own
   * staff, who read its registrants anyway. To anyone else "already registered" would confirm that a
   * person attends a program (a support group, a clinic), so a repeat is simply a new registration.
   */
  mayKnowRegistrants: (partnerId: string) => boolean;
}

export type RegisterOutcome =
  | { kind: 'missing' }
  | { kind: 'rejected'; code: RegistrationRejectionCode; message: string; event: SeatRow }
  | { kind: 'registered'; registration: RegistrationEntity; event: SeatRow };

function* holdsRegistration(eventId: string, email: string): TxProgram<boolean> {
  const [row] = yield* select(
    `SELECT "id" FROM "registration" WHERE "eventId" = ? AND "email" = ? AND "status" <> '${RegistrationStatus.CANCELLED}'`,
    [eventId, email],
  );
  return !!row;
}

export function* registerProgram(input: NewRegistration): TxProgram<RegisterOutcome> {
  const event = yield* lockEvent(input.eventId);
  if (!event) return { kind: 'missing' };
  const rejection = rejectionFor(event, input.partySize, input.now);
  if (rejection) return { kind: 'rejected', ...rejection, event };
  if (input.mayKnowRegistrants(event.partnerId) && (yield* holdsRegistration(input.eventId, input.email))) {
    return { kind: 'rejected', code: RegistrationRejectionCode.ALREADY_REGISTERED, message: 'This email address is already registered for this event.', event };
  }
  const now = input.now.toISOString();
  const n = input.partySize;
  // Seats go to the waitlist first while anyone is waiting, so a small party never overtakes it.
  const confirmed = yield* exec(
    `UPDATE "event" SET "confirmedCount" = "confirmedCount" + ?, "updatedAt" = ?
     WHERE "id" = ? AND "waitlistedCount" = 0 AND ("capacity" IS NULL OR "confirmedCount" + ? <= "capacity")`,
    [n, now, input.eventId, n],
  );
  let status = RegistrationStatus.CONFIRMED;
  let position: number | null = null;
  if (confirmed !== 1) {
    const waitlisted = yield* exec(
      `UPDATE "event" SET "waitlistedCount" = "waitlistedCount" + ?, "updatedAt" = ?
       WHERE "id" = ? AND "waitlistedCount" + ? <= "waitlistCapacity"`,
      [n, now, input.eventId, n],
    );
    if (waitlisted !== 1) {
      return { kind: 'rejected', code: RegistrationRejectionCode.EVENT_FULL, message: 'Every seat and waitlist place is taken.', event };
    }
    const [next] = yield* select('SELECT COALESCE(MAX("waitlistPosition"), 0) + 1 AS "next" FROM "registration" WHERE "eventId" = ?', [input.eventId]);
    status = RegistrationStatus.WAITLISTED;
    position = num(next.next);
  }
  yield* exec(
    `INSERT INTO "registration" (${list(REGISTRATION_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [input.id, input.eventId, input.name, input.email, n, status, position, input.cancelTokenHash, false, now, now],
  );
  const after = (yield* lockEvent(input.eventId))!;
  return { kind: 'registered', registration: (yield* readRegistration(input.id))!, event: after };
}

/** Confirms waitlisted registrations in waitlist order while they fit; stops at the first that does not. */
export function* promoteWaitlist(eventId: string, now: string): TxProgram<string[]> {
  const waiting = yield* select(
    `SELECT "id", "partySize" FROM "registration" WHERE "eventId" = ? AND "status" = '${RegistrationStatus.WAITLISTED}'
     ORDER BY "waitlistPosition", "id"`,
    [eventId],
  );
  const promoted: string[] = [];
  for (const row of waiting) {
    const n = num(row.partySize);
    const fits = yield* exec(
      `UPDATE "event" SET "confirmedCount" = "confirmedCount" + ?, "waitlistedCount" = "waitlistedCount" - ?, "updatedAt" = ?
       WHERE "id" = ? AND ("capacity" IS NULL OR "confirmedCount" + ? <= "capacity")`,
      [n, n, now, eventId, n],
    );
    if (fits !== 1) break;
    yield* exec(
      `UPDATE "registration" SET "status" = '${RegistrationStatus.CONFIRMED}', "waitlistPosition" = NULL, "updatedAt" = ? WHERE "id" = ?`,
      [now, String(row.id)],
    );
    promoted.push(String(row.id));
  }
  return promoted;
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
    `UPDATE "registration" SET "status" = '${RegistrationStatus.CANCELLED}', "waitlistPosition" = NULL, "updatedAt" = ? WHERE "id" = ?`,
    [now, registrationId],
  );
  const counter = current.status === RegistrationStatus.CONFIRMED ? 'confirmedCount' : 'waitlistedCount';
  const attended = current.attended ? current.partySize : 0;
  yield* exec(
    `UPDATE "event" SET "${counter}" = "${counter}" - ?, "attendedCount" = "attendedCount" - ?, "updatedAt" = ? WHERE "id" = ?`,
    [current.partySize, attended, now, current.eventId],
  );
  const promoted = yield* promoteWaitlist(current.eventId, now);
  return {
    kind: 'cancelled', registration: (yield* readRegistration(registrationId))!, promoted,
    event: (yield* lockEvent(current.eventId))!, changed: true,
  };
}

export type CheckInOutcome =
  | { kind: 'not-confirmed'; registration: RegistrationEntity }
  | { kind: 'checked'; registration: RegistrationEntity; event: SeatRow; changed: boolean };

export function* checkInProgram(registration: RegistrationEntity, attended: boolean, at: Date): TxProgram<CheckInOutcome> {
  yield* lockEvent(registration.eventId);
  const current = (yield* readRegistration(registration.id))!;
  if (current.status !== RegistrationStatus.CONFIRMED) return { kind: 'not-confirmed', registration: current };
  const changed = current.attended !== attended;
  if (changed) {
    const now = at.toISOString();
    yield* exec('UPDATE "registration" SET "attended" = ?, "updatedAt" = ? WHERE "id" = ?', [attended, now, current.id]);
    yield* exec('UPDATE "event" SET "attendedCount" = "attendedCount" + ? WHERE "id" = ?', [attended ? current.partySize : -current.partySize, current.eventId]);
  }
  return { kind: 'checked', registration: (yield* readRegistration(current.id))!, event: (yield* lockEvent(current.eventId))!, changed };
}
