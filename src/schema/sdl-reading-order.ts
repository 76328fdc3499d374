import type { SdlFeature } from './schema-section';
import {
  GraphQLNamedType, GraphQLObjectType, GraphQLSchema, isIntrospectionType, isSpecifiedScalarType, printType,
} from 'graphql';

type RootKey = 'query' | 'mutation' | 'subscription';

const rootsOf = (schema: GraphQLSchema): [RootKey, GraphQLObjectType | null | undefined][] => [
  ['query', schema.getQueryType()], ['mutation', schema.getMutationType()], ['subscription', schema.getSubscriptionType()],
];

const ownTypes = (schema: GraphQLSchema): GraphQLNamedType[] => Object.values(schema.getTypeMap())
  .filter((type) => !isIntrospectionType(type) && !isSpecifiedScalarType(type));

/** Schema elements no section places, and names the sections list that the schema does not have. */
export function readingOrderGaps(schema: GraphQLSchema, features: readonly SdlFeature[]): { unplaced: string[]; unknown: string[] } {
  const rootNames = new Set(rootsOf(schema).map(([, root]) => root?.name));
  const actual = new Set<string>();
  for (const type of ownTypes(schema)) if (!rootNames.has(type.name)) actual.add(type.name);
  for (const [, root] of rootsOf(schema)) for (const field of Object.keys(root?.getFields() ?? {})) actual.add(`${root!.name}.${field}`);
  const listed = new Set<string>();
  for (const feature of features) {
    for (const type of feature.types) listed.add(type);
    for (const [key, root] of rootsOf(schema)) for (const field of feature[key] ?? []) listed.add(`${root?.name ?? key}.${field}`);
  }
  return {
    unplaced: [...actual].filter((name) => !listed.has(name)).sort(),
    unknown: [...listed].filter((name) => !actual.has(name)).sort(),
  };
}

/** A root type with its fields in feature order; fields no feature lists follow, in schema order. */
function inFeatureOrder(root: GraphQLObjectType, key: RootKey, features: readonly SdlFeature[]): GraphQLObjectType {
  const config = root.toConfig();
  const order = features.flatMap((feature) => feature[key] ?? []).filter((name) => name in config.fields);
  const names = [...order, ...Object.keys(config.fields).filter((name) => !order.includes(name))];
  return new GraphQLObjectType({ ...config, fields: Object.fromEntries(names.map((name) => [name, config.fields[name]])) });
}

/**
 * The SDL in reading order: root types, then each feature's types under a `#` heading, then any type
 * no feature lists yet (the SDL test names them), so printing never drops a type.
 */
export function printInReadingOrder(schema: GraphQLSchema, features: readonly SdlFeature[]): string {
  const blocks: string[] = [];
  for (const [key, root] of rootsOf(schema)) if (root) blocks.push(printType(inFeatureOrder(root, key, features)));
  const placed = new Set(rootsOf(schema).map(([, root]) => root?.name));
  for (const feature of features) {
    const types = feature.types.map((name) => schema.getType(name)).filter((type): type is GraphQLNamedType => !!type);
    if (!types.length) continue;
    blocks.push(`# ${feature.summary}`);
    for (const type of types) { blocks.push(printType(type)); placed.add(type.name); }
  }
  const rest = ownTypes(schema).filter((type) => !placed.has(type.name));
  if (rest.length) blocks.push('# Not yet placed in a feature (its src/features/<feature>/schema-section.ts).', ...rest.map((type) => printType(type)));
  return blocks.join('\n\n');
}
