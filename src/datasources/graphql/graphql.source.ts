import { parse } from 'graphql';
import {
  AdapterError, EVENTS_KIND, HttpClient, NormalizedEvent, PullResult, SkippedItem, SourceAdapter, SourceFormat, SourceSpec,
} from '../adapter';
import { mapGraphqlPage } from './graphql.map';
import { GraphqlMapping, readGraphqlMapping } from './graphql.mapping';
import { parseGraphqlResponse } from './graphql.parse';

/** The variables the query declares, so the sync window is sent only to queries that take it. */
function declaredVariables(query: string): Set<string> {
  try {
    const document = parse(query);
    return new Set(document.definitions.flatMap((d) =>
      d.kind === 'OperationDefinition' ? (d.variableDefinitions ?? []).map((v) => v.variable.name.value) : []));
  } catch (error) {
    throw new AdapterError(`GRAPHQL source option query does not parse: ${(error as Error).message}`);
  }
}

function windowVariables(mapping: GraphqlMapping, source: SourceSpec, declared: Set<string>): Record<string, unknown> {
  const from = source.window.from.toISOString();
  const to = source.window.to.toISOString();
  const variables: Record<string, unknown> = { ...mapping.variables };
  if (declared.has('filter') && typeof variables.filter === 'object' && variables.filter !== null) {
    // The Community Graph preset: the window goes into its EventFilter unless the source set one.
    variables.filter = { from, to, ...(variables.filter as Record<string, unknown>) };
  }
  if (declared.has('from') && variables.from === undefined) variables.from = from;
  if (declared.has('to') && variables.to === undefined) variables.to = to;
  return variables;
}

/**
 * A partner that already speaks GraphQL (another town's Community Graph, a museum's API): the
 * configured query is POSTed page by page and its items mapped to events. A GraphQL POST has no
 * conditional GET, so every pull is the whole window (never incremental).
 */
export const graphqlAdapter: SourceAdapter = {
  format: SourceFormat.GRAPHQL,
  async pull(source: SourceSpec, http: HttpClient): Promise<PullResult<NormalizedEvent>> {
    const mapping = readGraphqlMapping(source.options);
    const variables = windowVariables(mapping, source, declaredVariables(mapping.query));
    const items: NormalizedEvent[] = [];
    const skipped: SkippedItem[] = [];
    const maxPages = mapping.pagination?.maxPages ?? 1;
    let after: string | null = null;
    for (let page = 1; page <= maxPages; page++) {
      const pageVariables = mapping.pagination && after ? { ...variables, [mapping.pagination.afterVariable]: after } : variables;
      let result;
      try {
        result = await http.fetch(source.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/graphql-response+json, application/json;q=0.9',
            ...mapping.headers,
          },
          body: JSON.stringify({ query: mapping.query, variables: pageVariables }),
          readErrorBody: true,
        });
      } catch (error) {
        if (error instanceof AdapterError) throw error;
        throw new AdapterError(`GraphQL request to ${source.url} failed: ${(error as Error).message}`);
      }
      const mapped = mapGraphqlPage(parseGraphqlResponse(source.url, result.status, result.body), mapping, source);
      items.push(...mapped.items);
      skipped.push(...mapped.skipped);
      if (!mapped.hasNextPage) {
        if (items.length === 0 && skipped.length > 0) {
          // Every item failed: the remote changed shape. Failing keeps the stored copy instead of emptying it.
          throw new AdapterError(`none of the ${skipped.length} items from ${source.url} could be mapped; first: ${skipped[0].reason}`);
        }
        return {
          notModified: false, validators: { etag: null, lastModified: null }, kind: EVENTS_KIND,
          items, skipped, incremental: false,
        };
      }
      after = mapped.endCursor;
    }
    throw new AdapterError(`${source.url} still had more pages after ${maxPages}: narrow the query or raise pagination.maxPages`);
  },
};
