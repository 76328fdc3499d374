import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { useInputChecks } from './input-checks';
import { describeRootTypes } from './root-type-descriptions';
import { printInReadingOrder } from './sdl-reading-order';
import { SchemaSection, sectionsOf, withSections } from './schema-section';
import { useSynchronousTypeResolvers } from './synchronous-type-resolvers';
import { useDirectFieldResolvers } from './direct-field-resolvers';

/** What the schema runs on: resolver instances (built with their services in src/compose-schema.ts) and live delivery. */
export interface SchemaWiring {
  resolvers: object[];
  /** Each feature's part of the schema, in reading order (carried in the schema's extensions). */
  sections: readonly SchemaSection[];
  /** Where subscriptions subscribe (LiveService); null for a schema built only to be printed. */
  live: { subscribe(topic: string, request: never): Promise<AsyncIterableIterator<unknown>> } | null;
}

/**
 * The executable schema; code-first, with the emitted SDL committed beside this file. type-graphql
 * asks its `container` for each resolver class and gets the instance compose-schema.ts built.
 */
export async function buildCommunitySchema(wiring: SchemaWiring): Promise<GraphQLSchema> {
  const instances = new Map<unknown, object>(wiring.resolvers.map((resolver) => [resolver.constructor, resolver]));
  const unwired = (): never => { throw new Error('This schema was built to be printed, not run: build it with its services (src/compose-schema.ts).'); };
  return withSections(useInputChecks(describeRootTypes(useDirectFieldResolvers(useSynchronousTypeResolvers(await buildSchema({
    resolvers: wiring.resolvers.map((resolver) => resolver.constructor) as unknown as [Function, ...Function[]],
    container: { get: (resolverClass) => instances.get(resolverClass) },
    // Inputs are checked by the services, which know the rules and name the argument in errors.
    validate: false,
    // Each @Subscription names its topic and passes its arguments and context as the topic id; the
    // live service checks them and hands back the subscriber's queue. Services publish themselves.
    pubSub: {
      publish: unwired,
      subscribe: (topic, request) => (wiring.live ? wiring.live.subscribe(topic, request as never) : unwired()) as never,
    },
  })), instances))), wiring.sections);
}

/**
 * The SDL as committed at src/schema/schema.graphql: types in reading order (sdl-reading-order.ts),
 * fields inside them sorted, so diffs show only real changes.
 */
export function printCommunitySchema(schema: GraphQLSchema): string {
  return `${printInReadingOrder(lexicographicSortSchema(schema), sectionsOf(schema).map((section) => section.sdl))}\n`;
}
