import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLSchema } from 'graphql';
import { Context } from '../context';
import { Logger } from '../logger';
import { createErrorFormatter } from './format-error';
import { partialErrorsPlugin } from './partial-errors';

export interface ApolloOptions {
  schema: GraphQLSchema;
  logger: Logger;
  introspection: boolean;
  plugins?: ApolloServerPlugin<Context>[];
}

/** One Apollo configuration for the HTTP server and for in-process execution (tests, benchmarks). */
export function createApollo(options: ApolloOptions): ApolloServer<Context> {
  return new ApolloServer<Context>({
    schema: options.schema,
    introspection: options.introspection,
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter(options.logger),
    // GraphiQL is served from our own assets instead (see graphiql.ts): no CDN, works offline.
    plugins: [...(options.plugins ?? []), partialErrorsPlugin, ApolloServerPluginLandingPageDisabled()],
  });
}
