import { ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { GraphQLError, Kind } from 'graphql';
import { Context } from '../../context';
import { RateLimits, rateLimitMessage } from './rate-limit';
import { LimitCode } from '../request-rejection';

/** Mutations whose top-level fields get the stricter per-address budget (public, and abusable). */
const STRICT_FIELDS = new Set(['register']);

/** Counts each `register` (one point per field) against RATE_LIMIT_REGISTER_PER_IP, per client address. */
export function registerRateLimitPlugin(limits: RateLimits): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (!limits.enabled || operation?.operation !== 'mutation') return;
          const strict = operation.selectionSet.selections.filter((s) => s.kind === Kind.FIELD && STRICT_FIELDS.has(s.name.value));
          for (let i = 0; i < strict.length; i++) {
            const decision = await limits.consume('register', contextValue.clientIp ?? 'unknown');
            if (!decision.allowed) {
              const headers = new HeaderMap([['retry-after', String(decision.retryAfterSeconds)]]);
              throw new GraphQLError(rateLimitMessage(decision), {
                extensions: { code: LimitCode.RATE_LIMITED, limit: decision.limit, retryAfterSeconds: decision.retryAfterSeconds, http: { status: 429, headers } },
              });
            }
          }
        },
      };
    },
  };
}
