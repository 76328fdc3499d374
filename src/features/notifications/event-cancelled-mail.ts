import { EventStatus, RegistrationStatus } from '../../domain/enums';
import { exec, TxProgram } from '../../db/write-transaction';
import { whenText } from '../embeds/event-display';
import { MailTemplate } from './mail-template';
import { registrationMailsInsert } from './outbox';
import { pageBlocks, RegistrationMailSources, registrationMailTemplate, renderedMail } from './registration-mail';

export const EVENT_CANCELLED_TEMPLATE = 'registration.event-cancelled';

const EVENT_CANCELLED_INSERT = registrationMailsInsert('event-cancelled', EVENT_CANCELLED_TEMPLATE,
  `FROM "registration" r WHERE r."eventId" = ? AND r."status" IN ('${RegistrationStatus.CONFIRMED}', '${RegistrationStatus.WAITLISTED}')`);

/** Stores, inside the cancelling program, one mail per active (confirmed or waitlisted) registration of the event. */
export function* storeEventCancelledMails(eventId: string, now: string): TxProgram<void> {
  yield* exec(EVENT_CANCELLED_INSERT, [now, now, eventId]);
}

/**
 * "The library cancelled the event", with the date it would have been. Nothing for a registration the
 * person cancelled meanwhile (they know), or if the event is somehow not cancelled when it is sent.
 */
export function eventCancelledTemplate(sources: RegistrationMailSources): MailTemplate {
  return registrationMailTemplate(sources, ({ registration, item, words }) => {
    if (registration.status === RegistrationStatus.CANCELLED || item.event.status !== EventStatus.CANCELLED) return null;
    const title = item.event.title;
    return renderedMail(words.eventCancelledSubject(title), [
      { text: words.greeting(registration.name) },
      { text: words.eventCancelled(title) },
      { label: words.wouldHaveBeen, value: whenText(item, words.locale) },
      ...pageBlocks(item, words),
      { text: words.sentFor(item.partner.name) },
    ], words);
  });
}
