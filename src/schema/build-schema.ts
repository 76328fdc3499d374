import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { RESOLVERS } from '../resolvers';

/** The executable schema; code-first, with the emitted SDL committed beside this file. */
export async function buildCommunitySchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    // Inputs are checked by the services, which know the rules and name the argument in errors.
    validate: false,
  });
}

/** The SDL as committed at src/schema/schema.graphql (sorted, so diffs show only real changes). */
export function printCommunitySchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
