import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import type { DemoLoader } from './startup/demo-loader';
import { Config } from './config';
import { ContextDeps } from './context';
import { DataSourceOptions, openDatabase } from './db/data-source';
import { withStartupLock } from './db/startup-lock';
import { createHttpServer } from './edge/server';
import { createLogger, Logger } from './logger';
import { createServices, Services } from './compose';
import { buildSchemaOver } from './compose-schema';
import { buildCommunitySubgraphSchema } from './schema/build-subgraph-schema';
import { CommunityPubSub, createMemoryPubSub } from './pubsub/pubsub';
import { createRedisPubSub, LivePubSub } from './pubsub/redis-pubsub';
import { connectRedis, RedisConnections } from './redis/redis-connections';
import { createHardening } from './edge/hardening';
import { createRateLimits, RateLimits } from './edge/rate-limit/rate-limit';
import { metrics } from './observability/metrics';
import { createUrlPolicy, UrlPolicy } from './datasources/shared/url-policy';
import { metricsRouter } from './observability/metrics.router';
import { SyncScheduler } from './features/sources/sync-scheduler';
import { MailSender } from './features/notifications/mail-sender';
import { createMailTransport } from './features/notifications/transport';
import { mailTemplates } from './features/notifications/mail-templates';
import { surveyMailLink } from './features/surveys/survey-mail-link';
import { SurveyPlanner } from './features/notifications/survey-mail';
import { WaitlistSweeper } from './features/registrations/waitlist-sweeper';
import { retentionSweeper } from './features/registrations/retention-sweeper';
import { ReminderPlanner } from './features/notifications/reminder-planner';
import { startTracing, stopTracing, traceDataSource } from './observability/tracing';
import { explainDatabaseError } from './startup/database-errors';
import { assertPortFree } from './startup/port-check';
import { claimSqliteFile } from './startup/sqlite-owner';

export interface App {
  /** Base URL the server listens on, e.g. http://127.0.0.1:4000 */
  url: string;
  db: DataSource;
  services: Services;
  logger: Logger;
  /** The shared rate limits (HTTP uses them; graphql-ws may consume them too). */
  rateLimits: RateLimits;
  /** Which source URLs may be fetched (SOURCE_ALLOW_HOSTS, SOURCE_FILE_ROOTS); for the sync HTTP client. */
  urlPolicy: UrlPolicy;
  /** graphql-ws subscriptions running on this replica (what community_graph_active_subscriptions shows). */
  activeSubscriptions(): number;
  /** Stops accepting, drains HTTP within SHUTDOWN_TIMEOUT_MS, then closes Redis and the database. */
  close(): Promise<void>;
}

export interface AppOptions {
  logger?: Logger;
  dataSource?: DataSourceOptions;
  /** Loads the demo community into an empty database when config.demo is on; none: nothing is loaded. */
  demo?: DemoLoader | null;
}

/** The composition root: config → database → services → HTTP server. `close()` undoes it in reverse. */
export async function startApp(config: Config, options: AppOptions = {}): Promise<App> {
  // First, before the database is created, migrated or seeded: a taken PORT (or a HOST that is not
  // ours) used to be found only after a new SQLite file had been made and the demo loaded into it.
  await assertPortFree(config.host, config.port);
  const logger = options.logger ?? createLogger(config.logLevel);
  // Before anything runs, so startup SQL is traced too; a no-op without OTEL_EXPORTER_OTLP_ENDPOINT.
  if (config.tracing) startTracing(config.tracing);
  let db: DataSource;
  let owner: { release(): void } | null = null;
  try {
    // Refused before anything opens the file: a second server on one SQLite database.
    if (config.database.kind === 'sqlite' && config.database.file !== ':memory:') owner = claimSqliteFile(config.database.file);
    db = await openDatabase(config.database, options.dataSource).catch((error: unknown) => {
      throw explainDatabaseError(error, config.database);
    });
  } catch (error) {
    owner?.release();
    await stopTracing();
    throw error;
  }
  traceDataSource(db);
  // Aborted first thing in close(): partner fetches in flight stop, so a sync still pulling gives up
  // without writing, while one already storing finishes its transaction (the scheduler awaits it).
  const stopping = new AbortController();
  let redis: RedisConnections | null = null;
  let live: LivePubSub | null = null;
  try {
    // One place makes the Redis connections: commands (rate limits + publishing) and the subscriber.
    if (config.redisUrl) redis = await connectRedis(config.redisUrl, logger);
    const rateLimits = createRateLimits(config.rateLimit, redis?.commands ?? null);
    const urlPolicy = createUrlPolicy(config.sourceFetch);
    const hardening = createHardening(config, { logger, metrics, rateLimits });
    // Under the startup lock, so replicas started together load the demo once.
    await withStartupLock(db, async () => {
      const demo = options.demo;
      if (config.demo && demo && (await demo.isEmpty(db))) {
        const report = await demo.seedDemo(db);
        logger.info(report, 'loaded the Millbrook demo community into the empty database');
      }
    });
    // In-process pub/sub for one replica; Redis joins replicas (every replica publishes and subscribes).
    // Bursts of counts are coalesced as each replica hears them (LIVE_COALESCE_MS).
    const coalescing = { coalesceMs: config.liveCoalesceMs };
    live = redis
      ? createRedisPubSub({ publishClient: redis.commands, subscribeClient: redis.subscriber, channelPrefix: config.redisChannelPrefix, logger, pubsub: coalescing })
      : memoryLivePubSub(createMemoryPubSub(coalescing));
    const livePubSub = live;
    const services = createServices(db, { config, pubsub: live.pubsub, urlPolicy, stopping: stopping.signal, logger });
    const deps: ContextDeps = { db, apiKeys: services.apiKeys, logger, publicUrl: config.publicUrl };
    const warnings = replicaWarnings(config);
    for (const warning of warnings) logger.warn(warning);
    const schema = await buildSchemaOver(services);
    const subgraphSchema = config.subgraph ? buildCommunitySubgraphSchema(schema, services.nodes) : undefined;
    if (!config.subgraph && config.production) logger.info('/subgraph is off: set SUBGRAPH_ROUTER_TOKEN to serve a federation router');
    const { server, apollo, subgraph, ws } = await createHttpServer({
      schema, subgraphSchema, deps, services, introspection: config.introspection, hardening, trustProxy: config.trustProxy, publicUrl: config.publicUrl,
      routers: [metricsRouter(metrics)],
      readiness: redis?.readiness ?? [],
      readinessWarnings: warnings,
      production: config.production, rateLimits,
      wsConnectionInitWaitTimeoutMs: config.wsConnectionInitTimeoutMs,
      responseCache: config.responseCache,
      graphqlExecutor: config.graphqlExecutor,
    });
    // Again: migrations and the demo take seconds, and something may have taken the port meanwhile.
    await assertPortFree(config.host, config.port);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
    // Scheduled partner syncs; with several replicas on PostgreSQL each sync runs on one of them.
    const scheduler = new SyncScheduler(db, services.sync, services.syncLocks, { tickMs: config.sync.schedulerTickMs, logger });
    if (config.sync.scheduler) scheduler.start();
    // The mail outbox: every replica polls; the claim (SKIP LOCKED on PostgreSQL) sends each row once.
    const mailTransport = config.smtpUrl ? createMailTransport(config.smtpUrl) : null;
    if (!mailTransport) logger.info('SMTP_URL is unset: notification email is written to the log (one line per message, no body) and not sent');
    const { port } = server.address() as AddressInfo;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    const url = `http://${host}:${port}`;
    // The survey mail's links are absolute: PUBLIC_URL, else the address this server listens on.
    const mailSurveyLink = surveyMailLink(services.surveys, services.surveyLinks, () => config.publicUrl ?? url);
    const mailSender = new MailSender(db, {
      transport: mailTransport, from: config.mailFrom, logger, templates: mailTemplates(deps, services.eventFeeds, undefined, mailSurveyLink), planners: [new ReminderPlanner(db), new SurveyPlanner(db)],
    });
    mailSender.start();
    // Seats freed by time alone (an ended hold or invitation) go to the waitlist.
    const sweeper = new WaitlistSweeper(db, (event) => services.registrations.seatsChanged(event), { logger });
    sweeper.start();
    // Registrants' data past REGISTRANT_RETENTION_DAYS is erased: hourly, the first look a minute after start.
    const retention = retentionSweeper(services.registrantRetention, { logger });
    retention.start(60_000);
    return {
      url,
      db,
      services,
      logger,
      rateLimits,
      urlPolicy,
      activeSubscriptions: () => ws.subscriptions(),
      async close() {
        stopping.abort();
        await Promise.all([scheduler.stop(), mailSender.stop(), sweeper.stop(), retention.stop(), apollo.stop()]);
        mailTransport?.close();
        await livePubSub.close();
        await redis?.close();
        services.availability.shutdown();
        await subgraph?.stop();
        await db.destroy();
        owner?.release();
        await stopTracing();
      },
    };
  } catch (error) {
    await live?.close();
    await redis?.close();
    await db.destroy();
    owner?.release();
    await stopTracing();
    throw error;
  }
}

/** What an operator should hear about a setup that works for one replica and silently not for two. */
function replicaWarnings(config: Config): string[] {
  if (config.database.kind !== 'postgres' || config.redisUrl) return [];
  return ['PostgreSQL without REDIS_URL: live subscriptions and the response cache see only this replica\'s changes; set REDIS_URL before running a second replica.'];
}

function memoryLivePubSub(pubsub: CommunityPubSub): LivePubSub {
  return { pubsub, close: async () => pubsub.close() };
}
