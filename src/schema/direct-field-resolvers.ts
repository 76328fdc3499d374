import { GraphQLFieldResolver, GraphQLSchema, isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type ParamSource = 'root' | 'context' | 'info';

const direct = new WeakSet<Function>();

/** Whether a field's resolver is one useDirectFieldResolvers put there. */
export const isDirectResolver = (resolve: unknown): boolean => typeof resolve === 'function' && direct.has(resolve);

/**
 * type-graphql resolves each @FieldResolver through a generic handler: per call it builds a data
 * object, looks the resolver up in the container, walks its middleware chain (empty here) and maps
 * each parameter, allocating as it goes. For a method that takes only @Root(), @Ctx() and @Info()
 * (no property picked, no type conversion, no middleware or roles) that work changes nothing, so the
 * field calls the method directly: a page of 50 events makes some 250 such calls (issue 15). Methods
 * with @Arg/@Args keep type-graphql's handler, which turns arguments into their input classes.
 */
export function useDirectFieldResolvers(schema: GraphQLSchema, instances: ReadonlyMap<unknown, object>): GraphQLSchema {
  const storage = getMetadataStorage();
  const typeNames = new Map<Function, string>(storage.objectTypes.map((type) => [type.target, type.name]));
  for (const metadata of storage.fieldResolvers) {
    if (metadata.kind !== 'external' || metadata.middlewares?.length || metadata.roles?.length || !metadata.getObjectType) continue;
    const sources = directSources(metadata.params ?? []);
    const instance = instances.get(metadata.target) as Record<string, (...values: unknown[]) => unknown> | undefined;
    const type = schema.getType(typeNames.get(metadata.getObjectType() as Function) ?? '');
    const field = isObjectType(type) ? type.getFields()[metadata.schemaName] : undefined;
    if (!sources || !instance || !field) continue;
    field.resolve = directResolver(instance, instance[metadata.methodName], sources);
    direct.add(field.resolve);
  }
  return schema;
}

/** The method's parameters in order, when each is the whole root, the whole context or the info; null otherwise. */
function directSources(params: ReadonlyArray<{ kind: string; index: number; propertyName?: string; getType?: unknown }>): ParamSource[] | null {
  const sources: ParamSource[] = [];
  for (const param of params) {
    if ((param.kind !== 'root' && param.kind !== 'context' && param.kind !== 'info') || param.propertyName || param.getType) return null;
    sources[param.index] = param.kind;
  }
  return sources.length === params.length && !sources.includes(undefined as never) ? sources : null;
}

const valueOf = (source: ParamSource, root: unknown, context: unknown, info: unknown): unknown =>
  (source === 'root' ? root : source === 'context' ? context : info);

function directResolver(instance: object, method: (...values: unknown[]) => unknown, sources: ParamSource[]): GraphQLFieldResolver<unknown, unknown> {
  // The common shapes without an array per call.
  const [a, b] = sources;
  if (sources.length === 1) return (root, _args, context, info) => method.call(instance, valueOf(a, root, context, info));
  if (sources.length === 2) return (root, _args, context, info) => method.call(instance, valueOf(a, root, context, info), valueOf(b, root, context, info));
  return (root, _args, context, info) => method.apply(instance, sources.map((source) => valueOf(source, root, context, info)));
}
