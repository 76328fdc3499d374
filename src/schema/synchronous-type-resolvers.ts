import { GraphQLSchema, isAbstractType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/**
 * type-graphql wraps every `resolveType` declared on an interface or union in an async function.
 * graphql-jit does not await a type resolver (it reads the type name synchronously and would report
 * "must resolve to an Object type" for a promise); graphql-js accepts either. Ours return type names
 * synchronously, so the schema gets them as declared. Types without a declared `resolveType` keep
 * type-graphql's synchronous `instanceof` lookup.
 */
export function useSynchronousTypeResolvers(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  const declared = new Map([...storage.interfaceTypes, ...storage.unions]
    .filter((metadata) => metadata.resolveType)
    .map((metadata) => [metadata.name, metadata.resolveType!]));
  for (const type of Object.values(schema.getTypeMap())) {
    const resolveType = declared.get(type.name);
    if (resolveType && isAbstractType(type)) type.resolveType = resolveType as typeof type.resolveType;
  }
  return schema;
}
