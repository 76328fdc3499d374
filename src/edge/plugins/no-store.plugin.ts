import { ApolloServerPlugin } from '@apollo/server';

/**
 * Marks GraphQL responses `Cache-Control: no-store` unless something upstream already set a policy.
 * Apollo's cache-control plugin did this (and only this, as the schema declares no cache hints), but
 * it wraps every field resolver to collect hints: on a 50-event page that cost about a quarter of
 * the server's CPU per request (bench/optimizations.md). This keeps its header without the per-field cost.
 */
export function noStorePlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (!response.http.headers.has('cache-control')) response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}
