import { createHash } from 'node:crypto';
import { RequestHandler } from 'express';
import { RateLimits, rateLimitMessage } from '../rate-limit';
import { LimitCode, reject } from '../request-rejection';

/**
 * Per-key budget for requests with an Authorization header (keyed by the token's hash, never the
 * token), per-address budget for the rest. A 429 carries Retry-After in seconds.
 */
export function rateLimitMiddleware(limits: RateLimits): RequestHandler {
  return async (req, res, next) => {
    if (!limits.enabled) return next();
    try {
      const authorization = req.headers.authorization;
      const decision = authorization
        ? await limits.consume('key', createHash('sha256').update(authorization).digest('hex'))
        : await limits.consume('ip', req.ip ?? 'unknown');
      if (decision.allowed) return next();
      res.setHeader('Retry-After', String(decision.retryAfterSeconds));
      reject(res, 429, LimitCode.RATE_LIMITED, rateLimitMessage(decision), { limit: decision.limit, retryAfterSeconds: decision.retryAfterSeconds });
    } catch (error) {
      next(error);
    }
  };
}
