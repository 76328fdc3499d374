import { EventStatus, RegistrationStatus } from '../../domain/enums';
import { exec, TxProgram } from '../../db/write-transaction';
import { MailTemplate } from './mail-template';
import { registrationMailsInsert } from './outbox';
import {
  calendarAttachment, eventBlocks, pageBlocks, RegistrationMailSources, registrationMailTemplate, renderedMail,
} from './registration-mail';

export const PROMOTION_TEMPLATE = 'registration.promotion';

const PROMOTION_INSERT = registrationMailsInsert('promotion', PROMOTION_TEMPLATE, 'FROM "registration" r WHERE r."id" = ?');

/**
 * Stores the promotion mail of each registration the waitlist just confirmed (promoteWaitlist's answer),
 * inside the promoting program, so the mail exists if and only if the promotion does.
 */
export function* storePromotionMails(registrationIds: string[], now: string): TxProgram<void> {
  for (const id of registrationIds) yield* exec(PROMOTION_INSERT, [now, now, id]);
}

/**
 * "Your place on the waitlist became a seat", with the event's time, place and .ics file. The cancel code
 * is not in it: only its hash is stored, so the person is pointed to their first email. Nothing once the
 * registration is no longer confirmed (cancelled since) or the event is cancelled (that mail says so).
 */
export function promotionTemplate(sources: RegistrationMailSources): MailTemplate {
  return registrationMailTemplate(sources, ({ registration, item, words }) => {
    if (registration.status !== RegistrationStatus.CONFIRMED || item.event.status === EventStatus.CANCELLED) return null;
    const title = item.event.title;
    return renderedMail(words.promotedSubject(title), [
      { text: words.greeting(registration.name) },
      { text: words.promoted(title) },
      ...eventBlocks(item, words),
      { text: words.party(registration.partySize) },
      { text: words.earlierCode },
      ...pageBlocks(item, words),
      { text: words.calendarFile },
      { text: words.sentFor(item.partner.name) },
    ], words, [calendarAttachment(item)]);
  });
}
