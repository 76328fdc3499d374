import { parse } from 'graphql';
import { CatalogSinkItem } from '../shared/catalog-item';
import {
  AdapterError, CATALOG_KIND, EVENTS_KIND, HttpClient, NormalizedEvent, PullResult, SkippedItem, SourceAdapter, SourceFormat, SourceSpec,
} from '../adapter';
import { WebLinkCheck } from '../shared/web-links';
import { mapCatalogPage } from './graphql.catalog.map';
import { mapGraphqlPage, MappedPage } from './graphql.events.map';
import { GraphqlMapping, GraphqlPagination, readGraphqlMapping } from './graphql.field-mapping';
import { GraphqlResponse, parseGraphqlResponse } from './graphql.parse';

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

const skippedRecord = (item: SkippedItem): CatalogSinkItem => ({ skipped: true, externalId: item.externalId ?? null });

/** One query of a source, paged: its items, and the ones that broke a rule of our model. */
interface PagedRequest<Item> {
  query: string;
  variables: Record<string, unknown>;
  headers: Record<string, string>;
  pagination: GraphqlPagination | null;
  mapPage: (response: GraphqlResponse) => MappedPage<Item>;
}

async function pullPages<Item>(source: SourceSpec, http: HttpClient, request: PagedRequest<Item>): Promise<{ items: Item[]; skipped: SkippedItem[] }> {
  const items: Item[] = [];
  const skipped: SkippedItem[] = [];
  const maxPages = request.pagination?.maxPages ?? 1;
  let after: string | null = null;
  for (let page = 1; page <= maxPages; page++) {
    const pageVariables = request.pagination && after ? { ...request.variables, [request.pagination.afterVariable]: after } : request.variables;
    let result;
    try {
      result = await http.fetch(source.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json;q=0.9',
          ...request.headers,
        },
        body: JSON.stringify({ query: request.query, variables: pageVariables }),
        readErrorBody: true,
      });
    } catch (error) {
      if (error instanceof AdapterError) throw error;
      throw new AdapterError(`GraphQL request to ${source.url} failed: ${(error as Error).message}`);
    }
    const mapped = request.mapPage(parseGraphqlResponse(source.url, result.status, result.body));
    items.push(...mapped.items);
    skipped.push(...mapped.skipped);
    if (!mapped.hasNextPage) {
      if (items.length === 0 && skipped.length > 0) {
        // Every item failed: the remote changed shape. Failing keeps the stored copy instead of emptying it.
        throw new AdapterError(`none of the ${skipped.length} items from ${source.url} could be mapped; first: ${skipped[0].reason}`);
      }
      return { items, skipped };
    }
    after = mapped.endCursor;
  }
  throw new AdapterError(`${source.url} still had more pages after ${maxPages}: narrow the query or raise pagination.maxPages`);
}

/**
 * A partner that already speaks GraphQL (another town's Community Graph, a museum's API): the
 * configured query is POSTed page by page and its items mapped to events; for another Community
 * Graph its catalog records come too (a second paged query). Both are pulled before anything is
 * stored, so an error in either leaves the last good copy of both. A GraphQL POST has no
 * conditional GET, so every pull is the whole window (never incremental).
 */
export const graphqlAdapter: SourceAdapter = {
  format: SourceFormat.GRAPHQL,
  async pull(source: SourceSpec, http: HttpClient): Promise<PullResult<NormalizedEvent>> {
    const mapping = readGraphqlMapping(source.options);
    const events = await pullPages(source, http, {
      query: mapping.query, variables: windowVariables(mapping, source, declaredVariables(mapping.query)),
      headers: mapping.headers, pagination: mapping.pagination,
      mapPage: (response) => mapGraphqlPage(response, mapping, source),
    });
    const catalog = mapping.catalog;
    const records = catalog ? await pullPages(source, http, {
      query: catalog.query, variables: catalog.variables, headers: mapping.headers, pagination: catalog.pagination,
      mapPage: (response) => mapCatalogPage(response, catalog, source.url),
    }) : null;
    const links = new WebLinkCheck();
    const items = events.items.map((e) => links.event(e));
    return {
      notModified: false, validators: { etag: null, lastModified: null }, kind: EVENTS_KIND,
      items, incremental: false,
      skipped: [...events.skipped, ...links.skipped(), ...(records?.skipped ?? []).map((item) => ({ ...item, reason: `catalog record: ${item.reason}` }))],
      // A record we could not map goes to the catalog sink as a marker, as an unreadable MARC record does:
      // that pull then proves nothing about absence, so the stored copy of the record is not suppressed.
      ...(records ? { parts: [{ kind: CATALOG_KIND, items: [...records.items, ...records.skipped.map(skippedRecord)], incremental: false }] } : {}),
    };
  },
};
