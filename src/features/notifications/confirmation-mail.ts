import { randomUUID } from 'node:crypto';
import { RegistrationStatus } from '../../domain/enums';
import { RegistrationEntity } from '../../model/registration.entity';
import type { FeedItem } from '../embeds/event-feed.service';
import { eventPageUrl, placeText, whenText } from '../embeds/event-display';
import { renderICalendar } from '../embeds/icalendar.render';
import { MailBlock, mailHtml, mailText } from './mail-body';
import { MailTemplate } from './mail-template';
import { mailWordsFor } from './mail-words';
import { TemplatedMail } from './outbox';

export const CONFIRMATION_TEMPLATE = 'registration.confirmation';

/** What a confirmation is written from. The cancel code exists only here until sent (the row keeps its hash). */
interface ConfirmationContext {
  registrationId: string;
  cancelToken: string;
  /** The BCP 47 tag the registrant asked for (RegisterInput.language), or null. */
  language: string | null;
}

/** The outbox row of a new registration's confirmation: one per registration (its key). */
export function confirmationMail(registration: { id: string; email: string }, cancelToken: string, language: string | null): TemplatedMail {
  const context: ConfirmationContext = { registrationId: registration.id, cancelToken, language };
  return {
    id: randomUUID(), idempotencyKey: `confirmation:${registration.id}`, to: registration.email,
    template: CONFIRMATION_TEMPLATE, context: JSON.stringify(context),
  };
}

/** Where a registration mail's facts come from (the composition root reads them as the public does). */
export interface RegistrationMailSources {
  registration(id: string): Promise<RegistrationEntity | null>;
  /** The event as feeds show it; null once it is gone or unpublished. */
  event(eventId: string): Promise<FeedItem | null>;
  waitlistRank(registration: RegistrationEntity): Promise<number | null>;
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
    const place = placeText(item);
    const page = eventPageUrl(item);
    const blocks: MailBlock[] = [
      { text: words.greeting(registration.name) },
      { text: confirmed ? words.confirmed(title) : words.waitlisted(title, rank) },
      { label: words.when, value: whenText(item, words.locale) },
      ...(place ? [{ label: words.where, value: place }] : []),
      { text: words.party(registration.partySize) },
      { label: words.code, value: context.cancelToken },
      { text: words.manage },
      ...(page ? [{ label: words.eventPage, value: page, link: true }] : []),
      ...(confirmed ? [{ text: words.calendarFile }] : []),
      { text: words.sentFor(item.partner.name) },
    ];
    return {
      subject: confirmed ? words.confirmedSubject(title) : words.waitlistedSubject(title),
      text: mailText(blocks),
      html: mailHtml(blocks, words.locale),
      attachments: confirmed
        ? [{ filename: 'event.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: renderICalendar([item], { name: title, description: title, url: page }) }]
        : [],
    };
  };
}
