import { DataSource } from 'typeorm';
import { CommunityPubSub } from '../pubsub/pubsub';
import { ApiKeyService } from './api-key.service';
import { EventFeedService } from './event-feed.service';
import { EventService } from './event.service';
import { NodeService } from './node.service';
import { PartnerService } from './partner.service';
import { ServiceListingService } from './service-listing.service';

export interface ServiceOptions {
  maxPageSize: number;
  /** Where services publish event changes and registration counts (memory or Redis). */
  pubsub: CommunityPubSub;
}

/** The composition of every service over one database; built once per process. */
export function createServices(db: DataSource, options: ServiceOptions) {
  return {
    pubsub: options.pubsub,
    apiKeys: new ApiKeyService(db),
    events: new EventService(db, options.maxPageSize),
    nodes: new NodeService(),
    partners: new PartnerService(db),
    eventFeeds: new EventFeedService(options.maxPageSize),
    listings: new ServiceListingService(db, options.maxPageSize),
  };
}

export type Services = ReturnType<typeof createServices>;
