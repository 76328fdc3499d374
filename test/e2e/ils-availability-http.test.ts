import { describeEachBackend } from '../support/backends';
import { FakeServer, startFakeServer } from '../support/fake-http';
import { FakeIls, startFakeIlsDi, startFakeRtac } from '../support/fake-ils';
import { kohaBook } from '../support/koha-record';
import { iso2709 } from '../support/marc-writer';
import { startTestServer, TestServer } from '../support/server';

const book = (o: Parameters<typeof kohaBook>[0]) => { const r = kohaBook(o); return iso2709(r.leader, r.fields); };

const ADD_PARTNER = `mutation($input: AddPartnerInput!) { addPartner(input: $input) { id } }`;
const ADD_SOURCE = `mutation($input: AddSourceInput!) { addSource(input: $input) { id } }`;
const SYNC = `mutation($id: ID!) { syncSource(id: $id) { status created error } }`;
const CATALOG = `query($q: String!) { catalog(query: $q, first: 10) { edges { node {
  controlNumber library { slug } holdings { status rawStatus live stale } availability { availableNow stale } } } } }`;

/** The running server (startApp): ILS_AVAILABILITY sources added over the API answer live holdings. */
describeEachBackend('live ILS availability in the running server', (backend) => {
  let server: TestServer;
  let files: FakeServer;
  let ilsdi: FakeIls;
  let rtac: FakeIls;
  let admin: Record<string, string>;

  const call = async (query: string, variables: Record<string, unknown>) => {
    const { status, json } = await server.post({ query, variables }, admin);
    expect(status).toBe(200);
    return json;
  };
  const addLibrary = async (slug: string, branch: string, marcPath: string, ils: { url: string; options?: Record<string, unknown> }) => {
    const partner = await call(ADD_PARTNER, { input: { slug, name: slug, kind: 'LIBRARY', timezone: 'America/Chicago' } });
    const partnerId = partner.data.addPartner.id;
    const marc = await call(ADD_SOURCE, { input: { partnerId, format: 'MARC', url: `${files.url}${marcPath}` } });
    const sync = await call(SYNC, { id: marc.data.addSource.id });
    expect(sync.data.syncSource).toEqual({ status: 'OK', created: 2, error: null });
    const live = await call(ADD_SOURCE, { input: { partnerId, format: 'ILS_AVAILABILITY', url: ils.url, options: ils.options ?? null } });
    expect(live.errors).toBeUndefined();
    return { partnerId, branch };
  };

  beforeAll(async () => {
    ilsdi = await startFakeIlsDi();
    rtac = await startFakeRtac();
    const koha = Buffer.concat([book({ id: 'k1', title: 'Lantern harbor', items: [{ branch: 'CEN', barcode: 'kb1', itemnumber: 'ki1' }] }),
      book({ id: 'k2', title: 'Lantern keeper', items: [{ branch: 'CEN', barcode: 'kb2', itemnumber: 'ki2' }] })]);
    const folio = Buffer.concat([book({ id: 'f1', title: 'Lantern folio one', items: [{ branch: 'MAIN', barcode: 'fb1', itemnumber: 'fi1' }] }),
      book({ id: 'f2', title: 'Lantern folio two', items: [{ branch: 'MAIN', barcode: 'fb2', itemnumber: 'fi2' }] })]);
    files = await startFakeServer((req, res) => { res.end(req.url.pathname === '/koha.mrc' ? koha : folio); });
    server = await startTestServer(backend, { demo: false, env: { SOURCE_ALLOW_HOSTS: '127.0.0.1', ILS_CACHE_SECONDS: '0', ILS_TIMEOUT_MS: '2000' } });
    const { secret } = await server.app.services.apiKeys.create({ role: 'ADMIN' as never, label: 'ils e2e' });
    admin = { authorization: `Bearer ${secret}` };
    await addLibrary('koha-town', 'CEN', '/koha.mrc', { url: `${ilsdi.url}/cgi-bin/koha/ilsdi.pl` });
    await addLibrary('folio-city', 'MAIN', '/folio.mrc', { url: `${rtac.url}/rtac-batch`, options: { protocol: 'RTAC' } });
    ilsdi.items.set('k1', [{ id: 'ki1', status: 'not available', message: 'Checked out' }]);
    ilsdi.items.set('k2', [{ id: 'ki2', status: 'available' }]);
    rtac.items.set('f1', [{ id: 'fi1', status: 'Awaiting pickup', holds: 2 }]);
    rtac.items.set('f2', [{ id: 'fi2', status: 'Available' }]);
  });
  afterAll(async () => {
    await server?.close();
    await Promise.all([files?.close(), ilsdi?.close(), rtac?.close()]);
  });

  const holdings = async () => {
    const json = await call(CATALOG, { q: 'lantern' });
    const byId = Object.fromEntries(json.data.catalog.edges.map((e: any) => [e.node.controlNumber, e.node]));
    return { json, byId };
  };

  it('asks each library\'s ILS (ILS-DI, FOLIO RTAC) once per request and overlays the live status', async () => {
    const before = { ilsdi: ilsdi.requests.length, rtac: rtac.requests.length };
    const { json, byId } = await holdings();
    expect(json.errors).toBeUndefined();
    expect(byId.k1.holdings).toEqual([{ status: 'CHECKED_OUT', rawStatus: 'Checked out', live: true, stale: false }]);
    expect(byId.k2.availability).toEqual({ availableNow: true, stale: false });
    expect(byId.f1.holdings).toEqual([{ status: 'ON_HOLD', rawStatus: 'Awaiting pickup', live: true, stale: false }]);
    expect({ ilsdi: ilsdi.requests.length - before.ilsdi, rtac: rtac.requests.length - before.rtac }).toEqual({ ilsdi: 1, rtac: 1 });
  });

  it('serves one library stale with PARTNER_UNAVAILABLE while its ILS fails; the other stays live', async () => {
    ilsdi.mode = 'error';
    try {
      const { json, byId } = await holdings();
      expect(byId.k1.holdings).toEqual([expect.objectContaining({ live: false, stale: true })]);
      expect(byId.f2.holdings).toEqual([expect.objectContaining({ status: 'AVAILABLE', live: true, stale: false })]);
      expect(json.errors.map((e: any) => [e.extensions.code, e.message])).toContainEqual(['PARTNER_UNAVAILABLE',
        'Live availability from this library is unavailable (ILS-DI answered HTTP 500); showing holdings from the last catalog sync.']);
    } finally {
      ilsdi.mode = 'ok';
    }
  });

  it('refuses an ILS_AVAILABILITY source with an unknown protocol, and never syncs one', async () => {
    const partner = await call(ADD_PARTNER, { input: { slug: 'sip-town', name: 'sip', kind: 'LIBRARY', timezone: 'America/Chicago' } });
    const bad = await call(ADD_SOURCE, { input: { partnerId: partner.data.addPartner.id, format: 'ILS_AVAILABILITY', url: `${ilsdi.url}/sip`, options: { protocol: 'SIP2' } } });
    expect(bad.errors[0]).toMatchObject({
      message: 'Invalid value for argument "input.options": {"protocol":"SIP2"}. Expected options.protocol "ILSDI" (default) or "RTAC".',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const ok = await call(ADD_SOURCE, { input: { partnerId: partner.data.addPartner.id, format: 'ILS_AVAILABILITY', url: `${ilsdi.url}/ilsdi.pl` } });
    const sync = await call(SYNC, { id: ok.data.addSource.id });
    expect(sync.errors[0]).toMatchObject({ message: 'ILS_AVAILABILITY sources are read per request and never synced.', extensions: { code: 'BAD_USER_INPUT' } });
    expect(await server.app.services.sync.formats()).not.toContain('ILS_AVAILABILITY');
  });
});
