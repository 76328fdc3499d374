import { EventStatus, RegistrationMode, RegistrationStatus } from '../../domain/enums';
import { exec, select, TxProgram } from '../../db/write-transaction';
import { RegistrationCountsMessage } from '../../pubsub/topics';
import { activeHolds, heldAt, heldSeats, parseHolds, SeatHold } from './seat-holds';

/**
 * An event's seats, the one module that changes them: registrations (claim, release, check in) and
 * partner edits (capacity) both call it. Every program reads the event row first with a lock (FOR
 * UPDATE on PostgreSQL; SQLite's IMMEDIATE transaction holds the write lock), and every change is a
 * conditional UPDATE that cannot take the counts past capacity, so the database, not this process,
 * arbitrates between replicas. Counts live on the event row (docs/ARCHITECTURE.md, "Decisions").
 */
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
  /** JSON of the seat holds (./seat-holds.ts); some of them may have ended. */
  seatHolds: string;
}

const SEAT_COLUMNS = ['id', 'partnerId', 'status', 'registrationMode', 'capacity', 'waitlistCapacity', 'maxPartySize',
  'confirmedCount', 'waitlistedCount', 'attendedCount', 'registrationOpensAt', 'registrationClosesAt', 'endsAt', 'seatHolds'];

const num = (value: unknown): number => Number(value);
const numOrNull = (value: unknown): number | null => (value == null ? null : Number(value));

/** A raw event row's seat columns (numbers arrive as text from some drivers). */
export function toSeatRow(row: Record<string, unknown>): SeatRow {
  return {
    ...(row as unknown as SeatRow),
    capacity: numOrNull(row.capacity), waitlistCapacity: num(row.waitlistCapacity), maxPartySize: num(row.maxPartySize),
    confirmedCount: num(row.confirmedCount), waitlistedCount: num(row.waitlistedCount), attendedCount: num(row.attendedCount),
  };
}

// Statement texts built once (not per call: the prepared-statement cache would hash each new copy).
const LOCK_EVENT_SQL = `SELECT ${SEAT_COLUMNS.map((c) => `"${c}"`).join(', ')} FROM "event" WHERE "id" = ?`;
const releaseSql = (counter: string) =>
  `UPDATE "event" SET "${counter}" = "${counter}" - ?, "attendedCount" = "attendedCount" - ?, "updatedAt" = ? WHERE "id" = ?`;
const RELEASE_SQL = { confirmed: releaseSql('confirmedCount'), waitlisted: releaseSql('waitlistedCount') };
const WAITING_SQL = `SELECT "id", "partySize" FROM "registration" WHERE "eventId" = ? AND "status" = '${RegistrationStatus.WAITLISTED}'
     ORDER BY "waitlistPosition", "id"`;
const CONFIRM_SQL = `UPDATE "registration" SET "status" = '${RegistrationStatus.CONFIRMED}', "waitlistPosition" = NULL, "promotedAt" = ?, "updatedAt" = ? WHERE "id" = ?`;

export function* lockEvent(eventId: string): TxProgram<SeatRow | null> {
  const [row] = yield* select(LOCK_EVENT_SQL, [eventId], true);
  return row ? toSeatRow(row) : null;
}

/**
 * Claims `n` seats, or else `n` waitlist places: 'confirmed', 'waitlisted' or null when neither fits.
 * Seats go to the waitlist first while anyone is waiting, so a small party never overtakes it, and never
 * take another party's held seat. A party bringing its own hold (`holdId`, of `n` people or more) is
 * confirmed on it even if a waitlist formed since: the seat was set aside before anyone waited. Either
 * way the stored holds lose the ended ones and the party's own (register_party does the same).
 */
export function* claimSeats(event: SeatRow, n: number, now: string, holdId: string | null = null): TxProgram<'confirmed' | 'waitlisted' | null> {
  const inForce = activeHolds(parseHolds(event.seatHolds), now);
  const own = inForce.find((h) => h.id === holdId);
  const others = inForce.filter((h) => h !== own);
  const held = heldAt(others, now);
  const holds = JSON.stringify(others);
  const confirmed = yield* exec(
    `UPDATE "event" SET "confirmedCount" = "confirmedCount" + ?, "seatHolds" = ?, "updatedAt" = ?
     WHERE "id" = ? AND (? OR "waitlistedCount" = 0) AND ("capacity" IS NULL OR "confirmedCount" + ? <= "capacity")`,
    [n, holds, now, event.id, !!own && own.n >= n, held + n],
  );
  if (confirmed === 1) return 'confirmed';
  const waitlisted = yield* exec(
    `UPDATE "event" SET "waitlistedCount" = "waitlistedCount" + ?, "seatHolds" = ?, "updatedAt" = ?
     WHERE "id" = ? AND "waitlistedCount" + ? <= "waitlistCapacity"`,
    [n, holds, now, event.id, n],
  );
  return waitlisted === 1 ? 'waitlisted' : null;
}

/**
 * Sets `n` free seats aside until `until` for a party filling in the form: only while nobody waits and
 * the seats are neither taken nor held. Drops the ended holds as it writes. False when they do not fit.
 */
export function* holdSeats(event: SeatRow, hold: SeatHold, now: string): TxProgram<boolean> {
  const inForce = activeHolds(parseHolds(event.seatHolds), now);
  const held = heldAt(inForce, now);
  const changed = yield* exec(
    `UPDATE "event" SET "seatHolds" = ?, "updatedAt" = ?
     WHERE "id" = ? AND "waitlistedCount" = 0 AND ("capacity" IS NULL OR "confirmedCount" + ? <= "capacity")`,
    [JSON.stringify([...inForce, hold]), now, event.id, held + hold.n],
  );
  return changed === 1;
}

/** Lets a hold go before its time (the form was closed); false when it had already ended or gone. */
export function* releaseHold(event: SeatRow, holdId: string, now: string): TxProgram<boolean> {
  const inForce = activeHolds(parseHolds(event.seatHolds), now);
  const rest = inForce.filter((h) => h.id !== holdId);
  if (rest.length === inForce.length) return false;
  yield* exec('UPDATE "event" SET "seatHolds" = ?, "updatedAt" = ? WHERE "id" = ?', [JSON.stringify(rest), now, event.id]);
  return true;
}

/** Gives back what a cancelled party held: its seats or waitlist places, and its check-ins. */
export function* releaseSeats(eventId: string, held: 'confirmed' | 'waitlisted', n: number, attended: number, now: string): TxProgram<void> {
  yield* exec(RELEASE_SQL[held], [n, attended, now, eventId]);
}

/** People checked in (+n) or un-checked (-n). */
export function* countAttendance(eventId: string, delta: number): TxProgram<void> {
  yield* exec('UPDATE "event" SET "attendedCount" = "attendedCount" + ? WHERE "id" = ?', [delta, eventId]);
}

/**
 * Confirms waitlisted registrations in waitlist order while they fit beside the `held` seats (held seats
 * stay held: they were set aside before anyone waited); stops at the first that does not fit. An
 * AUTO_PROMOTE waitlist's offer (./waitlist-offers.ts).
 */
export function* promoteWaitlist(eventId: string, now: string, held: number): TxProgram<string[]> {
  const waiting = yield* select(
    WAITING_SQL,
    [eventId],
  );
  const promoted: string[] = [];
  for (const row of waiting) {
    const n = num(row.partySize);
    const fits = yield* exec(
      `UPDATE "event" SET "confirmedCount" = "confirmedCount" + ?, "waitlistedCount" = "waitlistedCount" - ?, "updatedAt" = ?
       WHERE "id" = ? AND ("capacity" IS NULL OR "confirmedCount" + ? <= "capacity")`,
      [n, n, now, eventId, held + n],
    );
    if (fits !== 1) break;
    yield* exec(
      CONFIRM_SQL,
      [now, now, String(row.id)],
    );
    promoted.push(String(row.id));
  }
  return promoted;
}

/**
 * The seat counts of an event row as published on REGISTRATION_COUNTS (no personal data); changedAt =
 * commit time. Held seats are counted at that time and are not among the remaining ones.
 */
export function countsMessage(
  event: { id: string; partnerId: string; capacity: number | null; confirmedCount: number; waitlistedCount: number; seatHolds: string },
  changedAt: Date,
): RegistrationCountsMessage {
  const held = heldSeats(event.seatHolds, changedAt);
  return {
    eventId: event.id,
    partnerId: event.partnerId,
    capacity: event.capacity,
    confirmed: event.confirmedCount,
    waitlisted: event.waitlistedCount,
    held,
    remaining: event.capacity == null ? null : Math.max(0, event.capacity - event.confirmedCount - held),
    changedAt: changedAt.toISOString(),
  };
}
