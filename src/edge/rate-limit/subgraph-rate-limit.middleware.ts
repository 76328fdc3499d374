import { createHash, timingSafeEqual } from 'node:crypto';
import { RequestHandler } from 'express';
import { RateLimitDecision, RateLimits, rateLimitMessage } from './rate-limit';
import { LimitCode, reject } from '../request-rejection';
import { rateLimitMiddleware } from './rate-limit.middleware';

/** The header a federation router sends to /subgraph with SUBGRAPH_ROUTER_TOKEN. */
export const ROUTER_TOKEN_HEADER = 'x-router-token';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Rate limits for /subgraph, the federation endpoint. Every request there comes from the router, so a
 * per-address budget would be one budget for the whole city: the first busy minute would lock every
 * user out. With SUBGRAPH_ROUTER_TOKEN set, the router identifies itself with X-Router-Token:
 * - without the right token: 401 UNAUTHENTICATED (the endpoint is the router's, not the public's);
 * - with it: no per-address budget (the router does per-client limiting at the edge, where it sees
 *   clients), but a forwarded `Authorization` key still spends that key's budget, as on /graphql.
 * Without the token the endpoint is limited exactly like /graphql (per key, else per address).
 */
export function subgraphRateLimit(limits: RateLimits, routerToken: string | null): RequestHandler {
  if (!routerToken) return rateLimitMiddleware(limits);
  const expected = digest(routerToken);
  return async (req, res, next) => {
    const sent = req.headers[ROUTER_TOKEN_HEADER];
    if (typeof sent !== 'string' || !timingSafeEqual(digest(sent), expected)) {
      reject(res, 401, 'UNAUTHENTICATED', `This endpoint serves the federation router only: send the router token in the ${ROUTER_TOKEN_HEADER} header (SUBGRAPH_ROUTER_TOKEN).`);
      return;
    }
    if (!limits.enabled || !req.headers.authorization) return next();
    try {
      const decision: RateLimitDecision = await limits.consume('key', createHash('sha256').update(req.headers.authorization).digest('hex'));
      if (decision.allowed) return next();
      res.setHeader('Retry-After', String(decision.retryAfterSeconds));
      reject(res, 429, LimitCode.RATE_LIMITED, rateLimitMessage(decision), { limit: decision.limit, retryAfterSeconds: decision.retryAfterSeconds });
    } catch (error) {
      next(error);
    }
  };
}
