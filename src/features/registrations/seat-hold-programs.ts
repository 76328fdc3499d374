import { TxProgram } from '../../db/write-transaction';
import { holdSeats, lockEvent, releaseHold, SeatRow } from '../events/seats';
import { SeatHold } from '../events/seat-holds';
import { offerSeatsWithMail } from './seat-offers';
import { EVENT_FULL_MESSAGE, RegistrationRejectionCode, rejectionFor } from './registration-programs';

export type HoldOutcome =
  | { kind: 'missing' }
  | { kind: 'rejected'; code: RegistrationRejectionCode; message: string }
  | { kind: 'held'; hold: SeatHold; event: SeatRow };

const WAITLIST_ONLY_MESSAGE = 'No seat is free to hold; register to join the waitlist.';

/** Sets seats aside for a party about to register, under the same rules register applies. */
export function* holdProgram(eventId: string, hold: SeatHold, now: Date): TxProgram<HoldOutcome> {
  const event = yield* lockEvent(eventId);
  if (!event) return { kind: 'missing' };
  const rejection = rejectionFor(event, hold.n, now);
  if (rejection) return { kind: 'rejected', ...rejection };
  if (!(yield* holdSeats(event, hold, now.toISOString()))) {
    return event.waitlistedCount + hold.n <= event.waitlistCapacity
      ? { kind: 'rejected', code: RegistrationRejectionCode.WAITLIST_ONLY, message: WAITLIST_ONLY_MESSAGE }
      : { kind: 'rejected', code: RegistrationRejectionCode.EVENT_FULL, message: EVENT_FULL_MESSAGE };
  }
  return { kind: 'held', hold, event: (yield* lockEvent(eventId))! };
}

export type ReleaseOutcome = { kind: 'missing' } | { kind: 'released'; changed: boolean; event: SeatRow };

/** Gives held seats back early, to the waitlist first; a hold that ended or was used already changes nothing. */
export function* releaseHoldProgram(eventId: string, holdId: string, now: Date): TxProgram<ReleaseOutcome> {
  const event = yield* lockEvent(eventId);
  if (!event) return { kind: 'missing' };
  const changed = yield* releaseHold(event, holdId, now.toISOString());
  if (changed && event.waitlistedCount > 0) yield* offerSeatsWithMail(eventId, now.toISOString());
  return { kind: 'released', changed, event: changed ? (yield* lockEvent(eventId))! : event };
}
