import { TxProgram } from '../../db/write-transaction';
import { offerFreedSeats, SeatOffer } from '../events/waitlist-offers';
import { storeInvitationMails } from '../notifications/invitation-mail';
import { storePromotionMails } from '../notifications/promotion-mail';

/** Offers freed seats to the waitlist (waitlist-offers.ts) and stores the mails that tell each party, in the same program. */
export function* offerSeatsWithMail(eventId: string, now: string): TxProgram<SeatOffer> {
  const offer = yield* offerFreedSeats(eventId, now);
  yield* storePromotionMails(offer.promoted, now);
  yield* storeInvitationMails(offer.invited, now);
  return offer;
}
