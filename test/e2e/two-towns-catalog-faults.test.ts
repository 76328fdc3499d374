import { describeEachBackend } from '../support/backends';
import { FakeServer, startFakeServer } from '../support/fake-http';
import { startTestServer, TestServer } from '../support/server';

const SYNC = `mutation($id: ID!) { syncSource(id: $id) { status created updated removed unchanged skipped skippedItems { externalId reason } error } }`;
const SOURCE = `query($id: ID!) { node(id: $id) { ... on Source { status lastError itemCount } } }`;
const RECORDS = `{ catalogRecords(first: 100) { totalCount edges { node { title format provenance { externalId stale } } } } }`;

type Fault = 'none' | 'catalog-errors' | 'new-format';

/**
 * Issue 10, bad input on the catalog part, through the real engine and sinks: town A syncs town B
 * through a proxy that passes everything on, except that the catalog answer can be broken. A failing
 * catalog fails the whole sync and leaves A's copy as it was; a record B describes in a way we cannot
 * store is skipped with its reason, and its stored copy stays (absence proves nothing then).
 */
describeEachBackend('two towns: faults in B\'s catalog answer', (backend) => {
  let townA: TestServer;
  let townB: TestServer;
  let proxy: FakeServer;
  let fault: Fault = 'none';
  let admin: Record<string, string>;
  let sourceId: string;

  const a = async (query: string, variables: Record<string, unknown> = {}) => {
    const { status, json } = await townA.post({ query, variables }, admin);
    expect({ status, errors: json.errors }).toEqual({ status: 200, errors: undefined });
    return json.data;
  };

  beforeAll(async () => {
    townB = await startTestServer(backend, { demo: true, env: { SYNC_SCHEDULER: 'off' } });
    proxy = await startFakeServer(async (req, res) => {
      const upstream = await fetch(townB.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: req.body });
      let body = await upstream.text();
      if (JSON.parse(req.body).query.includes('catalogRecords')) {
        if (fault === 'catalog-errors') {
          body = JSON.stringify({ data: null, errors: [{ message: 'Query cost 31000 exceeds the maximum 20000', extensions: { code: 'MAX_COST_EXCEEDED' } }] });
        } else if (fault === 'new-format') {
          // A newer town B with a format we do not know yet, on its first record.
          const json = JSON.parse(body);
          json.data.catalogRecords.edges[0].node.format = 'BOARD_GAME';
          body = JSON.stringify(json);
        }
      }
      res.writeHead(upstream.status, { 'content-type': 'application/json' }).end(body);
    });
    townA = await startTestServer(backend, { demo: false, env: { SOURCE_ALLOW_HOSTS: '127.0.0.1', SYNC_SCHEDULER: 'off', SYNC_RETRIES: '0' } });
    const { secret } = await townA.app.services.apiKeys.create({ role: 'ADMIN' as never, label: 'two towns' });
    admin = { authorization: `Bearer ${secret}` };
    const partner = await a(`mutation($input: AddPartnerInput!) { addPartner(input: $input) { id } }`,
      { input: { slug: 'river-town', name: 'River Town Library', kind: 'LIBRARY', timezone: 'America/Chicago' } });
    const source = await a(`mutation($input: AddSourceInput!) { addSource(input: $input) { id } }`,
      { input: { partnerId: partner.addPartner.id, format: 'GRAPHQL', url: `${proxy.url}/graphql`, options: {} } });
    sourceId = source.addSource.id;
    expect((await a(SYNC, { id: sourceId })).syncSource).toMatchObject({ status: 'OK', skipped: 0, error: null });
  });
  afterAll(async () => {
    await townA?.close();
    await proxy?.close();
    await townB?.close();
  });

  it('fails the sync with B\'s message when the catalog answer is all errors, and keeps A\'s copy as it was', async () => {
    const before = await a(RECORDS);
    const events = (await a('{ events(first: 1) { totalCount } }')).events.totalCount;
    fault = 'catalog-errors';
    const report = (await a(SYNC, { id: sourceId })).syncSource;
    fault = 'none';
    expect(report).toMatchObject({ status: 'FAILED', created: 0, updated: 0, removed: 0 });
    expect(report.error).toBe(`${proxy.url}/graphql answered with GraphQL errors and no data: Query cost 31000 exceeds the maximum 20000 [MAX_COST_EXCEEDED]`);
    expect((await a(SOURCE, { id: sourceId })).node).toMatchObject({ status: 'FAILING', lastError: report.error });

    const after = await a(RECORDS);
    expect(after.catalogRecords.totalCount).toBe(before.catalogRecords.totalCount);
    expect(after.catalogRecords.edges.map((e: any) => e.node.title)).toEqual(before.catalogRecords.edges.map((e: any) => e.node.title));
    expect(after.catalogRecords.edges.every((e: any) => e.node.provenance.stale)).toBe(true);
    expect((await a('{ events(first: 1) { totalCount } }')).events.totalCount).toBe(events);
  });

  it('skips a record B describes with a format we do not know, naming it, and keeps that record\'s stored copy', async () => {
    const first = (await townB.post({ query: '{ catalogRecords(first: 1) { edges { node { id title } } } }' })).json.data.catalogRecords.edges[0].node;
    const before = await a(RECORDS);
    fault = 'new-format';
    const report = (await a(SYNC, { id: sourceId })).syncSource;
    fault = 'none';
    expect(report).toMatchObject({ status: 'PARTIAL', created: 0, updated: 0, removed: 0, skipped: 1, error: null });
    expect(report.skippedItems).toEqual([{
      externalId: first.id,
      reason: 'catalog record: format: "BOARD_GAME" is not one of BOOK, EBOOK, AUDIOBOOK, DVD, MUSIC, MAGAZINE, OTHER',
    }]);
    const after = await a(RECORDS);
    expect(after.catalogRecords.totalCount).toBe(before.catalogRecords.totalCount);
    const kept = after.catalogRecords.edges.find((e: any) => e.node.provenance.externalId === first.id).node;
    expect(kept).toMatchObject({ title: first.title, provenance: { stale: false } });
  });
});
