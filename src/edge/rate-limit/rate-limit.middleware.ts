import { createHash } from 'node:crypto';
import { RequestHandler } from 'express';
import { RateLimitDecision, RateLimits, rateLimitMessage } from './rate-limit';
import { LimitCode, reject } from '../request-rejection';

/**
 * Per-key budget for requests with an Authorization header (keyed by the token's hash, never the
 * token), per-address budget for the rest. Keyed requests do not spend the address budget (a city's
 * staff may share one NAT address), but every 401 costs the address an `authFailure` point, and an
 * address out of those may not try keys any more: guessing keys cannot hide behind fresh tokens.
 * A 429 carries Retry-After in seconds.
 */
export function rateLimitMiddleware(limits: RateLimits): RequestHandler {
  return async (req, res, next) => {
    if (!limits.enabled) return next();
    const ip = req.ip ?? 'unknown';
    const refuse = (decision: RateLimitDecision) => {
      res.setHeader('Retry-After', String(decision.retryAfterSeconds));
      reject(res, 429, LimitCode.RATE_LIMITED, rateLimitMessage(decision), { limit: decision.limit, retryAfterSeconds: decision.retryAfterSeconds });
    };
    try {
      const authorization = req.headers.authorization;
      if (!authorization) {
        const decision = await limits.consume('ip', ip);
        return decision.allowed ? next() : refuse(decision);
      }
      const failures = await limits.check('authFailure', ip);
      if (!failures.allowed) return refuse(failures);
      const decision = await limits.consume('key', createHash('sha256').update(authorization).digest('hex'));
      if (!decision.allowed) return refuse(decision);
      res.once('finish', () => {
        if (res.statusCode === 401) limits.consume('authFailure', ip).catch(() => undefined);
      });
      next();
    } catch (error) {
      next(error);
    }
  };
}
