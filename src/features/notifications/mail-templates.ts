import { ContextDeps, createContext } from '../../context';
import { DomainError, ErrorCode } from '../../domain/errors';
import { toGlobalId } from '../../domain/global-id';
import { MailOutboxEntity } from '../../model/mail-outbox.entity';
import { RegistrationEntity } from '../../model/registration.entity';
import type { EventFeedService } from '../embeds/event-feed.service';
import { CONFIRMATION_TEMPLATE, confirmationTemplate } from './confirmation-mail';
import { EVENT_CANCELLED_TEMPLATE, eventCancelledTemplate } from './event-cancelled-mail';
import { MailTemplate } from './mail-template';
import { PROMOTION_TEMPLATE, promotionTemplate } from './promotion-mail';
import { INVITATION_TEMPLATE, invitationTemplate } from './invitation-mail';
import { SURVEY_TEMPLATE, surveyTemplate } from './survey-mail';
import { RegistrationMailSources } from './registration-mail';
import { REMINDER_TEMPLATE, reminderTemplate } from './reminder-mail';

/**
 * Every template the sender knows, reading as the public does (an unpublished event says nothing), each
 * look with fresh loaders: a message says what is true when it leaves. `now` is the sender's clock.
 */
export function mailTemplates(
  deps: ContextDeps, eventFeeds: EventFeedService, now: () => Date = () => new Date(),
  surveyLink?: RegistrationMailSources['surveyLink'],
): Record<string, MailTemplate> {
  const sources: RegistrationMailSources = {
    registration: (id) => deps.db.getRepository(RegistrationEntity).findOneBy({ id }),
    async event(eventId) {
      try {
        return await eventFeeds.one(await createContext(deps), toGlobalId('Event', eventId));
      } catch (error) {
        if (error instanceof DomainError && error.code === ErrorCode.NOT_FOUND) return null;
        throw error;
      }
    },
    waitlistRank: async (registration) => (await createContext(deps)).loaders.waitlistRankById.load(registration.id),
    async language(registrationId) {
      const confirmation = await deps.db.getRepository(MailOutboxEntity)
        .findOne({ select: { language: true }, where: { idempotencyKey: `confirmation:${registrationId}` } });
      return confirmation?.language ?? null;
    },
    now,
    surveyLink,
  };
  return {
    [CONFIRMATION_TEMPLATE]: confirmationTemplate(sources),
    [PROMOTION_TEMPLATE]: promotionTemplate(sources),
    [EVENT_CANCELLED_TEMPLATE]: eventCancelledTemplate(sources),
    [REMINDER_TEMPLATE]: reminderTemplate(sources),
    [INVITATION_TEMPLATE]: invitationTemplate(sources),
    [SURVEY_TEMPLATE]: surveyTemplate(sources),
  };
}
