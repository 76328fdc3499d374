import { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { Context } from '../../context';
import { PersistedOperation, sha256Hex } from '../persisted-queries';
import { LimitCode } from '../request-rejection';

/**
 * Safelist mode for public deployments: without an API key, only operations from the manifest run
 * (sent whole or as their hash). Keyed callers (partner staff, admins) may send any operation.
 */
export function safelistPlugin(safelist: Map<string, PersistedOperation>): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, source, queryHash }) {
          if (contextValue.principal.role !== 'PUBLIC') return;
          if (safelist.has(queryHash ?? sha256Hex(source ?? ''))) return;
          throw new GraphQLError('This server runs only registered (persisted) operations without an API key (SAFELIST_FILE).', {
            extensions: { code: LimitCode.PERSISTED_QUERY_NOT_ALLOWED, http: { status: 403 } },
          });
        },
      };
    },
  };
}
