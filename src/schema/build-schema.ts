import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { RESOLVERS } from '../resolvers';
import { useInputChecks } from './input-checks';
import { useSynchronousTypeResolvers } from './synchronous-type-resolvers';

/** The executable schema; code-first, with the emitted SDL committed beside this file. */
export async function buildCommunitySchema(): Promise<GraphQLSchema> {
  return useInputChecks(useSynchronousTypeResolvers(await buildSchema({
    resolvers: RESOLVERS,
    // Inputs are checked by the services, which know the rules and name the argument in errors.
    validate: false,
    // Every @Subscription here has its own `subscribe` (a service reads the process's pub/sub through
    // the context), so type-graphql's built-in pub/sub is never used; it only insists that one exists.
    pubSub: {
      publish: () => { throw new Error('Publish through ctx.services.pubsub'); },
      subscribe: () => { throw new Error('Subscriptions subscribe through their services'); },
    },
  })));
}

/** The SDL as committed at src/schema/schema.graphql (sorted, so diffs show only real changes). */
export function printCommunitySchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
