import { DateTime } from 'luxon';
import { EventStatus, RegistrationStatus } from '../../domain/enums';
import { exec, TxProgram } from '../../db/write-transaction';
import { MailTemplate } from './mail-template';
import { registrationMailsInsert } from './outbox';
import { eventBlocks, pageBlocks, RegistrationMailSources, registrationMailTemplate, renderedMail } from './registration-mail';

export const INVITATION_TEMPLATE = 'registration.invitation';

const INVITATION_INSERT = registrationMailsInsert('invitation', INVITATION_TEMPLATE, 'FROM "registration" r WHERE r."id" = ?');

/** Stores the invitation mail of each party an INVITE waitlist just invited, inside the inviting program. */
export function* storeInvitationMails(registrationIds: string[], now: string): TxProgram<void> {
  for (const id of registrationIds) yield* exec(INVITATION_INSERT, [now, now, id]);
}

/**
 * "A seat is free for you: claim it by …", the deadline at the venue. Nothing once the invitation is no
 * longer open (claimed, lapsed, cancelled) or the event is cancelled.
 */
export function invitationTemplate(sources: RegistrationMailSources): MailTemplate {
  return registrationMailTemplate(sources, ({ registration, item, words, now }) => {
    const until = registration.invitedUntil;
    if (registration.status !== RegistrationStatus.WAITLISTED || !until || until <= now || item.event.status === EventStatus.CANCELLED) return null;
    const title = item.event.title;
    const deadline = DateTime.fromJSDate(until, { zone: item.event.timezone }).setLocale(words.locale)
      .toLocaleString({ weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
    return renderedMail(words.invitedSubject(title), [
      { text: words.greeting(registration.name) },
      { text: words.invited(title, deadline) },
      ...eventBlocks(item, words),
      { text: words.party(registration.partySize) },
      ...pageBlocks(item, words),
      { text: words.sentFor(item.partner.name) },
    ], words);
  });
}
