import { RegistrationStatus } from '../../domain/enums';
import { TxProgram } from '../../db/write-transaction';
import { RegistrationEntity } from '../../model/registration.entity';
import { lockEvent, SeatRow } from '../events/seats';
import { claimInvitedSeats } from '../events/waitlist-offers';
import { storePromotionMails } from '../notifications/promotion-mail';
import { readRegistration } from './registration-programs';

export type ClaimOutcome =
  | { kind: 'denied' }
  | { kind: 'not-invited'; registration: RegistrationEntity }
  | { kind: 'no-room'; registration: RegistrationEntity }
  | { kind: 'claimed'; registration: RegistrationEntity; event: SeatRow; changed: boolean };

/**
 * An invited party takes its seats (INVITE waitlists), proving ownership with its cancel token: confirmed
 * while the invitation is open, told so by the promotion mail; a second claim changes nothing.
 */
export function* claimProgram(registrationId: string, matches: (hash: string) => boolean, at: Date): TxProgram<ClaimOutcome> {
  const found = yield* readRegistration(registrationId);
  if (!found || !matches(found.cancelTokenHash)) return { kind: 'denied' };
  const event = (yield* lockEvent(found.eventId))!;
  const current = (yield* readRegistration(registrationId))!;
  if (current.status === RegistrationStatus.CONFIRMED) return { kind: 'claimed', registration: current, event, changed: false };
  if (current.status !== RegistrationStatus.WAITLISTED || !current.invitedUntil || current.invitedUntil <= at) {
    return { kind: 'not-invited', registration: current };
  }
  const now = at.toISOString();
  if (!(yield* claimInvitedSeats(current.eventId, current.id, current.partySize, event.seatHolds, now))) return { kind: 'no-room', registration: current };
  yield* storePromotionMails([current.id], now);
  return { kind: 'claimed', registration: (yield* readRegistration(registrationId))!, event: (yield* lockEvent(current.eventId))!, changed: true };
}
