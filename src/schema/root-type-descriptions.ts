import { GraphQLSchema } from 'graphql';

/**
 * type-graphql builds Query, Mutation and Subscription itself and takes no description for them, so
 * the schema builder sets these afterwards; they open the committed SDL, where a reader starts.
 */
export const ROOT_TYPE_DESCRIPTIONS = {
  Query: 'Reads. Public data needs no API key; a few fields (registrants, feed URLs, sync errors) show only to '
    + 'the owning partner\'s PARTNER key or an ADMIN key, sent as `Authorization: Bearer <key>`. Instants are '
    + 'RFC 3339 in UTC; events, partners and listings carry the IANA time zone to show them in. Lists are '
    + 'Relay connections, 20 items a page by default, at most 100.',
  Mutation: 'Writes. Registering and cancelling need no key; a partner\'s PARTNER key manages its own events, '
    + 'sources and embed settings; an ADMIN key manages everything. Refused input is a GraphQL error with '
    + '`extensions.code` (BAD_USER_INPUT naming the argument, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT); '
    + 'expected refusals of a registration are typed results instead (RegisterPayload).',
  Subscription: 'Live updates over graphql-ws at /graphql, pushed after each change commits (on every replica when they share Redis). '
    + 'Arguments are checked when the subscription starts; messages carry ids and counts, and the objects '
    + 'they link to are loaded fresh for each delivery.',
} as const;

export function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (root) root.description = ROOT_TYPE_DESCRIPTIONS[root.name as keyof typeof ROOT_TYPE_DESCRIPTIONS];
  }
  return schema;
}
