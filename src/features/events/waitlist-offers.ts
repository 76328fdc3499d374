import { RegistrationStatus, WaitlistMode } from '../../domain/enums';
import { exec, select, TxProgram } from '../../db/write-transaction';
import { activeHolds, heldAt, parseHolds, SeatHold } from './seat-holds';
import { promoteWaitlist } from './seats';

/** What freed seats did for the waitlist: confirmed parties (AUTO_PROMOTE), or invited ones and lapsed invitations (INVITE). */
export interface SeatOffer {
  promoted: string[];
  invited: string[];
  lapsed: string[];
}

export const DEFAULT_INVITE_HOURS = 24;

/** The seat hold of an invitation: its seats wait for the invited party alone. */
export const invitationHoldId = (registrationId: string): string => `invite:${registrationId}`;

const OFFER_SQL = 'SELECT "seatHolds", "waitlistMode", "inviteHours", "capacity", "confirmedCount" FROM "event" WHERE "id" = ?';
const WAITING = `SELECT "id", "partySize" FROM "registration" WHERE "eventId" = ? AND "status" = '${RegistrationStatus.WAITLISTED}'`;
const LAPSED_SQL = `${WAITING} AND "invitedUntil" IS NOT NULL AND "invitedUntil" <= ?`;
const UNINVITED_SQL = `${WAITING} AND "invitedUntil" IS NULL ORDER BY "waitlistPosition", "id"`;
const LAPSE_SQL = `UPDATE "registration" SET "status" = '${RegistrationStatus.CANCELLED}', "waitlistPosition" = NULL, "invitedUntil" = NULL, "waitlistLeftAt" = ?, "updatedAt" = ? WHERE "id" = ?`;
const INVITE_SQL = 'UPDATE "registration" SET "invitedUntil" = ?, "updatedAt" = ? WHERE "id" = ?';

/**
 * Gives seats that are free (a cancellation, more capacity, a hold or an invitation that ended) to the
 * waitlist, in its order, under the event row's lock (the caller's). AUTO_PROMOTE confirms the next
 * parties that fit. INVITE first lapses the invitations that ended (those parties leave the waitlist:
 * the seat passes on), then invites the next parties that fit: each gets inviteHours to claim, its
 * seats held for it meanwhile. Either way the first party that does not fit stops the offer: nobody is
 * passed over. Ended holds leave the row.
 */
export function* offerFreedSeats(eventId: string, now: string): TxProgram<SeatOffer> {
  const [event] = yield* select(OFFER_SQL, [eventId]);
  const offer: SeatOffer = { promoted: [], invited: [], lapsed: [] };
  if (!event) return offer;
  const stored = parseHolds(event.seatHolds as string | null);
  const holds = activeHolds(stored, now);
  if (event.waitlistMode !== WaitlistMode.INVITE) {
    if (holds.length !== stored.length) yield* writeHolds(eventId, holds, now);
    offer.promoted = yield* promoteWaitlist(eventId, now, heldAt(holds, now));
    return offer;
  }
  offer.lapsed = yield* lapseInvitations(eventId, now);
  const capacity = event.capacity == null ? Infinity : Number(event.capacity);
  let free = capacity - Number(event.confirmedCount) - heldAt(holds, now);
  const until = new Date(Date.parse(now) + (event.inviteHours == null ? DEFAULT_INVITE_HOURS : Number(event.inviteHours)) * 3_600_000).toISOString();
  for (const row of yield* select(UNINVITED_SQL, [eventId])) {
    const n = Number(row.partySize);
    if (n > free) break;
    const id = String(row.id);
    yield* exec(INVITE_SQL, [until, now, id]);
    holds.push({ id: invitationHoldId(id), n, until });
    offer.invited.push(id);
    free -= n;
  }
  if (holds.length !== stored.length || offer.invited.length) yield* writeHolds(eventId, holds, now);
  return offer;
}

function* lapseInvitations(eventId: string, now: string): TxProgram<string[]> {
  const lapsed: string[] = [];
  for (const row of yield* select(LAPSED_SQL, [eventId, now])) {
    yield* exec(LAPSE_SQL, [now, now, String(row.id)]);
    yield* exec('UPDATE "event" SET "waitlistedCount" = "waitlistedCount" - ? WHERE "id" = ?', [Number(row.partySize), eventId]);
    lapsed.push(String(row.id));
  }
  return lapsed;
}

function* writeHolds(eventId: string, holds: SeatHold[], now: string): TxProgram<void> {
  yield* exec('UPDATE "event" SET "seatHolds" = ?, "updatedAt" = ? WHERE "id" = ?', [JSON.stringify(holds), now, eventId]);
}

/**
 * Confirms an invited party on its held seats: the invitation's hold leaves the row, the party moves from
 * the waitlist to the seats. False when the seats no longer fit (the partner cut capacity below them).
 */
export function* claimInvitedSeats(eventId: string, registrationId: string, n: number, seatHolds: string, now: string): TxProgram<boolean> {
  const rest = activeHolds(parseHolds(seatHolds), now).filter((h) => h.id !== invitationHoldId(registrationId));
  const changed = yield* exec(
    `UPDATE "event" SET "confirmedCount" = "confirmedCount" + ?, "waitlistedCount" = "waitlistedCount" - ?, "seatHolds" = ?, "updatedAt" = ?
     WHERE "id" = ? AND ("capacity" IS NULL OR "confirmedCount" + ? <= "capacity")`,
    [n, n, JSON.stringify(rest), now, eventId, n],
  );
  if (changed !== 1) return false;
  yield* exec(
    `UPDATE "registration" SET "status" = '${RegistrationStatus.CONFIRMED}', "waitlistPosition" = NULL, "invitedUntil" = NULL, "promotedAt" = ?, "updatedAt" = ? WHERE "id" = ?`,
    [now, now, registrationId],
  );
  return true;
}
