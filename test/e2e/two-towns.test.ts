import { describeEachBackend } from '../support/backends';
import { startTestServer, TestServer } from '../support/server';

const ADD_PARTNER = `mutation($input: AddPartnerInput!) { addPartner(input: $input) { id } }`;
const ADD_SOURCE = `mutation($input: AddSourceInput!) { addSource(input: $input) { id } }`;
const SYNC = `mutation($id: ID!) { syncSource(id: $id) { status created skipped error } }`;
const SOURCE = `query($id: ID!) { node(id: $id) { ... on Source { url status lastError itemCount format } } }`;
const TOWN_B_EVENTS = `{ partner(slug: "river-town") { events(first: 100) { totalCount edges { node {
  title startsAt provenance { externalId sourceId stale } } } } } }`;

/**
 * Issue 10 end to end: two Community Graph servers on 127.0.0.1. Town A federates town B's events
 * through a GRAPHQL Source (options {}: the Community Graph preset), then keeps serving the last good
 * copy, marked stale, once B goes away. (Catalog records do not travel: the GRAPHQL format maps
 * events only.)
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

  it('when B is gone, the Source shows the error and A serves the last good copy marked stale', async () => {
    const before = (await a(TOWN_B_EVENTS)).data.partner.events;
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
  });
});
