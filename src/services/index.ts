import { DataSource } from 'typeorm';
import { CommunityPubSub } from '../pubsub/pubsub';
import { ApiKeyService } from './api-key.service';
import { EventFeedService } from './event-feed.service';
import { EventService } from './event.service';
import { NodeService } from './node.service';
import { PartnerService } from './partner.service';
import { ServiceListingService } from './service-listing.service';
import { RegistrationService } from './registration.service';
import { NativeEventService } from './native-event.service';
import { LiveService } from './live.service';

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
    registrations: new RegistrationService(db, options.pubsub),
    nativeEvents: new NativeEventService(db, options.pubsub),
    live: new LiveService(db, options.pubsub),
  };
}

export type Services = ReturnType<typeof createServices>;
