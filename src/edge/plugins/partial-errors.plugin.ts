import { ApolloServerPlugin } from '@apollo/server';
import { Context } from '../../context';

/**
 * GraphQL errors normally null the field they come from. A partner outage must not: the field keeps
 * its last-known data and the error rides along, with its path and code (ctx.partialErrors).
 */
export const partialErrorsPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        const extra = contextValue.partialErrors;
        if (!extra?.length || response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        result.errors = [...(result.errors ?? []), ...extra];
      },
    };
  },
};
