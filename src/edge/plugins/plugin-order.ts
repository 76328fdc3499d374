import { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { Context } from '../../context';
import { tracingPlugin } from '../../observability/tracing.middleware';
import { noStorePlugin } from './no-store.plugin';
import { operationResolutionPlugin } from './operation-resolution.plugin';
import { partialErrorsPlugin } from './partial-errors.plugin';

/** The plugins each part of the edge contributes; every part is optional (in-process tests have none). */
export interface PluginParts {
  /** Shutdown: drain the HTTP server, then close the upgraded sockets. */
  shutdown?: ApolloServerPlugin<Context>[];
  /** Against abuse and for operators (hardening.ts): metrics, the register rate limit, safelist, limits. */
  hardening?: ApolloServerPlugin<Context>[];
  /** Anonymous answers kept for repeats (response-cache.plugin.ts). */
  responseCache?: ApolloServerPlugin<Context> | null;
  /** What a federation router asks for (inline traces on /subgraph). */
  router?: ApolloServerPlugin<Context>[];
}

/**
 * The one ordered list of Apollo plugins, for /graphql, /subgraph and in-process execution alike.
 * The order is the contract: the operation is resolved first (every later plugin sees its name and
 * type); shutdown and hardening come before execution, so a refused request does no work; tracing
 * wraps what runs; the response cache sits after every limit (a refused answer is never stored); the
 * answer is shaped last (partial errors appended, no landing page, no cache hints, no-store).
 */
export function orderedPlugins(parts: PluginParts = {}): ApolloServerPlugin<Context>[] {
  return [
    operationResolutionPlugin,
    ...(parts.shutdown ?? []),
    ...(parts.hardening ?? []),
    ...(parts.router ?? []),
    tracingPlugin(),
    ...(parts.responseCache ? [parts.responseCache] : []),
    partialErrorsPlugin,
    ApolloServerPluginLandingPageDisabled(),
    // No cache hints in the schema: skip the per-field hint collection, keep its no-store header.
    ApolloServerPluginCacheControlDisabled(),
    noStorePlugin(),
  ];
}
