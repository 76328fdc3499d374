import { ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { Context } from '../../context';
import { RateLimits, rateLimitMessage } from './rate-limit';
import { LimitCode } from '../request-rejection';
import { strictFieldCount } from './strict-fields';

/**
 * Counts each `register`, `holdSeats`, `respondToSurvey` and `myRegistration` (one point per field, aliases and fragments included:
 * strict-fields.ts) against RATE_LIMIT_REGISTER_PER_IP, per client address.
 */
export function registerRateLimitPlugin(limits: RateLimits): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          if (!limits.enabled || !operation) return;
          const strict = strictFieldCount(document, operation);
          for (let i = 0; i < strict; i++) {
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
