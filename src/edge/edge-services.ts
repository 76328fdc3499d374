import type { EventFeedService } from '../features/embeds/event-feed.service';
import type { ApiKeyService } from '../features/partners/api-key.service';
import type { LiveService } from '../features/registrations/live.service';
import type { DataChanges } from '../pubsub/data-changes';
import type { CommunityPubSub } from '../pubsub/pubsub';

/** What the HTTP edge itself calls (feeds and embeds, graphql-ws, the response cache); compose.ts builds them. */
export interface EdgeServices {
  eventFeeds: EventFeedService;
  apiKeys: ApiKeyService;
  live: LiveService;
  pubsub: CommunityPubSub;
  dataChanges: DataChanges;
}
