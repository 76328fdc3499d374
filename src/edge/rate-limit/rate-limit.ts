import { GraphQLError } from 'graphql';
import type Redis from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitConfig } from '../../config';
import { metrics } from '../../observability/metrics';

/** ip: unkeyed requests; key: per API key; register: `register`, `holdSeats` and `myRegistration` per address; authFailure: wrong keys per address. */
export type LimitName = 'ip' | 'key' | 'register' | 'authFailure';

export interface RateLimitDecision {
  allowed: boolean;
  limit: LimitName;
  /** The limit's size: points per window. */
  points: number;
  windowSeconds: number;
  /** Seconds until a new attempt can succeed (for Retry-After); 0 when allowed. */
  retryAfterSeconds: number;
}

/**
 * The rate limits, shared by the HTTP edge and (once wired) graphql-ws. Redis-backed when Redis is
 * configured so replicas share the budget; an in-memory insurance limiter keeps the server
 * protected, per process, while Redis is unreachable.
 */
export interface RateLimits {
  readonly enabled: boolean;
  consume(limit: LimitName, id: string): Promise<RateLimitDecision>;
  /** Whether `id` has budget left, without spending any (for penalty limits such as authFailure). */
  check(limit: LimitName, id: string): Promise<RateLimitDecision>;
}

export class RateLimitedError extends Error {
  constructor(readonly decision: RateLimitDecision) {
    super(rateLimitMessage(decision));
    this.name = 'RateLimitedError';
  }
}

export function rateLimitMessage(d: RateLimitDecision): string {
  if (d.limit === 'authFailure') {
    return `Too many requests with a wrong API key: ${d.points} per ${d.windowSeconds} s from this client address (limit "authFailure"). Retry after ${d.retryAfterSeconds} s.`;
  }
  const who = { ip: 'this client address', key: 'this API key', register: 'register, holdSeats, respondToSurvey and myRegistration from this client address' }[d.limit];
  return `Rate limit exceeded: ${d.points} requests per ${d.windowSeconds} s for ${who} (limit "${d.limit}"). Retry after ${d.retryAfterSeconds} s.`;
}

/**
 * The refusal as a GraphQL error, for transports without status codes (graphql-ws: throw it from
 * onSubscribe / onConnect, or send it as an `error` message). Same code and message as HTTP's 429.
 */
export function rateLimitedGraphQLError(decision: RateLimitDecision): GraphQLError {
  return new GraphQLError(rateLimitMessage(decision), {
    extensions: { code: 'RATE_LIMITED', limit: decision.limit, retryAfterSeconds: decision.retryAfterSeconds },
  });
}

export function createRateLimits(config: RateLimitConfig, redis: Redis | null): RateLimits {
  const prefix = config.keyPrefix;
  const points: Record<LimitName, number> = { ip: config.perIp, key: config.perKey, register: config.registerPerIp, authFailure: config.authFailuresPerIp };
  const limiters = {} as Record<LimitName, RateLimiterAbstract>;
  for (const name of Object.keys(points) as LimitName[]) {
    const options = { keyPrefix: `${prefix}:${name}`, points: points[name], duration: config.windowSeconds };
    limiters[name] = redis
      ? new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: new RateLimiterMemory(options) })
      : new RateLimiterMemory(options);
  }
  return {
    enabled: config.enabled,
    async consume(limit, id) {
      const base = { limit, points: points[limit], windowSeconds: config.windowSeconds };
      if (!config.enabled) return { ...base, allowed: true, retryAfterSeconds: 0 };
      try {
        await limiters[limit].consume(id);
        return { ...base, allowed: true, retryAfterSeconds: 0 };
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        metrics.rateLimited.inc({ limit });
        return { ...base, allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      }
    },
    async check(limit, id) {
      const base = { limit, points: points[limit], windowSeconds: config.windowSeconds };
      if (!config.enabled) return { ...base, allowed: true, retryAfterSeconds: 0 };
      const state = await limiters[limit].get(id);
      if (!state || state.consumedPoints < points[limit]) return { ...base, allowed: true, retryAfterSeconds: 0 };
      metrics.rateLimited.inc({ limit });
      return { ...base, allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(state.msBeforeNext / 1000)) };
    },
  };
}
