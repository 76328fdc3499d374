import { DataSource } from 'typeorm';
import { CommunityPubSub } from '../pubsub/pubsub';
import { ApiKeyService } from './api-key.service';
import { EventFeedService } from './event-feed.service';
import { AvailabilityOptions, AvailabilityService, sourceIlsDirectory } from './catalog/availability.service';
import { CatalogLinksService } from './catalog/catalog-links.service';
import { CatalogService } from './catalog/catalog.service';
import { EventService } from './event.service';
import { NodeService } from './node.service';
import { PartnerService } from './partner.service';
import { ServiceListingService } from './service-listing.service';
import { RegistrationService } from './registration.service';
import { NativeEventService } from './native-event.service';
import { LiveService } from './live.service';
import { DataChanges } from './data-changes';
import { LiveDeliveryLimits, loadSyncConfig, SyncConfig } from '../config';
import { HttpClient } from '../datasources/adapter';
import { createAdapters } from '../datasources';
import { createHttpClient } from '../datasources/http';
import { UrlPolicy } from '../datasources/url-policy';
import { SINK_FACTORIES } from './sync/sinks';
import { SourceLocks } from './sync/source-lock';
import { SourceService } from './sync/source.service';
import { SyncService } from './sync/sync.service';

export interface ServiceOptions {
  maxPageSize: number;
  /** Where services publish event changes and registration counts (memory or Redis). */
  pubsub: CommunityPubSub;
  /** Fetch policy and recurrence window of partner syncs; defaults as documented in config.ts. */
  sync?: SyncConfig;
  /** The client partner pulls go through (defaults to createHttpClient with `sync`'s policy). */
  httpClient?: HttpClient;
  /** Which source URLs may be fetched (SSRF rules); absent: no restriction (tests, CLI on trusted input). */
  urlPolicy?: UrlPolicy;
  /** Live ILS availability; without it holdings show their status from the last catalog sync. */
  availability?: Partial<AvailabilityOptions>;
  /** How far a live subscriber's socket may fall behind before delivery holds back, then closes it. */
  liveDelivery?: LiveDeliveryLimits;
  /** Aborted when the process shuts down: partner fetches in flight stop, and syncs that were pulling give up. */
  stopping?: AbortSignal;
}

/** The SSRF policy as the fetch client's hook: every request and every redirect hop is checked. */
const checkUrlWith = (policy: UrlPolicy) => async (url: URL): Promise<void> => {
  await policy.checkUrl(url.href);
};

/** The composition of every service over one database; built once per process. */
export function createServices(db: DataSource, options: ServiceOptions) {
  const syncConfig = options.sync ?? loadSyncConfig({});
  const dataChanges = new DataChanges(options.pubsub);
  const sync = new SyncService(db, {
    http: options.httpClient ?? createHttpClient({
      timeoutMs: syncConfig.timeoutMs, retries: syncConfig.retries, maxBodyBytes: syncConfig.maxBodyBytes,
      ...(options.urlPolicy ? { checkUrl: checkUrlWith(options.urlPolicy), lookup: options.urlPolicy.guardedLookup } : {}),
      signal: options.stopping,
    }),
    stopping: options.stopping,
    // MARC streams file: URLs itself; it applies the same SOURCE_FILE_ROOTS rule as the HttpClient.
    adapters: createAdapters({ fileRoots: options.urlPolicy ? options.urlPolicy.fileRoots : null }),
    sinks: SINK_FACTORIES.map((create) => create({ pubsub: options.pubsub })),
    windowPastDays: syncConfig.windowPastDays,
    windowAheadDays: syncConfig.windowAheadDays,
    reexpandHours: syncConfig.reexpandHours,
    dataChanges,
  });
  const syncLocks = new SourceLocks(db);
  const availability = new AvailabilityService({
    http: null, directory: sourceIlsDirectory(db), cacheMs: 30_000, timeoutMs: 3000, breakerResetMs: 30_000, ...options.availability,
  });
  return {
    availability,
    catalog: new CatalogService(db, options.maxPageSize),
    catalogLinks: new CatalogLinksService(db),
    pubsub: options.pubsub,
    dataChanges,
    apiKeys: new ApiKeyService(db, options.pubsub),
    events: new EventService(db, options.maxPageSize),
    nodes: new NodeService(),
    partners: new PartnerService(db, dataChanges),
    eventFeeds: new EventFeedService(options.maxPageSize),
    listings: new ServiceListingService(db, options.maxPageSize),
    registrations: new RegistrationService(db, options.pubsub, dataChanges),
    nativeEvents: new NativeEventService(db, options.pubsub, dataChanges),
    live: new LiveService(db, options.pubsub, options.liveDelivery),
    sync,
    syncLocks,
    sources: new SourceService(db, sync, syncLocks, dataChanges),
  };
}

export type Services = ReturnType<typeof createServices>;
