import type { GraphQLSchema } from 'graphql';
import type { Loaders } from '../loaders/create-loaders';

/** One feature's part of the API: its root fields (in reading order) and the types it owns. */
export interface SdlFeature {
  name: string;
  /** One line printed above the feature's types in schema.graphql. */
  summary: string;
  query?: readonly string[];
  mutation?: readonly string[];
  subscription?: readonly string[];
  types: readonly string[];
}

/** A loader that fetches one Node type by its local id. */
export type NodeLoader = keyof Pick<Loaders, 'eventById' | 'partnerById' | 'locationById' | 'serviceById' | 'sourceById' | 'catalogRecordById'>;

/**
 * What each feature exports about its part of the schema (src/features/<feature>/schema-section.ts):
 * where its fields and types stand in the committed SDL, and which of its types are Nodes (refetched
 * by `node(id)` and federation entities resolved by `_entities`), with the loader that fetches each.
 * src/compose.ts lists the sections in reading order.
 */
export interface SchemaSection {
  sdl: SdlFeature;
  nodes: Readonly<Record<string, NodeLoader>>;
}

const SECTIONS = 'communityGraphSections';

/** The sections travel with the schema they describe (its `extensions`), so printing needs nothing else. */
export function withSections(schema: GraphQLSchema, sections: readonly SchemaSection[]): GraphQLSchema {
  schema.extensions = { ...schema.extensions, [SECTIONS]: sections };
  return schema;
}

export function sectionsOf(schema: GraphQLSchema): readonly SchemaSection[] {
  const sections = (schema.extensions as Record<string, unknown>)[SECTIONS];
  if (!Array.isArray(sections)) throw new Error('This schema carries no sections: build it with buildSchemaOver (src/compose-schema.ts).');
  return sections as SchemaSection[];
}

/** Every Node type and its loader, over all sections. */
export function nodeLoadersOf(sections: readonly SchemaSection[]): Readonly<Record<string, NodeLoader>> {
  return Object.assign({}, ...sections.map((section) => section.nodes));
}
