import { GraphQLSchema } from 'graphql';
import { buildCommunitySchema } from './schema/build-schema';
import { QueryResolver } from './schema/query.resolver';
import { LocationFieldsResolver } from './model/location-fields.resolver';
import { catalogResolvers } from './features/catalog/resolvers';
import { eventsResolvers } from './features/events/resolvers';
import { listingsResolvers } from './features/listings/resolvers';
import { partnersResolvers } from './features/partners/resolvers';
import { registrationsResolvers } from './features/registrations/resolvers';
import { impactResolvers } from './features/impact/resolvers';
import { surveyResolvers } from './features/surveys/resolvers';
import { sourcesResolvers } from './features/sources/resolvers';
import { SCHEMA_SECTIONS, Services } from './compose';

/*
 * The composition root's second half: the GraphQL schema over the services of src/compose.ts. Only
 * the server (and tools that print or read the schema) import it; the CLI does not.
 */

/** Every resolver of the schema, built with the services it uses (type-graphql's container hands them out). */
export function createResolvers(services: Services): object[] {
  return [
    new QueryResolver(services.nodes, services.partners, services.events),
    new LocationFieldsResolver(),
    ...partnersResolvers(services),
    ...sourcesResolvers(services),
    ...eventsResolvers(services),
    ...registrationsResolvers(services),
    ...impactResolvers(services),
    ...surveyResolvers(services),
    ...listingsResolvers(services),
    ...catalogResolvers(services),
  ];
}

/**
 * The executable schema over these services. Without them, the schema to print or to read (the
 * committed SDL, documentation checks, query planning in tests): its resolvers hold no services and
 * no operation may run on it.
 */
export function buildSchemaOver(services?: Services): Promise<GraphQLSchema> {
  return buildCommunitySchema({ resolvers: createResolvers(services ?? ({} as Services)), sections: SCHEMA_SECTIONS, live: services?.live ?? null });
}
