import { ApolloServer, ApolloServerOptions, ApolloServerPlugin } from '@apollo/server';
import { GraphQLSchema, ValidationRule } from 'graphql';
import type { GraphqlExecutor } from '../config';
import { Context } from '../context';
import { Logger } from '../logger';
import { createErrorFormatter } from './format-error';
import { requestValidationRules } from './validation-rules';
import { graphqlJitGateway } from './graphql-jit.gateway';
import { orderedPlugins } from './plugins/plugin-order';

export interface ApolloOptions {
  schema: GraphQLSchema;
  logger: Logger;
  introspection: boolean;
  /** The whole ordered list (plugins/plugin-order.ts); default: the list with no edge parts. */
  plugins?: ApolloServerPlugin<Context>[];
  validationRules?: ValidationRule[];
  /** false disables automatic persisted queries; a cache serves them (see persisted-queries.ts). */
  persistedQueries?: ApolloServerOptions<Context>['persistedQueries'];
  /** 'jit' runs queries through graphql-jit (see graphql-jit.gateway.ts); graphql-js by default. */
  executor?: GraphqlExecutor;
}

/** One Apollo configuration for the HTTP server and for in-process execution (tests, benchmarks). */
export function createApollo(options: ApolloOptions): ApolloServer<Context> {
  return new ApolloServer<Context>({
    ...(options.executor === 'jit' ? { gateway: graphqlJitGateway(options.schema, options.logger) } : { schema: options.schema }),
    // Introspection is decided by requestValidationRules, the same list graphql-ws runs.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    validationRules: requestValidationRules(options.validationRules ?? [], options.introspection),
    ...(options.persistedQueries === undefined ? {} : { persistedQueries: options.persistedQueries }),
    // One operation per HTTP request: a batch multiplies every per-request limit.
    allowBatchedHttpRequests: false,
    // The process's own SIGTERM/SIGINT handler (src/shutdown.ts) stops Apollo through app.close().
    // Apollo's handler (installed unless NODE_ENV=test) calls stop() first, and a second stop() during
    // a drain waits on a barrier Apollo 5 never resolves after a clean stop: app.close() then hung.
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    formatError: createErrorFormatter(options.logger, { hideSuggestions: !options.introspection }),
    // In the order plugin-order.ts gives (GraphiQL is served from our own assets: no landing page).
    plugins: options.plugins ?? orderedPlugins(),
  });
}
