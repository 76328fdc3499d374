import { EventStatus, RegistrationStatus } from '../../domain/enums';
import { MailTemplate } from './mail-template';
import { eventBlocks, pageBlocks, RegistrationMailSources, registrationMailTemplate, renderedMail } from './registration-mail';

export const REMINDER_TEMPLATE = 'registration.reminder';

/** The statuses under which an event still takes place at its time (POSTPONED has none). */
export const REMINDED_EVENT_STATUSES = [EventStatus.SCHEDULED, EventStatus.RESCHEDULED, EventStatus.MOVED_ONLINE];

/**
 * "You are registered for this, soon": planned by ReminderPlanner. Nothing once the registration is no
 * longer confirmed, the event no longer takes place at a time, or it has started.
 */
export function reminderTemplate(sources: RegistrationMailSources): MailTemplate {
  return registrationMailTemplate(sources, ({ registration, item, words, now }) => {
    if (registration.status !== RegistrationStatus.CONFIRMED || !REMINDED_EVENT_STATUSES.includes(item.event.status)) return null;
    if (item.event.startsAt.getTime() <= now.getTime()) return null;
    const title = item.event.title;
    return renderedMail(words.reminderSubject(title), [
      { text: words.greeting(registration.name) },
      { text: words.reminder(title) },
      ...eventBlocks(item, words),
      { text: words.party(registration.partySize) },
      { text: words.earlierCode },
      ...pageBlocks(item, words),
      { text: words.sentFor(item.partner.name) },
    ], words);
  });
}
