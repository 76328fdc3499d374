import { RegistrationEntity } from '../../model/registration.entity';
import type { FeedItem } from '../embeds/event-feed.service';
import { eventPageUrl, placeText, whenText } from '../embeds/event-display';
import { renderICalendar } from '../embeds/icalendar.render';
import { MailBlock, mailHtml, mailText } from './mail-body';
import { MailTemplate, RenderedMail } from './mail-template';
import { MailWords, mailWordsFor } from './mail-words';
import { MailAttachment } from './outbox';

/** Where a registration mail's facts come from (the composition root reads them as the public does). */
export interface RegistrationMailSources {
  registration(id: string): Promise<RegistrationEntity | null>;
  /** The event as feeds show it; null once it is gone or unpublished. */
  event(eventId: string): Promise<FeedItem | null>;
  waitlistRank(registration: RegistrationEntity): Promise<number | null>;
  /** The language its confirmation was asked in (MailOutboxEntity.language), or null. */
  language(registrationId: string): Promise<string | null>;
  /** The clock of "has it started yet" (the sender's, in tests). */
  now(): Date;
  /**
   * A registrant's one-use link to the occurrence's own survey page, or null when it asks none of our
   * surveys (src/features/surveys/survey-mail-link.ts); absent: the survey mail uses surveyUrl only.
   */
  surveyLink?(eventId: string, now: Date): Promise<string | null>;
}

/** What a registration's later mails are stored with (registrationMailsInsert writes it in SQL). */
interface RegistrationMailContext {
  registrationId: string;
}

/** What a later mail is written from, as things stand when it is sent. */
export interface RegistrationMailFacts {
  registration: RegistrationEntity;
  item: FeedItem;
  words: MailWords;
  now: Date;
}

/**
 * A template for a mail about one registration after its confirmation (promotion, cancellation by the
 * library, reminder): nothing when the registration or its event is gone; otherwise `write` decides,
 * null when what the mail would say is no longer true.
 */
export function registrationMailTemplate(
  sources: RegistrationMailSources,
  write: (facts: RegistrationMailFacts) => RenderedMail | null | Promise<RenderedMail | null>,
): MailTemplate {
  return async (context) => {
    const c = context as RegistrationMailContext | null;
    if (!c || typeof c.registrationId !== 'string') throw new Error('a registration mail without its registration');
    const registration = await sources.registration(c.registrationId);
    if (!registration) return null;
    const item = await sources.event(registration.eventId);
    if (!item) return null;
    return write({ registration, item, words: mailWordsFor(await sources.language(registration.id)), now: sources.now() });
  };
}

/** When and where, as the confirmation says them (the venue's time zone). */
export function eventBlocks(item: FeedItem, words: MailWords): MailBlock[] {
  const place = placeText(item);
  return [{ label: words.when, value: whenText(item, words.locale) }, ...(place ? [{ label: words.where, value: place }] : [])];
}

/** The event page, when the event has one. */
export function pageBlocks(item: FeedItem, words: MailWords): MailBlock[] {
  const page = eventPageUrl(item);
  return page ? [{ label: words.eventPage, value: page, link: true }] : [];
}

/** The event as a calendar file (event.ics), as the public feed writes it. */
export function calendarAttachment(item: FeedItem): MailAttachment {
  const title = item.event.title;
  return {
    filename: 'event.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
    content: renderICalendar([item], { name: title, description: title, url: eventPageUrl(item) }),
  };
}

/** The text and HTML bodies of `blocks`, in the words' language. */
export function renderedMail(subject: string, blocks: MailBlock[], words: MailWords, attachments: MailAttachment[] = []): RenderedMail {
  return { subject, text: mailText(blocks), html: mailHtml(blocks, words.locale), attachments };
}
