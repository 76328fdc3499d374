import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTrace } from '@apollo/server/plugin/inlineTrace';
import { tracingMiddleware, tracingPlugin } from '../observability/tracing.middleware';
import express, { Router } from 'express';
import { GraphQLSchema } from 'graphql';
import type { GraphqlExecutor } from '../config';
import { Context, ContextDeps } from '../context';
import { createApollo } from './apollo';
import { dashboardRouter } from './dashboard.router';
import { doorRouter } from './door.router';
import { reportsRouter } from './reports.router';
import { surveyPageRouter } from './survey-page.router';
import { faviconRouter } from './browser/favicon';
import { graphiqlPage, graphiqlRouter, wantsHtml } from './browser/graphiql';
import { httpContext } from './graphql-context';
import { embedRouter } from './embed.router';
import { feedsRouter } from './feeds.router';
import { Hardening } from './hardening';
import { healthRouter, ReadinessCheck } from './health';
import { RateLimits } from './rate-limit/rate-limit';
import { requestErrorHandler } from './request-errors';
import { responseCachePlugin } from './plugins/response-cache.plugin';
import { ResponseCacheConfig } from '../config';
import { widgetRouter } from './widget.router';
import { attachGraphqlWs, GraphqlWs } from './websocket';
import type { EdgeServices } from './edge-services';
import { orderedPlugins } from './plugins/plugin-order';
import { jsonBodyFastPath } from './middleware/json-body.middleware';
import { inSeries } from './middleware/in-series';
import { apolloHandler } from './middleware/apollo-handler';

export interface HttpServerOptions {
  schema: GraphQLSchema;
  deps: ContextDeps;
  services: EdgeServices;
  introspection: boolean;
  maxBodyBytes?: number;
  /** Base URL for absolute links in feeds and embeds (config.publicUrl). */
  publicUrl?: string | null;
  /** Limits, rate limits, CORS, headers, logs and metrics (see hardening.ts); absent in bare test servers. */
  hardening?: Hardening;
  /** Extra routes mounted before GraphQL (metrics). */
  routers?: Router[];
  /** Readiness checks beyond the database (Redis). */
  readiness?: ReadinessCheck[];
  /** Shown on /readyz (which stays 200): setups that work for one replica only. */
  readinessWarnings?: string[];
  /** Express "trust proxy": which X-Forwarded-For hops to believe for the client address. */
  trustProxy?: boolean | number | string;
  /** Shared rate limits, for graphql-ws (HTTP gets them through `hardening`). */
  rateLimits?: RateLimits;
  /** Production error detail rules for graphql-ws close reasons. */
  production?: boolean;
  /** graphql-ws connection_init deadline (default 3 s). */
  wsConnectionInitWaitTimeoutMs?: number;
  /** The Federation 2 subgraph schema, served at SUBGRAPH_PATH for a router (see docs/DEPLOY.md). */
  subgraphSchema?: GraphQLSchema;
  /** Server-side cache of anonymous query answers on /graphql (not /subgraph); absent or disabled: none. */
  responseCache?: ResponseCacheConfig;
  /** How /graphql executes queries (config.graphqlExecutor); /subgraph stays on graphql-js. */
  graphqlExecutor?: GraphqlExecutor;
}

/** Where a federation router reaches the subgraph; the public API stays at /graphql. */
export const SUBGRAPH_PATH = '/subgraph';

export interface HttpServer {
  server: http.Server;
  apollo: ApolloServer<Context>;
  /** graphql-ws on the same port and path; closed (every socket) when Apollo stops. */
  ws: GraphqlWs;
  /** Stops the subgraph endpoint too (after `apollo.stop()` drained the shared HTTP server). */
  subgraph: ApolloServer<Context> | null;
}

/** Express with GraphQL at /graphql (GraphiQL for browsers), health probes, and room for embeds and feeds. */
export async function createHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const app = express();
  app.disable('x-powered-by');
  // Express would hash every answer it sends (a weak ETag) to serve 304s: worthless for POSTed GraphQL
  // and no-store answers, and a hash of 40 KB per events page. Routes whose answers a client revalidates
  // (feeds, embeds, the widget) set their own strong ETag (cached-response.ts).
  app.set('etag', false);
  if (options.trustProxy !== undefined) app.set('trust proxy', options.trustProxy);
  const server = http.createServer(app);
  const hardening = options.hardening;
  // One router layer for what every request goes through (see inSeries).
  app.use(inSeries([tracingMiddleware, ...(hardening?.everyRequest ?? [])]));
  const ws = attachGraphqlWs({
    server, schema: options.schema, deps: options.deps, services: options.services, isProd: options.production ?? false, introspection: options.introspection,
    connectionInitWaitTimeoutMs: options.wsConnectionInitWaitTimeoutMs,
    validationRules: hardening?.apollo.validationRules, rateLimits: options.rateLimits,
    safelist: hardening?.safelist,
  });
  const apollo = createApollo({
    schema: options.schema,
    logger: options.deps.logger,
    introspection: options.introspection,
    plugins: orderedPlugins({
      shutdown: [
        ApolloServerPluginDrainHttpServer({ httpServer: server, stopGracePeriodMillis: hardening?.apollo.stopGracePeriodMillis }),
        // Upgraded sockets are no longer the HTTP server's to drain: close them with the server.
        { serverWillStart: async () => ({ drainServer: () => ws.close() }) },
      ],
      hardening: hardening?.apollo.plugins,
      responseCache: options.responseCache?.enabled ? responseCachePlugin({ ...options.responseCache, changes: options.services.dataChanges }) : null,
    }),
    validationRules: hardening?.apollo.validationRules,
    persistedQueries: hardening?.apollo.persistedQueries,
    executor: options.graphqlExecutor,
  });
  await apollo.start();
  // No drain plugin here: the public server's plugin already drains the one shared HTTP server.
  // Inline traces (ftv1) go to a router that asks for them, with error details masked like responses.
  const subgraph = options.subgraphSchema
    ? createApollo({
      schema: options.subgraphSchema, logger: options.deps.logger, introspection: options.introspection,
      plugins: orderedPlugins({ router: [ApolloServerPluginInlineTrace({ includeErrors: { masked: true } })] }),
      // The router forwards its clients' work here: the same depth, alias, directive and cost limits.
      validationRules: hardening?.apollo.validationRules,
    })
    : null;
  await subgraph?.start();

  const bodyLimit = hardening?.maxBodyBytes ?? options.maxBodyBytes ?? 1_000_000;
  const graphqlStack = [
    ...(hardening?.beforeBody ?? []),
    jsonBodyFastPath(bodyLimit),
    express.json({ limit: bodyLimit }),
    ...(hardening?.afterBody ?? []),
    apolloHandler(apollo, (req) => httpContext(options.deps, req.headers, req.ip, `${req.protocol}://${req.get('host')}`)),
  ];
  // A POSTed operation is most of the traffic: it goes straight to Apollo instead of walking every
  // router below first (health, feeds, embeds, widget, dashboard, door match nothing on POST /graphql).
  app.post('/graphql', inSeries(graphqlStack));
  for (const router of options.routers ?? []) app.use(router);
  app.use(healthRouter(options.deps.db, options.readiness, options.readinessWarnings));
  if (hardening) {
    app.use('/graphiql', hardening.htmlPages);
    app.get('/graphql', (req, res, next) => (wantsHtml(req.headers.accept) ? hardening.htmlPages(req, res, next) : next()));
  }
  app.use(graphiqlRouter(), faviconRouter());
  app.get('/', (_req, res) => res.redirect('/graphql'));
  const embeds = { deps: options.deps, eventFeeds: options.services.eventFeeds, publicUrl: options.publicUrl ?? null };
  app.use(feedsRouter(embeds), embedRouter(embeds), widgetRouter({ ...embeds, schema: options.schema }));
  app.use(dashboardRouter(embeds), doorRouter(embeds));
  app.use(surveyPageRouter({ ...embeds, surveys: options.services.surveys, surveyLinks: options.services.surveyLinks, rateLimits: options.rateLimits }));
  app.use(reportsRouter({ deps: options.deps, impact: options.services.impact, partners: options.services.partners }));
  app.get('/graphql', (req, res, next) => {
    if (wantsHtml(req.headers.accept) && req.query.query === undefined) {
      res.type('html').set('Cache-Control', 'no-store').send(graphiqlPage());
      return;
    }
    next();
  });
  // Every other method (GET queries, OPTIONS preflights, what Apollo refuses) after the pages above.
  app.use('/graphql', inSeries(graphqlStack));
  if (subgraph) {
    app.use(
      SUBGRAPH_PATH,
      ...(hardening?.subgraph ?? []),
      express.json({ limit: hardening?.maxBodyBytes ?? options.maxBodyBytes ?? 1_000_000 }),
      ...(hardening?.afterBody ?? []),
      apolloHandler(subgraph, (req) => httpContext(options.deps, req.headers)),
    );
  }
  app.use(requestErrorHandler(options.deps.logger));
  return { server, apollo, ws, subgraph };
}
