import { AdapterError } from '../../../src/datasources/adapter';
import { mapGraphqlPage } from '../../../src/datasources/graphql/graphql.events.map';
import { COMMUNITY_GRAPH_MAPPING, readGraphqlMapping } from '../../../src/datasources/graphql/graphql.field-mapping';
import { parseGraphqlResponse } from '../../../src/datasources/graphql/graphql.parse';

const SOURCE = { url: 'http://town-b.example/graphql', partnerTimezone: 'America/Chicago' };

const node = (extra: Record<string, unknown> = {}) => ({
  id: 'RXZlbnQ6MQ', seriesId: null, title: 'Exhibition: Lock & Dam', description: null,
  startsAt: '2026-12-01T06:00:00.000Z', endsAt: '2026-12-03T06:00:00.000Z', timezone: 'America/Chicago', allDay: true,
  startDate: null, endDate: null, status: 'SCHEDULED', attendanceMode: 'OFFLINE', audiences: ['ALL_AGES'],
  rawAudiences: ['All ages'], categories: ['Exhibition'], url: 'https://town-b.example/e/1', imageUrl: null,
  location: null, registration: { mode: 'NATIVE', url: null, capacity: 20, confirmed: 4 }, ...extra,
});
const page = (nodes: unknown[], errors: unknown[] = []) => ({
  data: { events: { edges: nodes.map((n) => ({ node: n })), pageInfo: { hasNextPage: false, endCursor: null } } },
  errors: errors as never[],
});

describe('mapping a Community Graph page', () => {
  it('derives the local dates of an all-day event from its instants in its own zone', () => {
    const [event] = mapGraphqlPage(page([node()]), COMMUNITY_GRAPH_MAPPING, SOURCE).items;
    expect([event.startDate, event.endDate]).toEqual(['2026-12-01', '2026-12-03']);
  });

  it('turns a remote NATIVE registration into EXTERNAL, pointing at the remote event page', () => {
    const [event] = mapGraphqlPage(page([node()]), COMMUNITY_GRAPH_MAPPING, SOURCE).items;
    expect(event.registration).toEqual({ mode: 'EXTERNAL', url: 'https://town-b.example/e/1', capacity: 20, confirmed: 4 });
  });

  it('reads a null location as no place', () => {
    expect(mapGraphqlPage(page([node()]), COMMUNITY_GRAPH_MAPPING, SOURCE).items[0].place).toBeNull();
  });

  it('skips an item whose status is not one of ours, naming the value', () => {
    const mapped = mapGraphqlPage(page([node({ status: 'POSTPONED_INDEFINITELY' })]), COMMUNITY_GRAPH_MAPPING, SOURCE);
    expect(mapped.skipped).toEqual([{
      externalId: 'RXZlbnQ6MQ',
      reason: 'status: "POSTPONED_INDEFINITELY" is not one of SCHEDULED, CANCELLED, POSTPONED, RESCHEDULED, MOVED_ONLINE (add it to valueMaps)',
    }]);
  });

  it('fails on an error outside the items (the list itself failed)', () => {
    const response = { data: { events: null }, errors: [{ message: 'database unavailable', path: ['events'], code: 'INTERNAL_SERVER_ERROR' }] };
    expect(() => mapGraphqlPage(response as never, COMMUNITY_GRAPH_MAPPING, SOURCE))
      .toThrow(new AdapterError('http://town-b.example/graphql answered with GraphQL errors: database unavailable (at events) [INTERNAL_SERVER_ERROR]'));
  });

  it('fails when an error nulled a whole item (a non-null field failed), instead of dropping the event', () => {
    const errors = [{ message: 'Internal server error', path: ['events', 'edges', 1, 'node', 'imageUrl'], code: null }];
    const response = { data: { events: { edges: [{ node: node() }, { node: null }], pageInfo: { hasNextPage: false, endCursor: null } } }, errors };
    expect(() => mapGraphqlPage(response as never, COMMUNITY_GRAPH_MAPPING, SOURCE))
      .toThrow('http://town-b.example/graphql answered item 1 at events.edges.node as null with errors: Internal server error (at events.edges.1.node.imageUrl)');
  });

  it('accepts an error on an optional field (the location) and reads it as no place', () => {
    const errors = [{ message: 'Internal server error', path: ['events', 'edges', 0, 'node', 'location'], code: 'INTERNAL_SERVER_ERROR' }];
    const mapped = mapGraphqlPage(page([node()], errors), COMMUNITY_GRAPH_MAPPING, SOURCE);
    expect(mapped.acceptedErrors).toBe(1);
    expect(mapped.items[0].place).toBeNull();
  });
});

describe('reading a GraphQL response', () => {
  it('fails with the remote\'s messages when there is no data', () => {
    const body = Buffer.from(JSON.stringify({ errors: [{ message: 'Syntax Error: Expected Name, found <EOF>.', extensions: { code: 'GRAPHQL_PARSE_FAILED' } }] }));
    expect(() => parseGraphqlResponse('http://x.example/graphql', 400, body)).toThrow(
      'http://x.example/graphql answered with GraphQL errors and no data: Syntax Error: Expected Name, found <EOF>. [GRAPHQL_PARSE_FAILED]');
  });

  it('fails when JSON is not a GraphQL response', () => {
    expect(() => parseGraphqlResponse('http://x.example/api', 200, Buffer.from('{"items":[]}'))).toThrow(
      'http://x.example/api answered JSON without "data" or "errors" (HTTP 200): not a GraphQL endpoint?');
  });
});

describe('reading GRAPHQL source options', () => {
  it('treats empty options as the zero-config Community Graph mapping', () => {
    expect(readGraphqlMapping({})).toMatchObject({ itemsPath: 'events.edges.node', variables: { first: 100, filter: {} } });
  });

  it('refuses to mark a required field optional', () => {
    expect(() => readGraphqlMapping({ query: '{ a { id t s } }', itemsPath: 'a', fields: { externalId: 'id', title: 't', startsAt: 's' }, optional: ['title'] }))
      .toThrow('GRAPHQL source option optional must be a list without the required externalId, title, startsAt, got ["title"]');
  });

  it('rejects an unknown preset and a page size over 100', () => {
    expect(() => readGraphqlMapping({ preset: 'mesh' })).toThrow('GRAPHQL source option preset must be "community-graph" or absent, got "mesh"');
    expect(() => readGraphqlMapping({ pageSize: 500 })).toThrow('GRAPHQL source option pageSize must be a whole number 1-100, got 500');
  });
});
