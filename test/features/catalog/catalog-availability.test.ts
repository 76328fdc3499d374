import { toGlobalId } from '../../../src/domain/global-id';
import { staticIlsDirectory } from '../../../src/features/catalog/availability.service';
import { describeEachBackend } from '../../support/backends';
import { createLibrary, marcSpec, syncMarc } from '../../support/catalog-fixtures';
import { startFakeServer, FakeServer } from '../../support/fake-http';
import { FakeIls, startFakeIlsDi, startFakeRtac } from '../../support/fake-ils';
import { createTestGraph, TestGraph } from '../../support/graph';
import { testHttpClient } from '../../support/http-client';
import { kohaBook } from '../../support/koha-record';
import { iso2709, leader } from '../../support/marc-writer';

const book = (o: Parameters<typeof kohaBook>[0]) => { const r = kohaBook(o); return iso2709(r.leader, r.fields); };

const NODE = `title controlNumber library { slug }
    holdings { status rawStatus dueDate holds availableNow requestable live stale location { name } }
    availability { availableNow availableCount total holds requestable stale }`;
const PAGE = `query($q: String!, $first: Int) { catalog(query: $q, first: $first) { edges { node { ${NODE} } } } }`;
/** One request, a page from each library (aliases): still one ILS call per library. */
const TWO_PAGES = `query($q: String!, $first: Int, $a: [ID!], $b: [ID!]) {
  a: catalog(query: $q, first: $first, filter: { libraryIds: $a }) { edges { node { ${NODE} } } }
  b: catalog(query: $q, first: $first, filter: { libraryIds: $b }) { edges { node { ${NODE} } } }
}`;

describeEachBackend('live availability (ILS-DI and RTAC, batched)', (backend) => {
  let graph: TestGraph;
  let files: FakeServer;
  let ilsdi: FakeIls;
  let rtac: FakeIls;
  let koha: string;
  let folio: string;
  const http = testHttpClient();

  beforeAll(async () => {
    ilsdi = await startFakeIlsDi();
    rtac = await startFakeRtac();
    const directory = { endpointsFor: (ids: string[]) => directoryRef.current.endpointsFor(ids) };
    graph = await createTestGraph(backend, { services: { availability: { http, directory, cacheMs: 0, timeoutMs: 3_000, breakerResetMs: 60_000 } } });
    koha = (await createLibrary(graph.db, 'koha-town', ['CEN'])).id;
    folio = (await createLibrary(graph.db, 'folio-city', ['MAIN'])).id;
    directoryRef.current = staticIlsDirectory([
      { partnerId: koha, protocol: 'ILSDI', url: `${ilsdi.url}/cgi-bin/koha/ilsdi.pl` },
      { partnerId: folio, protocol: 'RTAC', url: `${rtac.url}/rtac-batch` },
    ]);
    const kohaFile = Buffer.concat(Array.from({ length: 50 }, (_, i) => book({
      id: `k${i}`, title: `Harbor tales q${i}x`, items: [{ branch: 'CEN', barcode: `kb${i}`, itemnumber: `ki${i}` }],
    })));
    const folioFile = Buffer.concat(Array.from({ length: 50 }, (_, i) => book({
      id: `f${i}`, title: `Harbor tales q${i}x folio`, items: [{ branch: 'MAIN', barcode: `fb${i}`, itemnumber: `fi${i}` }],
    })));
    files = await startFakeServer((req, res) => { res.end(req.url.pathname === '/koha.mrc' ? kohaFile : folioFile); });
    await syncMarc(graph.db, http, marcSpec(koha, `${files.url}/koha.mrc`));
    await syncMarc(graph.db, http, marcSpec(folio, `${files.url}/folio.mrc`));
    for (let i = 0; i < 50; i++) {
      ilsdi.items.set(`k${i}`, [{ id: `ki${i}`, status: i % 2 ? 'not available' : 'available', message: i % 2 ? 'Checked out' : undefined }]);
      rtac.items.set(`f${i}`, [{ id: `fi${i}`, status: i % 2 ? 'Awaiting pickup' : 'Available', holds: i % 2 }]);
    }
  });
  afterAll(async () => { await graph.close(); await Promise.all([files.close(), ilsdi.close(), rtac.close()]); });
  const directoryRef = { current: staticIlsDirectory([]) };

  const calls = () => ({ ilsdi: ilsdi.requests.length, rtac: rtac.requests.length });

  it.each([1, 20, 50])('makes one upstream call per library for a page of %i records from each', async (n) => {
    const before = calls();
    const result = await graph.execute(TWO_PAGES, { q: 'harbor', first: n, a: [toGlobalId('Partner', koha)], b: [toGlobalId('Partner', folio)] });
    expect(result.errors).toBeUndefined();
    expect([result.data!.a.edges.length, result.data!.b.edges.length]).toEqual([n, n]);
    expect(result.data!.a.edges.every((e: any) => e.node.holdings[0].live && e.node.availability.total === 1)).toBe(true);
    expect({ ilsdi: calls().ilsdi - before.ilsdi, rtac: calls().rtac - before.rtac }).toEqual({ ilsdi: 1, rtac: 1 });
  });

  it('asks each ILS for exactly the page\'s records, in its own wire format', async () => {
    ilsdi.requests.length = 0;
    rtac.requests.length = 0;
    const result = await graph.execute(PAGE, { q: 'harbor', first: 100 });
    const ids = (slug: string) => result.data!.catalog.edges.filter((e: any) => e.node.library.slug === slug).map((e: any) => e.node.controlNumber).sort();
    const ilsUrl = new URL(ilsdi.requests[0].url, 'http://x');
    expect(ilsUrl.searchParams.get('service')).toBe('GetAvailability');
    expect(ilsUrl.searchParams.get('id_type')).toBe('bib');
    expect(ilsdi.requests[0].url).toMatch(/[?&]id=k\d+(\+k\d+)*$/);
    expect(ilsUrl.searchParams.get('id')!.split(' ').sort()).toEqual(ids('koha-town'));
    expect(rtac.requests[0].method).toBe('POST');
    const body = JSON.parse(rtac.requests[0].body);
    expect({ ...body, instanceIds: body.instanceIds.sort() }).toEqual({ instanceIds: ids('folio-city'), fullPeriodicals: false });
  });

  it('overlays live statuses: normalized and raw, availableNow separate from requestable, holds from RTAC', async () => {
    const result = await graph.execute(PAGE, { q: 'harbor q1x', first: 5 });
    const byTitle = new Map(result.data!.catalog.edges.map((e: any) => [e.node.title, e.node]));
    expect(byTitle.get('Harbor tales q1x')).toMatchObject({
      holdings: [{ status: 'CHECKED_OUT', rawStatus: 'Checked out', availableNow: false, requestable: true, live: true, stale: false, location: { name: 'CEN branch' } }],
      availability: { availableNow: false, availableCount: 0, total: 1, requestable: true, stale: false },
    });
    expect(byTitle.get('Harbor tales q1x folio')).toMatchObject({
      holdings: [{ status: 'ON_HOLD', rawStatus: 'Awaiting pickup', holds: 1, live: true }],
      availability: { availableNow: false, holds: 1, stale: false },
    });
    const zero = await graph.execute(PAGE, { q: 'harbor q0x', first: 5 });
    const rows = zero.data!.catalog.edges.map((e: any) => [e.node.title, e.node.availability.availableNow, e.node.holdings[0].requestable]);
    expect(rows).toHaveLength(2);
    expect(rows).toEqual(expect.arrayContaining([['Harbor tales q0x', true, false], ['Harbor tales q0x folio', true, false]]));
  });

  it('trusts the ILS on which copies exist: an 852 copy it does not list is replaced by its items, placed by location code', async () => {
    const file = iso2709(leader(), [['001', 'k852'], ['245', '10', [['a', 'Quayside ledger']]], ['852', '  ', [['b', 'CEN'], ['h', '386.4'], ['p', 'OLD-BARCODE']]]]);
    const server = await startFakeServer((_req, res) => { res.end(file); });
    await syncMarc(graph.db, http, marcSpec(koha, `${server.url}/852.mrc`, 'koha-852-source'));
    await server.close();
    ilsdi.items.set('k852', [{ id: '9001', status: 'available' }]);
    const result = await graph.execute(PAGE, { q: 'quayside', first: 1 });
    expect(result.data!.catalog.edges[0].node.holdings).toEqual([
      expect.objectContaining({ status: 'AVAILABLE', live: true, location: { name: 'CEN branch' } }),
    ]);
    ilsdi.items.set('k852', []);
    const silent = await graph.execute(PAGE, { q: 'quayside', first: 1 });
    expect(silent.data!.catalog.edges[0].node.holdings).toEqual([expect.objectContaining({ status: 'UNKNOWN', live: false, location: { name: 'CEN branch' } })]);
  });

  it('when one ILS fails, serves its stale holdings with PARTNER_UNAVAILABLE at each path; the other library is unaffected', async () => {
    ilsdi.mode = 'error';
    try {
      const result = await graph.execute(PAGE, { q: 'harbor q2x', first: 5 });
      const nodes = result.data!.catalog.edges.map((e: any) => e.node);
      const kohaNode = nodes.find((n: any) => n.library.slug === 'koha-town');
      const folioNode = nodes.find((n: any) => n.library.slug === 'folio-city');
      expect(kohaNode.holdings).toEqual([expect.objectContaining({ status: 'AVAILABLE', rawStatus: 'available', live: false, stale: true })]);
      expect(kohaNode.availability).toMatchObject({ stale: true, total: 1 });
      expect(folioNode.availability.stale).toBe(false);
      const index = nodes.indexOf(kohaNode);
      expect(result.errors).toEqual([
        { message: 'Live availability from this library is unavailable (ILS-DI answered HTTP 500); showing holdings from the last catalog sync.', path: ['catalog', 'edges', index, 'node', 'holdings'], extensions: { code: 'PARTNER_UNAVAILABLE', partnerId: toGlobalId('Partner', koha) } },
        { message: 'Live availability from this library is unavailable (ILS-DI answered HTTP 500); showing holdings from the last catalog sync.', path: ['catalog', 'edges', index, 'node', 'availability'], extensions: { code: 'PARTNER_UNAVAILABLE', partnerId: toGlobalId('Partner', koha) } },
      ]);
    } finally {
      ilsdi.mode = 'ok';
    }
  });

  it('times out a hanging ILS and then opens its circuit, so later requests do not call it at all', async () => {
    const slow = await startFakeRtac();
    slow.mode = 'hang';
    // Its own graph with a short ILS timeout, so the failures fall inside the breaker's rolling window;
    // the others use a timeout a loaded machine's loopback ILS always meets.
    const directory = { endpointsFor: (ids: string[]) => directoryRef.current.endpointsFor(ids) };
    const graph = await createTestGraph(backend, { services: { availability: { http, directory, cacheMs: 0, timeoutMs: 500, breakerResetMs: 60_000 } } });
    try {
      const slowTown = (await createLibrary(graph.db, 'slow-town', ['S'])).id;
      directoryRef.current = staticIlsDirectory([
        { partnerId: koha, protocol: 'ILSDI', url: `${ilsdi.url}/cgi-bin/koha/ilsdi.pl` },
        { partnerId: slowTown, protocol: 'RTAC', url: `${slow.url}/rtac-batch` },
      ]);
      const slowFile = book({ id: 's1', title: 'Slowpoke almanac', items: [{ branch: 'S', barcode: 's1' }] });
      const server = await startFakeServer((_req, res) => { res.end(slowFile); });
      await syncMarc(graph.db, http, marcSpec(slowTown, `${server.url}/slow.mrc`));
      await server.close();
      const reasons: string[] = [];
      for (let i = 0; i < 5; i++) {
        const result = await graph.execute('{ catalog(query: "slowpoke", first: 3) { edges { node { availability { stale total } } } } }');
        expect(result.data!.catalog.edges.map((e: any) => e.node.availability)).toEqual([{ stale: true, total: 1 }]);
        reasons.push(result.errors![0].message);
      }
      expect(reasons[0]).toContain('(timed out)');
      expect(reasons[4]).toContain('(circuit open after repeated failures)');
      expect(slow.requests.length).toBe(3); // the breaker opened after three failures (volumeThreshold)
    } finally {
      await graph.close();
      await slow.close();
    }
  });
});

describeEachBackend('live availability cache', (backend) => {
  it('reuses an ILS answer within the cache time: a second request makes no upstream call', async () => {
    const ils = await startFakeIlsDi();
    const http = testHttpClient();
    const graph = await createTestGraph(backend, { services: { availability: { http, directory: { endpointsFor: async () => directory }, cacheMs: 30_000, timeoutMs: 2000, breakerResetMs: 60_000 } } });
    let directory = new Map();
    const file = book({ id: 'c1', title: 'Cached chronicle', items: [{ branch: 'CEN', barcode: 'c1', itemnumber: 'ci1' }] });
    const files = await startFakeServer((_req, res) => { res.end(file); });
    try {
      const library = (await createLibrary(graph.db, 'cache-town', ['CEN'])).id;
      directory = new Map([[library, { partnerId: library, protocol: 'ILSDI', url: `${ils.url}/ilsdi.pl` }]]);
      await syncMarc(graph.db, http, marcSpec(library, `${files.url}/c.mrc`));
      ils.items.set('c1', [{ id: 'ci1', status: 'not available', message: 'In transit' }]);
      const query = '{ catalog(query: "cached", first: 1) { edges { node { holdings { status live } } } } }';
      const first = await graph.execute(query);
      const second = await graph.execute(query);
      expect(first.data).toEqual(second.data);
      expect(first.data!.catalog.edges[0].node.holdings).toEqual([{ status: 'IN_TRANSIT', live: true }]);
      expect(ils.requests).toHaveLength(1);
    } finally {
      await graph.close();
      await Promise.all([ils.close(), files.close()]);
    }
  });
});
