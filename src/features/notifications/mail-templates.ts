import { ContextDeps, createContext } from '../../context';
import { DomainError, ErrorCode } from '../../domain/errors';
import { toGlobalId } from '../../domain/global-id';
import { RegistrationEntity } from '../../model/registration.entity';
import type { EventFeedService } from '../embeds/event-feed.service';
import { CONFIRMATION_TEMPLATE, confirmationTemplate, RegistrationMailSources } from './confirmation-mail';
import { MailTemplate } from './mail-template';

/**
 * Every template the sender knows, reading as the public does (an unpublished event says nothing), each
 * look with fresh loaders: a message says what is true when it leaves.
 */
export function mailTemplates(deps: ContextDeps, eventFeeds: EventFeedService): Record<string, MailTemplate> {
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
  };
  return { [CONFIRMATION_TEMPLATE]: confirmationTemplate(sources) };
}
