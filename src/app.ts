import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { isEmpty, seedDemo } from '../demo/seed';
import { Config } from './config';
import { ContextDeps } from './context';
import { DataSourceOptions, openDatabase } from './db/data-source';
import { withStartupLock } from './db/startup-lock';
import { createHttpServer } from './http/server';
import { createLogger, Logger } from './logger';
import { buildCommunitySchema } from './schema/build-schema';
import { buildCommunitySubgraphSchema } from './schema/build-subgraph-schema';
import { createMemoryPubSub } from './pubsub/pubsub';
import { createRedisPubSub, LivePubSub } from './pubsub/redis-pubsub';
import { createServices, Services } from './services';
import { connectRedis, RedisConnections } from './redis/redis-connections';
import { createHardening } from './http/hardening';
import { createRateLimits, RateLimits } from './http/rate-limit';
import { metrics } from './observability/metrics';
import { createUrlPolicy, UrlPolicy } from './datasources/url-policy';
import { createHttpClient } from './datasources/http';
import { sourceIlsDirectory } from './services/catalog/availability.service';
import { metricsRouter } from './observability/metrics.router';
import { SyncScheduler } from './services/sync/sync-scheduler';
import { startTracing, stopTracing, traceDataSource } from './observability/tracing';

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
  /** Stops accepting, drains HTTP within SHUTDOWN_TIMEOUT_MS, then closes Redis and the database. */
  close(): Promise<void>;
}

export interface AppOptions {
  logger?: Logger;
  dataSource?: DataSourceOptions;
}

/** The composition root: config → database → services → HTTP server. `close()` undoes it in reverse. */
export async function startApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.logLevel);
  // Before anything runs, so startup SQL is traced too; a no-op without OTEL_EXPORTER_OTLP_ENDPOINT.
  if (config.tracing) startTracing(config.tracing);
  let db: DataSource;
  try {
    db = await openDatabase(config.database, options.dataSource);
  } catch (error) {
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
      if (config.demo && (await isEmpty(db))) {
        const report = await seedDemo(db);
        logger.info(report, 'loaded the Millbrook demo community into the empty database');
      }
    });
    // In-process pub/sub for one replica; Redis joins replicas (every replica publishes and subscribes).
    live = redis
      ? createRedisPubSub({ publishClient: redis.commands, subscribeClient: redis.subscriber, channelPrefix: config.redisChannelPrefix, logger })
      : { pubsub: createMemoryPubSub(), close: async () => undefined };
    const livePubSub = live;
    const services = createServices(db, {
      maxPageSize: config.maxPageSize, pubsub: live.pubsub, sync: config.sync, urlPolicy, stopping: stopping.signal, liveDelivery: config.liveDelivery,
      // The HttpClient and the ILS directory (ILS_AVAILABILITY sources) are wired with the sync engine.
      availability: {
        cacheMs: config.ils.cacheSeconds * 1000, timeoutMs: config.ils.timeoutMs, breakerResetMs: config.ils.breakerResetMs,
        // The real client under the same SSRF policy; no retries: a slow ILS is served stale, not waited for.
        http: createHttpClient({ timeoutMs: config.ils.timeoutMs, retries: 0, checkUrl: async (url) => void (await urlPolicy.checkUrl(url.href)) }),
        directory: sourceIlsDirectory(db),
      },
    });
    const deps: ContextDeps = { db, services, logger };
    const schema = await buildCommunitySchema();
    const subgraphSchema = buildCommunitySubgraphSchema(schema);
    const { server, apollo, subgraph } = await createHttpServer({
      schema, subgraphSchema, deps, introspection: config.introspection, hardening, trustProxy: config.trustProxy, publicUrl: config.publicUrl,
      routers: [metricsRouter(metrics)],
      readiness: redis?.readiness ?? [],
      production: config.production, rateLimits,
      wsConnectionInitWaitTimeoutMs: config.wsConnectionInitTimeoutMs,
      responseCache: config.responseCache,
      graphqlExecutor: config.graphqlExecutor,
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
    // Scheduled partner syncs; with several replicas on PostgreSQL each sync runs on one of them.
    const scheduler = new SyncScheduler(db, services.sync, services.syncLocks, { tickMs: config.sync.schedulerTickMs, logger });
    if (config.sync.scheduler) scheduler.start();
    const { port } = server.address() as AddressInfo;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    return {
      url: `http://${host}:${port}`,
      db,
      services,
      logger,
      rateLimits,
      urlPolicy,
      async close() {
        stopping.abort();
        await Promise.all([scheduler.stop(), apollo.stop()]);
        await livePubSub.close();
        await redis?.close();
        services.availability.shutdown();
        await subgraph?.stop();
        await db.destroy();
        await stopTracing();
      },
    };
  } catch (error) {
    await live?.close();
    await redis?.close();
    await db.destroy();
    await stopTracing();
    throw error;
  }
}
