import { describeEachBackend } from '../support/backends';
import { startTestServer, TestServer } from '../support/server';

const ADD_PARTNER = `mutation($input: AddPartnerInput!) { addPartner(input: $input) { id } }`;
const ADD_SOURCE = `mutation($input: AddSourceInput!) { addSource(input: $input) { id } }`;
const SYNC = `mutation($id: ID!) { syncSource(id: $id) { status created skipped error } }`;
const SOURCE = `query($id: ID!) { node(id: $id) { ... on Source { url status lastError itemCount format } } }`;
const TOWN_B_EVENTS = `{ partner(slug: "river-town") { events(first: 100) { totalCount edges { node {
  title startsAt provenance { externalId sourceId stale } } } } } }`;
const SEARCH = `query($q: String!) { catalog(query: $q, first: 5) { totalCount edges { node {
  title subtitle authors isbns format year publisher library { slug }
  holdings { libraryName branchName callNumber status library { slug } }
  provenance { externalId sourceId stale } } } } }`;
const ALL_RECORDS = `query($after: String) { catalogRecords(first: 100, after: $after) { totalCount edges { node { title } } pageInfo { hasNextPage } } }`;
/** In B's demo catalog (demo/millbrook-catalog.marcxml). */
const B_TITLE = 'Rivers we remember';
const B_ISBN = '9798000079195';

/**
 * Issue 10 end to end: two Community Graph servers on 127.0.0.1. Town A federates town B's events
 * through a GRAPHQL Source (options {}: the Community Graph preset), then keeps serving the last good
 * copy, marked stale, once B goes away. B's catalog records (with their holdings) come across the
 * same way, through B's Query.catalogRecords.
 */
describeEachBackend('two towns: A syncs B over GRAPHQL', (backend) => {
  let townA: TestServer;
  let townB: TestServer | null;
  let admin: Record<string, string>;
  let sourceId: string;
  let bUrl: string;

  const a = async (query: string, variables: Record<string, unknown> = {}) => {
    const { status, json } = await townA.post({ query, variables }, admin);
    expect({ status, errors: status === 200 ? undefined : json.errors }).toEqual({ status: 200, errors: undefined });
    return json;
  };

  beforeAll(async () => {
    townB = await startTestServer(backend, { demo: true, env: { SYNC_SCHEDULER: 'off' } });
    bUrl = townB.graphqlUrl;
    townA = await startTestServer(backend, { demo: false, env: { SOURCE_ALLOW_HOSTS: '127.0.0.1', SYNC_SCHEDULER: 'off', SYNC_RETRIES: '0' } });
    const { secret } = await townA.app.services.apiKeys.create({ role: 'ADMIN' as never, label: 'two towns' });
    admin = { authorization: `Bearer ${secret}` };
    const partner = await a(ADD_PARTNER, { input: { slug: 'river-town', name: 'River Town Library', kind: 'LIBRARY', timezone: 'America/Chicago' } });
    const source = await a(ADD_SOURCE, { input: { partnerId: partner.data.addPartner.id, format: 'GRAPHQL', url: bUrl, options: {} } });
    expect(source.errors).toBeUndefined();
    sourceId = source.data.addSource.id;
  });
  afterAll(async () => {
    await townB?.close();
    await townA?.close();
  });

  it('brings B\'s events into A, each with provenance pointing at B\'s event and B\'s endpoint', async () => {
    const report = await a(SYNC, { id: sourceId });
    expect(report.data.syncSource).toMatchObject({ status: 'OK', skipped: 0, error: null });
    expect(report.data.syncSource.created).toBeGreaterThan(60);

    const events = (await a(TOWN_B_EVENTS)).data.partner.events;
    // The same upcoming events as B lists (both default to upcoming; the sync window also holds recent past).
    const upstream = await townB!.post({ query: '{ events(first: 1) { totalCount } }' });
    expect(events.totalCount).toBe(upstream.json.data.events.totalCount);
    const source = (await a(SOURCE, { id: sourceId })).data.node;
    expect(source).toEqual({ url: bUrl, status: 'OK', lastError: null, itemCount: report.data.syncSource.created, format: 'GRAPHQL' });

    // Every copy names B's own global id; B resolves it to the same event.
    const sample = events.edges.slice(0, 5).map((e: any) => e.node);
    for (const copy of sample) {
      expect(copy.provenance).toMatchObject({ sourceId, stale: false });
      const original = await townB!.post({ query: 'query($id: ID!) { node(id: $id) { ... on Event { title startsAt } } }', variables: { id: copy.provenance.externalId } });
      expect(original.json.data.node).toEqual({ title: copy.title, startsAt: copy.startsAt });
    }
  });

  it('brings B\'s catalog into A: searchable by title and ISBN, holdings with B\'s names, provenance pointing at B\'s record', async () => {
    const all = (await a(ALL_RECORDS)).data.catalogRecords;
    const upstream = (await townB!.post({ query: ALL_RECORDS })).json.data.catalogRecords;
    expect(all.totalCount).toBe(upstream.totalCount);
    expect(all.totalCount).toBeGreaterThan(20);
    // Listed in id order, and ids are minted per town: the same titles, in another order.
    const titles = (c: any) => c.edges.map((e: any) => e.node.title).sort();
    expect(titles(all)).toEqual(titles(upstream));

    // The title also matches B's audiobook of it: the book is the one whose title is exactly this.
    const byTitle = (await a(SEARCH, { q: B_TITLE })).data.catalog.edges.map((e: any) => e.node).find((r: any) => r.title === B_TITLE);
    const [byIsbn] = (await a(SEARCH, { q: B_ISBN })).data.catalog.edges.map((e: any) => e.node);
    expect(byIsbn).toEqual(byTitle);
    expect(byTitle).toMatchObject({ title: B_TITLE, isbns: [B_ISBN], library: { slug: 'river-town' }, provenance: { sourceId, stale: false } });

    // B resolves the provenance id to the same record; its copies came across with its own library and branch names.
    const original = (await townB!.post({
      query: `query($id: ID!) { record(id: $id) { title subtitle authors isbns format year publisher
        holdings { callNumber status library { name } location { name } } } }`,
      variables: { id: byTitle.provenance.externalId },
    })).json.data.record;
    const { holdings, library: _library, provenance: _provenance, ...fields } = byTitle;
    expect(fields).toEqual({ ...original, holdings: undefined });
    expect(original.holdings.length).toBeGreaterThan(0);
    expect(holdings).toEqual(original.holdings.map((h: any) => ({
      libraryName: h.library.name, branchName: h.location?.name ?? null, callNumber: h.callNumber, status: h.status, library: { slug: 'river-town' },
    })));
  });

  it('a second sync of unchanged B writes nothing', async () => {
    const report = (await a(`mutation($id: ID!) { syncSource(id: $id) { status created updated removed unchanged error } }`, { id: sourceId })).data.syncSource;
    const source = (await a(SOURCE, { id: sourceId })).data.node;
    expect(report).toEqual({ status: 'OK', created: 0, updated: 0, removed: 0, unchanged: source.itemCount, error: null });
  });

  it('when B is gone, the Source shows the error and A serves the last good copy marked stale', async () => {
    const before = (await a(TOWN_B_EVENTS)).data.partner.events;
    const recordsBefore = (await a(SEARCH, { q: B_ISBN })).data.catalog;
    await townB!.close();
    townB = null;

    const report = await a(SYNC, { id: sourceId });
    expect(report.data.syncSource.status).toBe('FAILED');
    expect(report.data.syncSource.error).toMatch(new RegExp(`^GraphQL request to ${bUrl.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} failed: Network error fetching .*ECONNREFUSED`));

    const source = (await a(SOURCE, { id: sourceId })).data.node;
    expect(source.status).toBe('FAILING');
    expect(source.lastError).toBe(report.data.syncSource.error);

    const after = (await a(TOWN_B_EVENTS)).data.partner.events;
    expect(after.totalCount).toBe(before.totalCount);
    expect(after.edges.map((e: any) => e.node.title)).toEqual(before.edges.map((e: any) => e.node.title));
    expect(after.edges.every((e: any) => e.node.provenance.stale === true)).toBe(true);

    const recordsAfter = (await a(SEARCH, { q: B_ISBN })).data.catalog;
    const unstale = (edges: any[]) => edges.map((e) => ({ ...e.node, provenance: { ...e.node.provenance, stale: null } }));
    expect(recordsAfter.totalCount).toBe(1);
    expect(unstale(recordsAfter.edges)).toEqual(unstale(recordsBefore.edges));
    expect(recordsAfter.edges[0].node.provenance.stale).toBe(true);
  });
});
