import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import {
  DirectiveNode, DocumentNode, GraphQLSchema, Kind, ObjectTypeDefinitionNode, parse, visit,
} from 'graphql';
import { createResolversMap } from 'type-graphql';
import { Context } from '../context';
import { DomainError, ErrorCode } from '../domain/errors';
import { NodeService } from './node.service';
import { printCommunitySchema } from './build-schema';

/**
 * Federation 2 spec this subgraph links. v2.3 is understood by every Apollo Router 1.x/2.x, by
 * @apollo/gateway 2.x and by Hive Gateway; we import only what we use.
 * https://www.apollographql.com/docs/graphos/schema-design/federated-schemas/reference/directives
 */
export const FEDERATION_LINK = 'https://specs.apollo.dev/federation/v2.3';

/**
 * Value types that other subgraphs commonly define too (Relay's PageInfo): @shareable lets them
 * compose instead of failing with INVALID_FIELD_SHARING. Entities need no @shareable on their key.
 */
export const SHAREABLE_TYPES: readonly string[] = ['PageInfo'];


const directive = (name: string, fields?: string): DirectiveNode => ({
  kind: Kind.DIRECTIVE,
  name: { kind: Kind.NAME, value: name },
  arguments: fields === undefined ? [] : [{
    kind: Kind.ARGUMENT,
    name: { kind: Kind.NAME, value: 'fields' },
    value: { kind: Kind.STRING, value: fields },
  }],
});

/**
 * The public SDL (in its reading order) plus the federation directives: `@link`, `@key` on entities,
 * `@shareable` on value types.
 */
export function subgraphTypeDefs(schema: GraphQLSchema, entityTypes: readonly string[]): DocumentNode {
  const publicSdl = parse(printCommunitySchema(schema));
  const annotated = visit(publicSdl, {
    ObjectTypeDefinition(node: ObjectTypeDefinitionNode) {
      const added: DirectiveNode[] = [];
      if (entityTypes.includes(node.name.value)) added.push(directive('key', 'id'));
      if (SHAREABLE_TYPES.includes(node.name.value)) added.push(directive('shareable'));
      return added.length ? { ...node, directives: [...(node.directives ?? []), ...added] } : undefined;
    },
  });
  const link = parse(`extend schema @link(url: "${FEDERATION_LINK}", import: ["@key", "@shareable"])`);
  return { kind: Kind.DOCUMENT, definitions: [...link.definitions, ...annotated.definitions] };
}

type ResolverMap = Record<string, Record<string, unknown>>;

/**
 * The Federation 2 subgraph schema (`_service { sdl }`, `_entities`) over the very same resolvers as
 * the public schema: type-graphql builds the schema, its resolver map is lifted out, and
 * @apollo/subgraph rebuilds it from the annotated SDL. `_entities` loads each representation through
 * ctx.loaders, so a batch of N references of one type costs one SQL statement per type (plus the
 * batched statements of the fields the router asked for), whatever N.
 */
export function buildCommunitySubgraphSchema(schema: GraphQLSchema, nodes: NodeService): GraphQLSchema {
  const resolvers = createResolversMap(schema) as ResolverMap;
  const entityTypes = nodes.types();
  for (const typename of entityTypes) {
    resolvers[typename] = {
      ...resolvers[typename],
      __resolveReference: (reference: { id: string }, ctx: Context) =>
        nodes.resolveReference(ctx, typename, reference.id),
    };
  }
  const subgraph = buildSubgraphSchema({ typeDefs: subgraphTypeDefs(schema, entityTypes), resolvers: resolvers as never });
  refuseNonEntityRepresentations(subgraph, entityTypes);
  return subgraph;
}

/**
 * A representation naming a type that is not an entity (`Registration`, `PageInfo`, a typo) is the
 * caller's mistake: @apollo/subgraph would fail it deep in execution as an internal error. It gets
 * BAD_USER_INPUT at its own index instead (naming the types that are entities), and the other
 * representations are still answered, as for a malformed id.
 */
function refuseNonEntityRepresentations(subgraph: GraphQLSchema, entityTypes: readonly string[]): void {
  const entities = subgraph.getQueryType()?.getFields()._entities;
  const resolve = entities?.resolve;
  if (!entities || !resolve) return;
  type Representation = { __typename?: unknown };
  const isEntity = (r: Representation) => typeof r.__typename === 'string' && entityTypes.includes(r.__typename);
  entities.resolve = async (source, args: { representations: Representation[] }, ctx, info) => {
    const all = args.representations;
    if (all.every(isEntity)) return resolve(source, args, ctx, info);
    const answered = (await resolve(source, { ...args, representations: all.filter(isEntity) }, ctx, info)) as unknown[];
    let next = 0;
    return all.map((representation, i) => (isEntity(representation) ? answered[next++] : new DomainError(ErrorCode.BAD_USER_INPUT,
      `representations[${i}].__typename must name an entity type (${[...entityTypes].sort().join(', ')}), got ${JSON.stringify(representation.__typename ?? null)}.`,
      { argument: `representations[${i}].__typename` })));
  };
}

/** The SDL a router fetches from `_service { sdl }`, as committed at federation/subgraph.graphql. */
export function printCommunitySubgraphSchema(subgraph: GraphQLSchema): string {
  return `${printSubgraphSchema(subgraph).trim()}\n`;
}
