import { DataSource } from 'typeorm';
import { CommunityPubSub } from '../pubsub/pubsub';
import { ApiKeyService } from './api-key.service';
import { AvailabilityOptions, AvailabilityService, staticIlsDirectory } from './catalog/availability.service';
import { CatalogLinksService } from './catalog/catalog-links.service';
import { CatalogService } from './catalog/catalog.service';
import { EventService } from './event.service';
import { NodeService } from './node.service';
import { PartnerService } from './partner.service';

export interface ServiceOptions {
  maxPageSize: number;
  /** Where services publish event changes and registration counts (memory or Redis). */
  pubsub: CommunityPubSub;
  /** Live ILS availability; without it holdings show their status from the last catalog sync. */
  availability?: Partial<AvailabilityOptions>;
}

/** The composition of every service over one database; built once per process. */
export function createServices(db: DataSource, options: ServiceOptions) {
  const availability = new AvailabilityService({
    http: null, directory: staticIlsDirectory([]), cacheMs: 30_000, timeoutMs: 3000, breakerResetMs: 30_000, ...options.availability,
  });
  return {
    availability,
    catalog: new CatalogService(db, options.maxPageSize),
    catalogLinks: new CatalogLinksService(db),
    pubsub: options.pubsub,
    apiKeys: new ApiKeyService(db),
    events: new EventService(db, options.maxPageSize),
    nodes: new NodeService(),
    partners: new PartnerService(db),
  };
}

export type Services = ReturnType<typeof createServices>;
