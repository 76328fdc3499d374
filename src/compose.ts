import { DataSource } from 'typeorm';
import { catalogSection } from './features/catalog/schema-section';
import { embedsSection } from './features/embeds/schema-section';
import { eventsSection } from './features/events/schema-section';
import { listingsSection } from './features/listings/schema-section';
import { partnersSection } from './features/partners/schema-section';
import { registrationsSection } from './features/registrations/schema-section';
import { impactSection } from './features/impact/schema-section';
import { surveysSection } from './features/surveys/schema-section';
import { sourcesSection } from './features/sources/schema-section';
import { nodeLoadersOf, SchemaSection } from './schema/schema-section';
import { sharedSection } from './schema/shared-section';
import { CommunityPubSub } from './pubsub/pubsub';
import { ApiKeyService } from './features/partners/api-key.service';
import { EventFeedService } from './features/embeds/event-feed.service';
import { AvailabilityOptions, AvailabilityService, sourceIlsDirectory } from './features/catalog/availability.service';
import { CatalogLinksService } from './features/catalog/catalog-links.service';
import { CatalogService } from './features/catalog/catalog.service';
import { EventService } from './features/events/event.service';
import { NodeService } from './schema/node.service';
import { PartnerService } from './features/partners/partner.service';
import { ServiceListingService } from './features/listings/service-listing.service';
import { RegistrationService } from './features/registrations/registration.service';
import { RegistrantRetention } from './features/registrations/registrant-retention';
import { PrivacyRequests } from './features/registrations/privacy-requests';
import { NativeEventService } from './features/events/native-event.service';
import { EventSeriesService } from './features/events/event-series.service';
import type { EventChangeHooks } from './features/events/native-event-programs';
import { LiveService } from './features/registrations/live.service';
import { AttendanceService } from './features/registrations/attendance.service';
import { ImpactService } from './features/impact/impact.service';
import { SurveyService } from './features/surveys/survey.service';
import { SurveyLinkService } from './features/surveys/survey-link.service';
import { DataChanges } from './pubsub/data-changes';
import { Config, loadConfig, SyncConfig } from './config';
import { createAdapters } from './datasources';
import { createPartnerClient, PartnerClientOptions } from './datasources/shared/partner-client';
import { createUrlPolicy, UrlPolicy } from './datasources/shared/url-policy';
import { Logger } from './logger';
import { CatalogSink } from './features/catalog/catalog.sink';
import { createEventsSink } from './features/events/events.sink';
import { storeEventCancelledMails } from './features/notifications/event-cancelled-mail';
import { storePromotionMails } from './features/notifications/promotion-mail';
import { storeInvitationMails } from './features/notifications/invitation-mail';
import { ServicesSink } from './features/listings/services.sink';
import { SourceLocks } from './features/sources/source-lock';
import { SourceService } from './features/sources/source.service';
import { SyncService } from './features/sources/sync.service';

/** The settings services are built from; every default is config.ts's (`loadConfig({})`). */
export type ServiceConfig = Pick<Config, 'maxPageSize' | 'sync' | 'sourceFetch' | 'ils' | 'liveDelivery' | 'registrantRetentionDays'>;

const defaults = loadConfig({});
const DEFAULT_SERVICE_CONFIG: ServiceConfig = {
  maxPageSize: defaults.maxPageSize, sync: defaults.sync, sourceFetch: defaults.sourceFetch, ils: defaults.ils, liveDelivery: defaults.liveDelivery,
  registrantRetentionDays: defaults.registrantRetentionDays,
};

export interface ServiceOptions {
  /** Defaults: `loadConfig({})`, i.e. the documented defaults of every variable. */
  config?: Partial<ServiceConfig>;
  /** Where services publish event changes and registration counts (memory or Redis). */
  pubsub: CommunityPubSub;
  /**
   * Which partner URLs may be fetched (SSRF rules); default: `createUrlPolicy(config.sourceFetch)`.
   * There is no unrestricted mode: the CLI, the server, the scheduler and the ILS client all fetch
   * under one policy.
   */
  urlPolicy?: UrlPolicy;
  /** Tuning of the sync's partner client (timeouts, retries); the policy hooks are always the policy's. */
  partnerHttp?: PartnerClientOptions;
  /** Live ILS availability; defaults to a partner client under the same policy and `config.ils`. */
  availability?: Partial<AvailabilityOptions>;
  /** Aborted when the process shuts down: partner fetches in flight stop, and syncs that were pulling give up. */
  stopping?: AbortSignal;
  logger?: Logger;
}

export interface SyncEngineDeps {
  sync: SyncConfig;
  urlPolicy: UrlPolicy;
  pubsub: CommunityPubSub;
  dataChanges: DataChanges;
  partnerHttp?: PartnerClientOptions;
  stopping?: AbortSignal;
  logger?: Logger;
}

/** The sync engine with every adapter and sink, fetching only what `urlPolicy` allows (also used by the demo seed). */
export function createSyncService(db: DataSource, deps: SyncEngineDeps): SyncService {
  return new SyncService(db, {
    http: createPartnerClient(deps.urlPolicy, {
      timeoutMs: deps.sync.timeoutMs, retries: deps.sync.retries, maxBodyBytes: deps.sync.maxBodyBytes,
      maxRedirects: deps.urlPolicy.maxRedirects, signal: deps.stopping, ...deps.partnerHttp,
    }),
    stopping: deps.stopping,
    // MARC streams file: URLs itself; it applies the same SOURCE_FILE_ROOTS rule as the partner client.
    adapters: createAdapters({ fileRoots: deps.urlPolicy.fileRoots }),
    // One sink per item kind, each the feature's that owns the table; HSDS dated sessions become the
    // source's events through an events sink of their own.
    sinks: [
      createEventsSink({ pubsub: deps.pubsub }),
      new ServicesSink({ sessions: createEventsSink({ pubsub: deps.pubsub }) }),
      new CatalogSink(),
    ],
    windowPastDays: deps.sync.windowPastDays,
    windowAheadDays: deps.sync.windowAheadDays,
    reexpandHours: deps.sync.reexpandHours,
    limits: {
      occurrencesPerSeries: deps.sync.maxOccurrencesPerSeries, eventsPerSync: deps.sync.maxEventsPerSync, eventsPerSource: deps.sync.maxEventsPerSource,
    },
    dataChanges: deps.dataChanges,
    logger: deps.logger,
  });
}

/**
 * The composition of every service over one database; built once per process (server and CLI alike).
 * The schema over them is src/compose-schema.ts's, apart so the CLI builds its services without
 * loading type-graphql, the resolvers and the GraphQL schema.
 */
export function createServices(db: DataSource, options: ServiceOptions) {
  const config: ServiceConfig = { ...DEFAULT_SERVICE_CONFIG, ...options.config };
  const urlPolicy = options.urlPolicy ?? createUrlPolicy(config.sourceFetch);
  const dataChanges = new DataChanges(options.pubsub);
  const sync = createSyncService(db, {
    sync: config.sync, urlPolicy, pubsub: options.pubsub, dataChanges, partnerHttp: options.partnerHttp,
    stopping: options.stopping, logger: options.logger,
  });
  const syncLocks = new SourceLocks(db);
  const availability = new AvailabilityService({
    // The real client under the same policy; no retries: a slow ILS is served stale, not waited for.
    http: createPartnerClient(urlPolicy, { timeoutMs: config.ils.timeoutMs, retries: 0 }),
    directory: sourceIlsDirectory(db),
    cacheMs: config.ils.cacheSeconds * 1000, timeoutMs: config.ils.timeoutMs, breakerResetMs: config.ils.breakerResetMs,
    ...options.availability,
  });
  const events = new EventService(db, config.maxPageSize);
  const partners = new PartnerService(db, dataChanges);
  const eventChangeHooks: EventChangeHooks = { promoted: storePromotionMails, invited: storeInvitationMails, cancelled: storeEventCancelledMails };
  const nativeEvents = new NativeEventService(db, options.pubsub, dataChanges, eventChangeHooks);
  return {
    availability,
    catalog: new CatalogService(db, config.maxPageSize),
    catalogLinks: new CatalogLinksService(db),
    pubsub: options.pubsub,
    dataChanges,
    apiKeys: new ApiKeyService(db, options.pubsub),
    events,
    nodes: new NodeService(nodeLoadersOf(SCHEMA_SECTIONS)),
    partners,
    eventFeeds: new EventFeedService(events, partners),
    listings: new ServiceListingService(db, config.maxPageSize),
    registrations: new RegistrationService(db, options.pubsub, dataChanges),
    registrantRetention: new RegistrantRetention(db, config.registrantRetentionDays),
    privacyRequests: new PrivacyRequests(db),
    attendance: new AttendanceService(db, dataChanges),
    impact: new ImpactService(db),
    surveys: new SurveyService(db),
    surveyLinks: new SurveyLinkService(db),
    nativeEvents,
    eventSeries: new EventSeriesService(db, options.pubsub, dataChanges, eventChangeHooks, nativeEvents),
    live: new LiveService(db, options.pubsub, config.liveDelivery, options.logger),
    sync,
    syncLocks,
    urlPolicy,
    sources: new SourceService(db, sync, syncLocks, dataChanges),
  };
}

export type Services = ReturnType<typeof createServices>;

/**
 * Each feature's part of the schema, in the order the committed SDL reads: root fields grouped and
 * types headed by feature, and the Node types each resolves by id.
 */
export const SCHEMA_SECTIONS: readonly SchemaSection[] = [
  eventsSection, registrationsSection, impactSection, surveysSection, catalogSection, listingsSection, partnersSection, sourcesSection, embedsSection, sharedSection,
];
