import type { EventFeedService } from '../features/embeds/event-feed.service';
import type { ImpactService } from '../features/impact/impact.service';
import type { ApiKeyService } from '../features/partners/api-key.service';
import type { PartnerService } from '../features/partners/partner.service';
import type { LiveService } from '../features/registrations/live.service';
import type { SurveyLinkService } from '../features/surveys/survey-link.service';
import type { SurveyService } from '../features/surveys/survey.service';
import type { DataChanges } from '../pubsub/data-changes';
import type { CommunityPubSub } from '../pubsub/pubsub';

/** What the HTTP edge itself calls (feeds and embeds, reports, the survey page, graphql-ws, the response cache); compose.ts builds them. */
export interface EdgeServices {
  eventFeeds: EventFeedService;
  impact: ImpactService;
  partners: PartnerService;
  surveys: SurveyService;
  surveyLinks: SurveyLinkService;
  apiKeys: ApiKeyService;
  live: LiveService;
  pubsub: CommunityPubSub;
  dataChanges: DataChanges;
}
