import { randomUUID } from 'node:crypto';
import { RegistrationStatus, WaitlistMode } from '../../domain/enums';
import type { FeedItem } from '../embeds/event-feed.service';
import { eventPageUrl } from '../embeds/event-display';
import { MailBlock, mailHtml, mailText } from './mail-body';
import { MailTemplate } from './mail-template';
import { MailWords, mailWordsFor } from './mail-words';
import { TemplatedMail } from './outbox';
import { calendarAttachment, eventBlocks, pageBlocks, RegistrationMailSources } from './registration-mail';

export const CONFIRMATION_TEMPLATE = 'registration.confirmation';

/** What a confirmation is written from. The cancel code exists only here until sent (the row keeps its hash). */
interface ConfirmationContext {
  registrationId: string;
  cancelToken: string;
  /** The BCP 47 tag the registrant asked for (RegisterInput.language), or null. */
  language: string | null;
}

/** The event page opening this registration in the widget's manage view (widget.ts, openLinkedCode); none without a page. */
function manageBlocks(item: FeedItem, words: MailWords, code: string): MailBlock[] {
  const page = eventPageUrl(item);
  return page ? [{ label: words.manageLink, value: `${page.split('#')[0]}#cg-code=${code}`, link: true }] : [];
}

/** The outbox row of a new registration's confirmation: one per registration (its key). */
export function confirmationMail(registration: { id: string; email: string }, cancelToken: string, language: string | null): TemplatedMail {
  const context: ConfirmationContext = { registrationId: registration.id, cancelToken, language };
  return {
    id: randomUUID(), idempotencyKey: `confirmation:${registration.id}`, to: registration.email,
    template: CONFIRMATION_TEMPLATE, context: JSON.stringify(context), language,
  };
}

function isContext(value: unknown): value is ConfirmationContext {
  const c = value as ConfirmationContext | null;
  return !!c && typeof c.registrationId === 'string' && typeof c.cancelToken === 'string';
}

/**
 * The confirmation as things stand when it is sent: confirmed (with the event as an .ics file) or
 * waitlisted (with the place in line); nothing once the registration is cancelled or erased.
 */
export function confirmationTemplate(sources: RegistrationMailSources): MailTemplate {
  return async (context) => {
    if (!isContext(context)) throw new Error('a confirmation without its registration and code');
    const registration = await sources.registration(context.registrationId);
    if (!registration || registration.status === RegistrationStatus.CANCELLED) return null;
    const item = await sources.event(registration.eventId);
    if (!item) return null;
    const words = mailWordsFor(context.language);
    const title = item.event.title;
    const confirmed = registration.status === RegistrationStatus.CONFIRMED;
    const rank = confirmed ? null : await sources.waitlistRank(registration);
    const blocks: MailBlock[] = [
      { text: words.greeting(registration.name) },
      { text: confirmed ? words.confirmed(title) : words.waitlisted(title, rank, item.event.waitlistMode === WaitlistMode.INVITE) },
      ...eventBlocks(item, words),
      { text: words.party(registration.partySize) },
      { label: words.code, value: context.cancelToken },
      { text: words.manage },
      ...manageBlocks(item, words, context.cancelToken),
      ...pageBlocks(item, words),
      ...(confirmed ? [{ text: words.calendarFile }] : []),
      { text: words.sentFor(item.partner.name) },
    ];
    return {
      subject: confirmed ? words.confirmedSubject(title) : words.waitlistedSubject(title),
      text: mailText(blocks),
      html: mailHtml(blocks, words.locale),
      attachments: confirmed ? [calendarAttachment(item)] : [],
    };
  };
}
