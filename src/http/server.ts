import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLSchema } from 'graphql';
import { Context, ContextDeps } from '../context';
import { createApollo } from './apollo';
import { graphiqlPage, graphiqlRouter, wantsHtml } from './graphiql';
import { httpContext } from './graphql-context';
import { healthRouter } from './health';
import { requestErrorHandler } from './request-errors';
import { attachGraphqlWs, GraphqlWs } from './websocket';

export interface HttpServerOptions {
  schema: GraphQLSchema;
  deps: ContextDeps;
  introspection: boolean;
  maxBodyBytes?: number;
  /** Production error detail rules for graphql-ws close reasons. */
  production?: boolean;
  /** graphql-ws connection_init deadline (default 3 s). */
  wsConnectionInitWaitTimeoutMs?: number;
}

export interface HttpServer {
  server: http.Server;
  apollo: ApolloServer<Context>;
  /** graphql-ws on the same port and path; closed (every socket) when Apollo stops. */
  ws: GraphqlWs;
}

/** Express with GraphQL at /graphql (GraphiQL for browsers), health probes, and room for embeds and feeds. */
export async function createHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const app = express();
  app.disable('x-powered-by');
  const server = http.createServer(app);
  const ws = attachGraphqlWs({
    server, schema: options.schema, deps: options.deps, isProd: options.production ?? false,
    connectionInitWaitTimeoutMs: options.wsConnectionInitWaitTimeoutMs,
  });
  const apollo = createApollo({
    schema: options.schema,
    logger: options.deps.logger,
    introspection: options.introspection,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      // Upgraded sockets are no longer the HTTP server's to drain: close them with the server.
      { serverWillStart: async () => ({ drainServer: () => ws.close() }) },
    ],
  });
  await apollo.start();

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
  app.use(requestErrorHandler(options.deps.logger));
  return { server, apollo, ws };
}
