import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTrace } from '@apollo/server/plugin/inlineTrace';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLSchema } from 'graphql';
import { Context, ContextDeps } from '../context';
import { createApollo } from './apollo';
import { graphiqlPage, graphiqlRouter, wantsHtml } from './graphiql';
import { httpContext } from './graphql-context';
import { healthRouter } from './health';
import { requestErrorHandler } from './request-errors';

export interface HttpServerOptions {
  schema: GraphQLSchema;
  deps: ContextDeps;
  introspection: boolean;
  maxBodyBytes?: number;
  /** The Federation 2 subgraph schema, served at SUBGRAPH_PATH for a router (see docs/DEPLOY.md). */
  subgraphSchema?: GraphQLSchema;
}

/** Where a federation router reaches the subgraph; the public API stays at /graphql. */
export const SUBGRAPH_PATH = '/subgraph';

export interface HttpServer {
  server: http.Server;
  apollo: ApolloServer<Context>;
  /** Stops the subgraph endpoint too (after `apollo.stop()` drained the shared HTTP server). */
  subgraph: ApolloServer<Context> | null;
}

/** Express with GraphQL at /graphql (GraphiQL for browsers), health probes, and room for embeds and feeds. */
export async function createHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const app = express();
  app.disable('x-powered-by');
  const server = http.createServer(app);
  const apollo = createApollo({
    schema: options.schema,
    logger: options.deps.logger,
    introspection: options.introspection,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer: server })],
  });
  await apollo.start();
  // No drain plugin here: the public server's plugin already drains the one shared HTTP server.
  // Inline traces (ftv1) go to a router that asks for them, with error details masked like responses.
  const subgraph = options.subgraphSchema
    ? createApollo({
      schema: options.subgraphSchema, logger: options.deps.logger, introspection: options.introspection,
      plugins: [ApolloServerPluginInlineTrace({ includeErrors: { masked: true } })],
    })
    : null;
  await subgraph?.start();

  app.use(healthRouter(options.deps.db));
  app.use(graphiqlRouter());
  app.get('/', (_req, res) => res.redirect('/graphql'));
  app.get('/graphql', (req, res, next) => {
    if (wantsHtml(req.headers.accept) && req.query.query === undefined) {
      res.type('html').set('Cache-Control', 'no-store').send(graphiqlPage());
      return;
    }
    next();
  });
  app.use(
    '/graphql',
    express.json({ limit: options.maxBodyBytes ?? 1_000_000 }),
    expressMiddleware(apollo, { context: async ({ req }) => httpContext(options.deps, req.headers) }),
  );
  if (subgraph) {
    app.use(
      SUBGRAPH_PATH,
      express.json({ limit: options.maxBodyBytes ?? 1_000_000 }),
      expressMiddleware(subgraph, { context: async ({ req }) => httpContext(options.deps, req.headers) }),
    );
  }
  app.use(requestErrorHandler(options.deps.logger));
  return { server, apollo, subgraph };
}
