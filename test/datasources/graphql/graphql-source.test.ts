import http from 'node:http';
import { AddressInfo } from 'node:net';
import { buildSchema, graphql } from 'graphql';
import { AdapterError, NormalizedEvent, SourceFormat, SourceSpec } from '../../../src/datasources/adapter';
import { graphqlAdapter } from '../../../src/datasources/graphql/graphql.source';
import { NormalizedCatalogRecord } from '../../../src/datasources/shared/catalog-item';
import { AttendanceMode, Audience, EventStatus, RegistrationMode } from '../../../src/domain/enums';
import { describeEachBackend } from '../../support/backends';
import { testHttpClient } from '../../support/http-client';
import { startTestServer, TestServer } from '../../support/server';

const DAY = 24 * 3600 * 1000;

function spec(url: string, options: Record<string, unknown> = {}, now = new Date()): SourceSpec {
  return {
    id: 'source-under-test', partnerId: 'partner-under-test', format: SourceFormat.GRAPHQL, url,
    partnerTimezone: 'America/Chicago', window: { from: now, to: new Date(now.getTime() + 60 * DAY) },
    validators: { etag: null, lastModified: null }, lastSuccessAt: null, options,
  };
}

async function pulledEvents(source: SourceSpec): Promise<{ items: NormalizedEvent[]; skipped: { reason: string }[] }> {
  const result = await graphqlAdapter.pull(source, testHttpClient());
  expect(result).toMatchObject({ kind: 'events', incremental: false, notModified: false });
  return { items: result.items as NormalizedEvent[], skipped: result.skipped };
}

async function pullError(source: SourceSpec, client = testHttpClient()): Promise<AdapterError> {
  const error = await graphqlAdapter.pull(source, client).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AdapterError);
  return error as AdapterError;
}

/** A real HTTP server on 127.0.0.1 answering with whatever `respond` writes. */
async function serve(respond: (body: string, res: http.ServerResponse) => void): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => { body += chunk.toString('utf8'); });
    req.on('end', () => respond(body, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

describeEachBackend('GRAPHQL source against another Community Graph', (backend) => {
  let townB: TestServer;
  beforeAll(async () => { townB = await startTestServer(backend, { demo: true }); });
  afterAll(() => townB.close());

  it('pulls every event of the window with zero mapping configuration, page by page, keeping the remote ids', async () => {
    const source = spec(townB.graphqlUrl, { pageSize: 25 });
    // Every event of the window, page by page: the demo town's count in a window that moves with the
    // clock is not fixed, so the expectation must not stop at one page size.
    type Edge = { cursor: string; node: { id: string; title: string; startsAt: string; location: { id: string; name: string } | null; registration: { mode: string; capacity: number | null; confirmed: number } } };
    const remote: { totalCount: number; edges: Edge[] } = { totalCount: 0, edges: [] };
    for (let after: string | null = null, more = true; more;) {
      const page = await townB.post({
        query: 'query($f: EventFilter, $after: String) { events(first: 100, after: $after, filter: $f) { totalCount edges { cursor node { id title startsAt location { id name } registration { mode capacity confirmed } } } pageInfo { hasNextPage endCursor } } }',
        variables: { f: { from: source.window.from.toISOString(), to: source.window.to.toISOString() }, after },
      });
      const events = page.json.data.events as { totalCount: number; edges: Edge[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      remote.totalCount = events.totalCount;
      remote.edges.push(...events.edges);
      [after, more] = [events.pageInfo.endCursor, events.pageInfo.hasNextPage];
    }
    expect(remote.edges).toHaveLength(remote.totalCount);
    expect(remote.totalCount).toBeGreaterThan(25 * 2);

    const { items, skipped } = await pulledEvents(source);

    expect(skipped).toEqual([]);
    expect(items.map((e) => e.externalId)).toEqual(remote.edges.map((e) => e.node.id));
    const byId = new Map(items.map((e) => [e.externalId, e]));
    for (const { node } of remote.edges) {
      const event = byId.get(node.id)!;
      expect(event.title).toBe(node.title);
      expect(event.startsAt.toISOString()).toBe(new Date(node.startsAt).toISOString());
      expect(event.place?.code ?? null).toBe(node.location?.id ?? null);
      expect(event.place?.name ?? null).toBe(node.location?.name ?? null);
      expect(event.registration.capacity).toBe(node.registration.capacity);
      expect(event.registration.confirmed).toBe(node.registration.confirmed);
      // Town B's own registrations happen on town B's site: EXTERNAL here.
      const mode = node.registration.mode === 'NATIVE' ? RegistrationMode.EXTERNAL : node.registration.mode;
      expect(event.registration.mode).toBe(mode);
    }
    expect(items.some((e) => e.registration.mode === RegistrationMode.EXTERNAL)).toBe(true);
    expect(items.every((e) => e.timezone === 'America/Chicago')).toBe(true);
  });

  it('passes the configured EventFilter to the remote, inside the sync window', async () => {
    const source = spec(townB.graphqlUrl, { filter: { kinds: ['MUSEUM'] } });
    const { items, skipped } = await pulledEvents(source);
    expect(skipped).toEqual([]);
    const museum = await townB.post({
      query: 'query($f: EventFilter) { events(first: 1, filter: $f) { totalCount } }',
      variables: { f: { kinds: ['MUSEUM'], from: source.window.from.toISOString(), to: source.window.to.toISOString() } },
    });
    expect(items.length).toBe(museum.json.data.events.totalCount);
    expect(items.length).toBeGreaterThan(0);
  });

  it('fails with the remote\'s validation message when the query asks for a field its schema does not have', async () => {
    const error = await pullError(spec(townB.graphqlUrl, {
      query: '{ events { edges { node { id title startsAt ticketPrice } } } }',
      itemsPath: 'events.edges.node', fields: { externalId: 'id', title: 'title', startsAt: 'startsAt' },
    }));
    expect(error.message).toBe(`${townB.graphqlUrl} answered with GraphQL errors and no data: Cannot query field "ticketPrice" on type "Event". [GRAPHQL_VALIDATION_FAILED]`);
  });

  it('fails naming the path when the mapping expects a shape the answer does not have', async () => {
    const error = await pullError(spec(townB.graphqlUrl, {
      query: '{ events { edges { node { id title startsAt } } } }',
      itemsPath: 'events.nodes', fields: { externalId: 'id', title: 'title', startsAt: 'startsAt' },
    }));
    expect(error.message).toBe('data.events has no "nodes": the query and the mapping\'s paths disagree');
  });

  it('brings the remote catalog too, page by page, as a second part the catalog sink stores', async () => {
    const result = await graphqlAdapter.pull(spec(townB.graphqlUrl, { pageSize: 10 }), testHttpClient());
    const remote = (await townB.post({ query: '{ catalogRecords(first: 100) { totalCount edges { node { id title } } } }' })).json.data.catalogRecords;
    expect(remote.totalCount).toBeGreaterThan(10 * 2);
    expect(result.parts).toHaveLength(1);
    const [part] = result.parts!;
    expect(part).toMatchObject({ kind: 'catalog', incremental: false });
    const records = part.items as NormalizedCatalogRecord[];
    expect(records.map((r) => [r.externalId, r.title])).toEqual(remote.edges.map((e: { node: { id: string; title: string } }) => [e.node.id, e.node.title]));
    expect(result.skipped).toEqual([]);
  });

  it('leaves the catalog out with catalog: false', async () => {
    const result = await graphqlAdapter.pull(spec(townB.graphqlUrl, { catalog: false }), testHttpClient());
    expect(result.parts).toBeUndefined();
  });

  describe('when only the catalog part goes wrong', () => {
    let catalogAnswer: { status: number; body: unknown };
    let proxy: { url: string; close(): Promise<void> };
    beforeAll(async () => {
      // Events pass through to town B; the catalog query gets whatever the case sets.
      proxy = await serve(async (body, res) => {
        if (JSON.parse(body).query.includes('CommunityGraphCatalog')) {
          res.writeHead(catalogAnswer.status, { 'content-type': 'application/json' }).end(JSON.stringify(catalogAnswer.body));
          return;
        }
        const upstream = await fetch(townB.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        res.writeHead(upstream.status, { 'content-type': 'application/json' }).end(await upstream.text());
      });
    });
    afterAll(() => proxy.close());

    it('fails the whole pull (events included) on a GraphQL error over the list', async () => {
      catalogAnswer = { status: 200, body: { data: { catalogRecords: null }, errors: [{ message: 'catalog index rebuilding', path: ['catalogRecords'] }] } };
      const error = await pullError(spec(proxy.url));
      expect(error.message).toBe(`${proxy.url} answered with GraphQL errors: catalog index rebuilding (at catalogRecords)`);
    });

    it('fails naming the remote\'s message when it is an older Community Graph without catalogRecords', async () => {
      catalogAnswer = { status: 400, body: { errors: [{ message: 'Cannot query field "catalogRecords" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] } };
      const error = await pullError(spec(proxy.url));
      expect(error.message).toBe(`${proxy.url} answered with GraphQL errors and no data: Cannot query field "catalogRecords" on type "Query". [GRAPHQL_VALIDATION_FAILED]`);
    });

    it('fails instead of looping when the remote never stops saying there is a next page', async () => {
      catalogAnswer = { status: 200, body: { data: { catalogRecords: { edges: [], pageInfo: { hasNextPage: true, endCursor: 'again' } } } } };
      const error = await pullError(spec(proxy.url));
      expect(error.message).toBe(`${proxy.url} still had more pages after 100: narrow the query or raise pagination.maxPages`);
    });
  });
});

describe('GRAPHQL source against a museum\'s own GraphQL API', () => {
  const schema = buildSchema(`
    type Program { code: ID! name: String! begins: String! ends: String audience: [String!]! picture: String kind: String }
    type Query { programs(from: String, to: String): [Program!]! }
  `);
  let programs: Record<string, unknown>[] = [];
  let seenVariables: Record<string, unknown> = {};
  let museum: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    museum = await serve(async (body, res) => {
      const { query, variables } = JSON.parse(body);
      seenVariables = variables;
      const result = await graphql({ schema, source: query, variableValues: variables, rootValue: { programs: () => programs } });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
    });
  });
  afterAll(() => museum.close());

  const MAPPING = {
    query: 'query Programs($from: String, $to: String) { programs(from: $from, to: $to) { code name begins ends audience picture kind } }',
    itemsPath: 'programs',
    fields: { externalId: 'code', title: 'name', startsAt: 'begins', endsAt: 'ends', audiences: 'audience', imageUrl: 'picture', status: 'kind' },
    optional: ['imageUrl', 'endsAt', 'status'],
    valueMaps: { audiences: { 'Little ones': 'PRESCHOOL' }, status: { called_off: 'CANCELLED' } },
  };
  const program = (code: string, extra: Record<string, unknown> = {}) => ({
    code, name: `Gallery walk ${code}`, begins: '2026-12-05T16:00:00Z', ends: '2026-12-05T17:00:00Z',
    audience: ['Families', 'Little ones'], picture: `https://museum.example/${code}.jpg`, kind: null, ...extra,
  });

  it('maps a configured query through paths and value maps, and sends the sync window as $from/$to', async () => {
    programs = [program('a'), program('b', { kind: 'called_off', audience: ['Members'] })];
    const source = spec(museum.url, MAPPING);
    const { items, skipped } = await pulledEvents(source);
    expect(skipped).toEqual([]);
    expect(seenVariables).toEqual({ from: source.window.from.toISOString(), to: source.window.to.toISOString() });
    expect(items[0]).toEqual({
      externalId: 'a', seriesKey: null, title: 'Gallery walk a', description: null,
      startsAt: new Date('2026-12-05T16:00:00Z'), endsAt: new Date('2026-12-05T17:00:00Z'), timezone: 'America/Chicago',
      allDay: false, startDate: null, endDate: null, status: EventStatus.SCHEDULED, attendanceMode: AttendanceMode.OFFLINE,
      audiences: [Audience.FAMILIES, Audience.PRESCHOOL], rawAudiences: ['Families', 'Little ones'], categories: [],
      url: null, imageUrl: 'https://museum.example/a.jpg', place: null,
      registration: { mode: RegistrationMode.NONE, url: null, capacity: null, confirmed: null },
    });
    expect(items[1]).toMatchObject({ status: EventStatus.CANCELLED, audiences: [], rawAudiences: ['Members'] });
  });

  it('accepts partial data when the errors sit on fields the mapping marks optional', async () => {
    programs = [program('a'), program('b', { picture: () => { throw new Error('image service down'); } })];
    const { items } = await pulledEvents(spec(museum.url, MAPPING));
    expect(items.map((e) => [e.externalId, e.imageUrl])).toEqual([['a', 'https://museum.example/a.jpg'], ['b', null]]);
  });

  it('drops an image link that is not http(s), keeps the event, and notes the field', async () => {
    programs = [program('a'), program('b', { picture: 'javascript:alert(document.cookie)' })];
    const result = await graphqlAdapter.pull(spec(museum.url, MAPPING), testHttpClient());
    expect((result.items as NormalizedEvent[]).map((e) => [e.externalId, e.imageUrl])).toEqual([['a', 'https://museum.example/a.jpg'], ['b', null]]);
    expect(result.skipped).toEqual([{ externalId: 'b', ref: 'imageUrl', reason: 'Link imageUrl left out: only http: and https: links are published.' }]);
  });

  it('fails the pull when an error sits on a field the mapping requires', async () => {
    programs = [program('a'), program('b', { ends: () => { throw new Error('schedule service down'); } })];
    const required = { ...MAPPING, optional: ['imageUrl'] };
    const error = await pullError(spec(museum.url, required));
    expect(error.message).toBe(`${museum.url} answered with an error on endsAt, which the mapping requires: schedule service down (at programs.1.ends)`);
  });

  it('skips an item that breaks a rule of our model, with the reason, and keeps the rest', async () => {
    programs = [program('a'), program('b', { begins: 'next Tuesday' }), program('c', { ends: '2026-12-05T15:00:00Z' })];
    const { items, skipped } = await pulledEvents(spec(museum.url, MAPPING));
    expect(items.map((e) => e.externalId)).toEqual(['a']);
    expect(skipped).toEqual([
      { externalId: 'b', reason: 'startsAt: not an ISO 8601 instant with an offset: "next Tuesday"' },
      { externalId: 'c', reason: 'endsAt 2026-12-05T15:00:00.000Z is before startsAt 2026-12-05T16:00:00.000Z' },
    ]);
  });

  it('fails instead of emptying the source when no item can be mapped (the remote changed shape)', async () => {
    programs = [program('a', { begins: '05/12/2026' }), program('b', { begins: '06/12/2026' })];
    const error = await pullError(spec(museum.url, MAPPING));
    expect(error.message).toBe('none of the 2 items from ' + museum.url + ' could be mapped; first: startsAt: not an ISO 8601 instant with an offset: "05/12/2026"');
  });

  it('rejects a mapping without a required field, naming the option', async () => {
    const error = await pullError(spec(museum.url, { ...MAPPING, fields: { externalId: 'code', startsAt: 'begins' } }));
    expect(error.message).toBe('GRAPHQL source option fields.title must be a dot path (the field is required), got undefined');
  });
});

describe('GRAPHQL source when the remote misbehaves at the HTTP level', () => {
  it('fails with a timeout message when the remote never answers', async () => {
    const silent = await serve(() => undefined);
    try {
      const error = await pullError(spec(silent.url), testHttpClient({ timeoutMs: 200 }));
      expect(error.message).toBe(`GraphQL request to ${silent.url} failed: Timed out after 200 ms fetching ${silent.url}. (gave up after 2 attempts)`);
    } finally {
      await silent.close();
    }
  });

  it('fails with the status and a snippet when the remote answers something that is not GraphQL', async () => {
    const portal = await serve((_body, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Sign in</body></html>'));
    try {
      const error = await pullError(spec(portal.url));
      expect(error.message).toBe(`${portal.url} did not answer with a GraphQL response (HTTP 200): the body is not JSON.`);
    } finally {
      await portal.close();
    }
  });

  it('fails naming the HTTP status when the remote is down behind its proxy', async () => {
    const proxy = await serve((_body, res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<html><body>Bad gateway</body></html>'));
    try {
      const error = await pullError(spec(proxy.url));
      expect(error.message).toBe(`GraphQL request to ${proxy.url} failed: HTTP 502 Bad Gateway from ${proxy.url}. (gave up after 2 attempts)`);
    } finally {
      await proxy.close();
    }
  });
});
