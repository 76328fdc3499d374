import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { RESOLVERS } from './resolvers';
import { useInputChecks } from './input-checks';
import { describeRootTypes } from './root-type-descriptions';
import { printInReadingOrder } from './sdl-reading-order';
import { useSynchronousTypeResolvers } from './synchronous-type-resolvers';

/** The executable schema; code-first, with the emitted SDL committed beside this file. */
export async function buildCommunitySchema(): Promise<GraphQLSchema> {
  return useInputChecks(describeRootTypes(useSynchronousTypeResolvers(await buildSchema({
    resolvers: RESOLVERS,
    // Inputs are checked by the services, which know the rules and name the argument in errors.
    validate: false,
    // Every @Subscription here has its own `subscribe` (a service reads the process's pub/sub through
    // the context), so type-graphql's built-in pub/sub is never used; it only insists that one exists.
    pubSub: {
      publish: () => { throw new Error('Publish through ctx.services.pubsub'); },
      subscribe: () => { throw new Error('Subscriptions subscribe through their services'); },
    },
  }))));
}

/**
 * The SDL as committed at src/schema/schema.graphql: types in reading order (sdl-reading-order.ts),
 * fields inside them sorted, so diffs show only real changes.
 */
export function printCommunitySchema(schema: GraphQLSchema): string {
  return `${printInReadingOrder(lexicographicSortSchema(schema))}\n`;
}
