import { ApolloServerPlugin } from '@apollo/server';
import { RequestHandler } from 'express';
import { ValidationRule } from 'graphql';
import { Config } from '../config';
import { Context } from '../context';
import { Logger } from '../logger';
import { Metrics } from '../observability/metrics';
import { corsAllowlist, htmlSecurityHeaders, noSniff } from './middleware/cross-origin.middleware';
import { jsonDepthGuard } from './middleware/json-depth.middleware';
import { persistedQueryCheck } from './middleware/persisted-query-check.middleware';
import { queryGuard } from './middleware/query-guard.middleware';
import { rateLimitMiddleware } from './rate-limit/rate-limit.middleware';
import { requestLog } from './middleware/request-log.middleware';
import { subgraphRateLimit } from './rate-limit/subgraph-rate-limit.middleware';
import { loadSafelist, PersistedOperation, PersistedQueryCache } from './persisted-queries';
import { operationObserverPlugin } from './plugins/operation-observer.plugin';
import { queryLimits } from './plugins/query-limits.plugin';
import { registerRateLimitPlugin } from './rate-limit/register-rate-limit.plugin';
import { safelistPlugin } from './plugins/safelist.plugin';
import { RateLimits } from './rate-limit/rate-limit';

/** Everything the HTTP edge adds against abuse and for operators, composed in one readable list. */
export interface Hardening {
  /** Every request: request id + access log, nosniff. */
  everyRequest: RequestHandler[];
  /** HTML pages (GraphiQL): security headers. */
  htmlPages: RequestHandler;
  /** /graphql before the body is read: CORS, rate limits. */
  beforeBody: RequestHandler[];
  /** /graphql and /subgraph after the body is read, before Apollo: JSON depth, batching, token limits, APQ shape. */
  afterBody: RequestHandler[];
  /** /subgraph (federation router) before the body is read: router token and rate limits. */
  subgraph: RequestHandler[];
  maxBodyBytes: number;
  /** Safelist mode's operations (SAFELIST_FILE), for graphql-ws; null when off. */
  safelist: Map<string, PersistedOperation> | null;
  apollo: {
    validationRules: ValidationRule[];
    plugins: ApolloServerPlugin<Context>[];
    persistedQueries: false | { cache: PersistedQueryCache };
    stopGracePeriodMillis: number;
  };
}

export function createHardening(config: Config, deps: { logger: Logger; metrics: Metrics; rateLimits: RateLimits }): Hardening {
  const limits = queryLimits(config.limits);
  const safelist = config.persistedQueries.safelistFile ? loadSafelist(config.persistedQueries.safelistFile) : null;
  const persisted = safelist || config.persistedQueries.apq;
  return {
    everyRequest: [requestLog(deps.logger), noSniff],
    htmlPages: htmlSecurityHeaders(),
    beforeBody: [corsAllowlist(config.corsOrigins), rateLimitMiddleware(deps.rateLimits)],
    afterBody: [jsonDepthGuard(), queryGuard(config.limits.maxTokens), persistedQueryCheck],
    subgraph: [subgraphRateLimit(deps.rateLimits, config.rateLimit.subgraphRouterToken ?? null)],
    maxBodyBytes: config.maxBodyBytes,
    safelist,
    apollo: {
      validationRules: limits.validationRules,
      plugins: [
        operationObserverPlugin(deps.metrics),
        registerRateLimitPlugin(deps.rateLimits),
        ...(safelist ? [safelistPlugin(safelist)] : []),
        ...limits.plugins,
      ],
      persistedQueries: persisted ? { cache: new PersistedQueryCache(safelist ?? new Map(), config.persistedQueries.apq) } : false,
      stopGracePeriodMillis: config.shutdownTimeoutMs,
    },
  };
}
