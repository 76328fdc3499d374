import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import { GraphQLSchema } from 'graphql';
import { Context, ContextDeps } from '../context';
import { createApollo } from './apollo';
import { graphiqlPage, graphiqlRouter, wantsHtml } from './graphiql';
import { httpContext } from './graphql-context';
import { embedRouter } from './embed.router';
import { feedsRouter } from './feeds.router';
import { healthRouter } from './health';
import { requestErrorHandler } from './request-errors';
import { widgetRouter } from './widget.router';

export interface HttpServerOptions {
  schema: GraphQLSchema;
  deps: ContextDeps;
  introspection: boolean;
  maxBodyBytes?: number;
  /** Base URL for absolute links in feeds and embeds (config.publicUrl). */
  publicUrl?: string | null;
}

export interface HttpServer {
  server: http.Server;
  apollo: ApolloServer<Context>;
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

  app.use(healthRouter(options.deps.db));
  app.use(graphiqlRouter());
  app.get('/', (_req, res) => res.redirect('/graphql'));
  const embeds = { deps: options.deps, publicUrl: options.publicUrl ?? null };
  app.use(feedsRouter(embeds), embedRouter(embeds), widgetRouter({ ...embeds, schema: options.schema }));
  app.get('/graphql', (req, res, next) => {
    if (wantsHtml(req.headers.accept) && req.query.query === undefined) {
      res.type('html').set('Cache-Control', 'no-store').send(graphiqlPage());
      return;
    }
    next();
  });
  // The widget's register form posts cross-origin. Keys travel in Authorization, never cookies, so
  // allowing any origin exposes nothing a server-side client could not already do.
  app.use('/graphql', cors({ origin: '*', allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight', 'x-request-id'], maxAge: 600 }));
  app.use(
    '/graphql',
    express.json({ limit: options.maxBodyBytes ?? 1_000_000 }),
    expressMiddleware(apollo, { context: async ({ req }) => httpContext(options.deps, req.headers) }),
  );
  app.use(requestErrorHandler(options.deps.logger));
  return { server, apollo };
}
