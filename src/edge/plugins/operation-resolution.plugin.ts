import { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind } from 'graphql';
import { Context } from '../../context';
import { RequestCode } from '../request-rejection';

const badRequest = (message: string, code: RequestCode) => new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

/**
 * Requests Apollo cannot map to one runnable operation, refused with 400 and a code before execution
 * (left to the executor, graphql-jit's path fails on the missing operation with INTERNAL_SERVER_ERROR):
 * several operations and no operationName, an operationName naming none of them, and a subscription,
 * which this server delivers over WebSocket only.
 */
export const operationResolutionPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, document, request }) {
        if (!operation) {
          const names = document.definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value ?? '(anonymous)'] : []));
          if (request.operationName == null) {
            throw badRequest(`The document has ${names.length} operations (${names.join(', ')}): send operationName to choose one.`, RequestCode.OPERATION_NAME_REQUIRED);
          }
          throw badRequest(`Unknown operation named "${request.operationName}"; the document has ${names.join(', ')}.`, RequestCode.OPERATION_RESOLUTION_FAILURE);
        }
        if (operation.operation === 'subscription') {
          throw badRequest('Subscriptions are served over WebSocket only: connect to /graphql with the graphql-ws protocol (subprotocol graphql-transport-ws).', RequestCode.BAD_REQUEST);
        }
      },
    };
  },
};
