import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { execute, ExecutionResult, GraphQLError, GraphQLSchema, printSchema } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { compileQuery, CompiledQuery, isCompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';
import type { Context } from '../context';
import type { Logger } from '../logger';

type Gateway = ApolloServerOptionsWithGateway<Context>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;
type ExecutorRequest = Parameters<Executor>[0];

/** Distinct query documents kept compiled; a compiled query is a few kB of generated code. */
export const COMPILED_QUERIES_CACHED = 1000;

/** Cached for a document graphql-jit refused, so it is tried (and logged) once, not on every request. */
const NOT_COMPILABLE = 'not compilable';

/**
 * Runs /graphql queries with graphql-jit: each query document is compiled once into a JavaScript
 * function (cached by operation name and text), then called per request with that request's
 * context, so per-request DataLoaders batch exactly as under graphql-js. Mutations (serial
 * execution), documents graphql-jit cannot compile, and anything Apollo could not resolve to one
 * operation run on graphql-js, as they would without this.
 *
 * Apollo Server 5 has no executor option; its gateway interface (a schema plus an executor) is the
 * supported way to replace execution. Parsing, validation, limits, persisted queries, plugins and
 * error formatting stay Apollo's, before and after the executor.
 */
export function graphqlJitGateway(schema: GraphQLSchema, logger: Logger, cacheSize = COMPILED_QUERIES_CACHED): Gateway {
  const compiled = new LRUCache<string, CompiledQuery | typeof NOT_COMPILABLE>({ max: cacheSize });
  const listeners = new Set<Parameters<Gateway['onSchemaLoadOrUpdate']>[0]>();

  function compiledFor(request: ExecutorRequest): CompiledQuery | null {
    const operationName = request.operation.name?.value;
    const key = `${operationName ?? ''}\n${request.source}`;
    let entry = compiled.get(key);
    if (entry === undefined) {
      const result = compileQuery(schema, request.document, operationName);
      if (isCompiledQuery(result)) {
        entry = result;
        logger.debug({ operationName }, 'graphql-jit compiled a query');
      } else {
        entry = NOT_COMPILABLE;
        logger.warn({ operationName, reason: result.errors?.[0]?.message }, 'graphql-jit cannot compile this query; it runs on graphql-js');
      }
      compiled.set(key, entry);
    }
    return entry === NOT_COMPILABLE ? null : entry;
  }

  const executor: Executor = async (request) => {
    const { document, context: contextValue } = request;
    const { variables: variableValues, operationName } = request.request;
    // Apollo reaches the executor without an operation when none matches: graphql-js words that error.
    const query = request.operation?.operation === 'query' ? compiledFor(request) : null;
    if (!query) return execute({ schema, document, contextValue, variableValues, operationName });
    // graphql-js's own coercion, so bad variables fail with its errors (Apollo answers them 400 BAD_USER_INPUT).
    const coerced = getVariableValues(schema, request.operation.variableDefinitions ?? [], variableValues ?? {});
    if (coerced.errors) return { errors: coerced.errors };
    return asGraphqlJsResult(await query.query(undefined, contextValue, variableValues));
  };

  return {
    onSchemaLoadOrUpdate(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    async load() {
      for (const listener of listeners) listener({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return { executor };
    },
    async stop() {
      compiled.clear();
      listeners.clear();
    },
  };
}

/**
 * graphql-jit's errors are its own objects: no `extensions` object unless the cause had one, which
 * Apollo's error formatting reads unguarded (it would answer a bare "Internal server error" and lose
 * a domain error's code). Rebuilt as graphql-js errors with the same message, locations, path and cause.
 */
function asGraphqlJsResult(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.length) return { data: result.data };
  const errors = result.errors.map((error) => {
    const rebuilt = new GraphQLError(error.message, { path: error.path, originalError: error.originalError, extensions: error.extensions });
    (rebuilt as { locations?: GraphQLError['locations'] }).locations = error.locations;
    return rebuilt;
  });
  return { data: result.data, errors };
}
