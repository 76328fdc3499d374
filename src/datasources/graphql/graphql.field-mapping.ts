import { AttendanceMode, Audience, EventStatus, RegistrationMode } from '../../domain/enums';
import { AdapterError } from '../adapter';

/** The NormalizedEvent fields a mapping can fill, with nested ones dotted (place.*, registration.*). */
export const MAPPABLE_FIELDS = [
  'externalId', 'seriesKey', 'title', 'description', 'startsAt', 'endsAt', 'timezone', 'allDay',
  'startDate', 'endDate', 'status', 'attendanceMode', 'audiences', 'rawAudiences', 'categories', 'url',
  'imageUrl', 'place.name', 'place.address', 'place.lat', 'place.lon', 'place.code',
  'registration.mode', 'registration.url', 'registration.capacity', 'registration.confirmed',
] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];

/** Without these an item is not an event; they can never be marked optional. */
export const REQUIRED_FIELDS: readonly MappableField[] = ['externalId', 'title', 'startsAt'];

export interface GraphqlPagination {
  /** Paths from `data`, e.g. events.pageInfo.endCursor. */
  endCursorPath: string;
  hasNextPagePath: string;
  /** The query variable that takes the cursor, e.g. after. */
  afterVariable: string;
  /** Bound on requests per sync; a longer feed fails the sync instead of looping. */
  maxPages: number;
}

/** What the shared page rules (graphql.map.ts) need of any part: where items sit and which fields may fail. */
export interface GraphqlPageShape<Field extends string = string> {
  itemsPath: string;
  pagination: GraphqlPagination | null;
  fields: Partial<Record<Field, string>>;
  /**
   * Fields that may come back null or with a GraphQL error (partial data) without failing the sync;
   * an error on any other mapped field fails the whole pull, so stored data stays untouched.
   */
  optional: readonly Field[];
}

/** The NormalizedCatalogRecord fields the Community Graph catalog part reads (holdings as a whole). */
export const CATALOG_FIELDS = [
  'externalId', 'controlNumber', 'title', 'alternateTitles', 'subtitle', 'statementOfResponsibility', 'authors', 'isbns',
  'issns', 'oclcNumbers', 'edition', 'publisher', 'year', 'extent', 'format', 'language', 'series', 'summary',
  'subjects', 'links', 'holdings',
] as const;
export type CatalogField = (typeof CATALOG_FIELDS)[number];

/** A second query of the same source whose items become catalog records (kind 'catalog'). */
export interface GraphqlCatalogPart extends GraphqlPageShape<CatalogField> {
  query: string;
  variables: Record<string, unknown>;
  pagination: GraphqlPagination;
}

/**
 * How a remote GraphQL API's answer becomes our events (Source.options of a GRAPHQL source).
 * Paths are dot-separated field names (response keys, so aliases work); a list on the way is
 * flattened, e.g. `events.edges.node` yields every node of every edge.
 */
export interface GraphqlMapping {
  query: string;
  /** Sent with every page. `$from` and `$to`, when the query declares them, get the sync window. */
  variables: Record<string, unknown>;
  headers: Record<string, string>;
  itemsPath: string;
  pagination: GraphqlPagination | null;
  fields: Partial<Record<MappableField, string>>;
  /** See GraphqlPageShape.optional. */
  optional: MappableField[];
  /** Remote enum values → ours; values already named like ours pass through. */
  valueMaps: {
    status?: Record<string, EventStatus>;
    attendanceMode?: Record<string, AttendanceMode>;
    audiences?: Record<string, Audience>;
    registrationMode?: Record<string, RegistrationMode>;
  };
  /** The catalog records to bring across as well (the Community Graph preset); null: events only. */
  catalog: GraphqlCatalogPart | null;
}

/**
 * Zero configuration for another Community Graph: its schema is ours, so the query, paths and value
 * maps are known. Its NATIVE registrations happen on its own site, so here they are EXTERNAL.
 */
export const COMMUNITY_GRAPH_MAPPING: GraphqlMapping = {
  query: `query CommunityGraphEvents($first: Int!, $after: String, $filter: EventFilter) {
  events(first: $first, after: $after, filter: $filter) {
    edges { node {
      id seriesId title description startsAt endsAt timezone allDay startDate endDate status attendanceMode
      audiences rawAudiences categories url imageUrl
      location { id name address lat lon }
      registration { mode url capacity confirmed }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`,
  variables: { first: 100 },
  headers: {},
  itemsPath: 'events.edges.node',
  pagination: {
    endCursorPath: 'events.pageInfo.endCursor', hasNextPagePath: 'events.pageInfo.hasNextPage',
    afterVariable: 'after', maxPages: 100,
  },
  fields: {
    externalId: 'id', seriesKey: 'seriesId', title: 'title', description: 'description',
    startsAt: 'startsAt', endsAt: 'endsAt', timezone: 'timezone', allDay: 'allDay',
    startDate: 'startDate', endDate: 'endDate', status: 'status', attendanceMode: 'attendanceMode',
    audiences: 'audiences', rawAudiences: 'rawAudiences', categories: 'categories', url: 'url',
    imageUrl: 'imageUrl', 'place.code': 'location.id', 'place.name': 'location.name',
    'place.address': 'location.address', 'place.lat': 'location.lat', 'place.lon': 'location.lon',
    'registration.mode': 'registration.mode', 'registration.url': 'registration.url',
    'registration.capacity': 'registration.capacity', 'registration.confirmed': 'registration.confirmed',
  },
  optional: [
    'seriesKey', 'description', 'startDate', 'endDate', 'imageUrl', 'url', 'place.code', 'place.name', 'place.address', 'place.lat',
    'place.lon', 'registration.mode', 'registration.url', 'registration.capacity', 'registration.confirmed',
  ],
  valueMaps: { registrationMode: { NATIVE: RegistrationMode.EXTERNAL } },
  catalog: null,
};

/**
 * The other Community Graph's whole catalog, paged in id order (Query.catalogRecords: `catalog` is a
 * ranked search, which shifts under a harvester). Holdings carry the status the other town knows;
 * its library and branch names stay on the copy. The record's global id is the external id, so
 * provenance points at the record there.
 */
export const COMMUNITY_GRAPH_CATALOG: GraphqlCatalogPart = {
  query: `query CommunityGraphCatalog($first: Int!, $after: String, $filter: CatalogFilter) {
  catalogRecords(first: $first, after: $after, filter: $filter) {
    edges { node {
      id controlNumber title alternateTitles subtitle statementOfResponsibility authors
      isbnDetails { isbn13 qualifier } issns oclcNumbers edition publisher year extent format language
      series summary subjects links { url label }
      holdings { branchCode callNumber itemType status rawStatus dueDate library { name } location { name } }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`,
  variables: { first: 100 },
  itemsPath: 'catalogRecords.edges.node',
  pagination: {
    endCursorPath: 'catalogRecords.pageInfo.endCursor', hasNextPagePath: 'catalogRecords.pageInfo.hasNextPage',
    afterVariable: 'after', maxPages: 100,
  },
  fields: {
    externalId: 'id', controlNumber: 'controlNumber', title: 'title', alternateTitles: 'alternateTitles', subtitle: 'subtitle',
    statementOfResponsibility: 'statementOfResponsibility', authors: 'authors', isbns: 'isbnDetails', issns: 'issns',
    oclcNumbers: 'oclcNumbers', edition: 'edition', publisher: 'publisher', year: 'year', extent: 'extent', format: 'format',
    language: 'language', series: 'series', summary: 'summary', subjects: 'subjects', links: 'links', holdings: 'holdings',
  },
  // Holdings may carry the other town's PARTNER_UNAVAILABLE (its ILS did not answer): its copies then
  // come with their last synced status, which is what we keep anyway.
  optional: ['alternateTitles', 'subtitle', 'statementOfResponsibility', 'edition', 'publisher', 'year', 'extent', 'language',
    'summary', 'links', 'holdings'],
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function invalid(option: string, expected: string, value: unknown): never {
  throw new AdapterError(`GRAPHQL source option ${option} must be ${expected}, got ${JSON.stringify(value)}`);
}

/**
 * Reads Source.options: `{}` (or `{ preset: "community-graph" }`, with an optional `filter`: an
 * EventFilter for the remote, `catalog`: false to leave its catalog out or a CatalogFilter to narrow
 * it, and `pageSize`) is the zero-config mapping; otherwise `query`, `itemsPath` and `fields` are
 * required (events only). A bad option fails the sync with a message naming it.
 */
export function readGraphqlMapping(options: Record<string, unknown>): GraphqlMapping {
  const preset = options.preset ?? (options.query === undefined ? 'community-graph' : undefined);
  if (preset !== undefined && preset !== 'community-graph') invalid('preset', '"community-graph" or absent', preset);
  if (preset === 'community-graph') {
    if (options.filter !== undefined && !isRecord(options.filter)) invalid('filter', 'an EventFilter object', options.filter);
    if (options.headers !== undefined && !isRecord(options.headers)) invalid('headers', 'an object of strings', options.headers);
    const pageSize = options.pageSize ?? 100;
    if (typeof pageSize !== 'number' || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
      invalid('pageSize', 'a whole number 1-100', pageSize);
    }
    const catalog = options.catalog ?? true;
    if (typeof catalog !== 'boolean' && !isRecord(catalog)) invalid('catalog', 'true, false or a CatalogFilter object', catalog);
    return {
      ...COMMUNITY_GRAPH_MAPPING,
      variables: { first: pageSize, filter: options.filter ?? {} },
      headers: (options.headers as Record<string, string> | undefined) ?? {},
      catalog: catalog === false ? null : {
        ...COMMUNITY_GRAPH_CATALOG, variables: { first: pageSize, ...(isRecord(catalog) ? { filter: catalog } : {}) },
      },
    };
  }
  const { query, itemsPath, fields } = options;
  if (typeof query !== 'string' || !query.trim()) invalid('query', 'a GraphQL document', query);
  if (typeof itemsPath !== 'string' || !itemsPath) invalid('itemsPath', 'a dot path such as "events.items"', itemsPath);
  if (!isRecord(fields)) invalid('fields', 'an object of field → path', fields);
  for (const [field, path] of Object.entries(fields)) {
    if (!(MAPPABLE_FIELDS as readonly string[]).includes(field)) invalid(`fields.${field}`, `one of ${MAPPABLE_FIELDS.join(', ')}`, field);
    if (typeof path !== 'string' || !path) invalid(`fields.${field}`, 'a dot path', path);
  }
  for (const field of REQUIRED_FIELDS) {
    if (!fields[field]) invalid(`fields.${field}`, 'a dot path (the field is required)', fields[field]);
  }
  const optional = options.optional ?? [];
  if (!Array.isArray(optional) || optional.some((f) => !(MAPPABLE_FIELDS as readonly string[]).includes(f))) {
    invalid('optional', 'a list of mapped field names', optional);
  }
  const requiredMarked = (optional as string[]).filter((f) => (REQUIRED_FIELDS as string[]).includes(f));
  if (requiredMarked.length) invalid('optional', `a list without the required ${REQUIRED_FIELDS.join(', ')}`, optional);
  const pagination = options.pagination;
  if (pagination !== undefined && pagination !== null) {
    if (!isRecord(pagination) || typeof pagination.endCursorPath !== 'string' || typeof pagination.hasNextPagePath !== 'string'
      || typeof pagination.afterVariable !== 'string') {
      invalid('pagination', '{ endCursorPath, hasNextPagePath, afterVariable, maxPages? }', pagination);
    }
  }
  return {
    query,
    variables: isRecord(options.variables) ? options.variables : {},
    headers: isRecord(options.headers) ? (options.headers as Record<string, string>) : {},
    itemsPath,
    pagination: isRecord(pagination) ? {
      endCursorPath: pagination.endCursorPath as string,
      hasNextPagePath: pagination.hasNextPagePath as string,
      afterVariable: pagination.afterVariable as string,
      maxPages: typeof pagination.maxPages === 'number' ? pagination.maxPages : 100,
    } : null,
    fields: fields as GraphqlMapping['fields'],
    optional: optional as MappableField[],
    valueMaps: isRecord(options.valueMaps) ? (options.valueMaps as GraphqlMapping['valueMaps']) : {},
    catalog: null,
  };
}
