import { AdapterError, SourceFormat, SourceSpec } from '../../../src/datasources/adapter';
import { hsdsSource } from '../../../src/datasources/hsds/hsds.source';
import { NormalizedService } from '../../../src/datasources/shared/service-item';
import { testHttpClient } from '../../support/http-client';
import { LocalReply, LocalRequest, LocalServer, startLocalServer } from '../../support/local-http';

/** An HSDS source whose API, file or options are not what the textbook says: what the operator is told. */
const http = testHttpClient();
const spec = (url: string, over: Partial<SourceSpec> = {}): SourceSpec => ({
  id: 'src', partnerId: 'p', format: SourceFormat.HSDS, url, partnerTimezone: 'America/Chicago',
  window: { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2027-05-01T00:00:00Z') },
  validators: { etag: null, lastModified: null }, lastSuccessAt: null, options: {}, ...over,
});
const names = (items: unknown) => (items as NormalizedService[]).map((s) => s.name);
const page = (n: number, contents: unknown[], over: Record<string, unknown> = {}) => ({
  body: { total_items: contents.length, total_pages: 1, page_number: n, size: 10, contents, ...over },
});
const service = (id: string, extra: Record<string, unknown> = {}) => ({ id, name: `Service ${id}`, phones: [], ...extra });

describe('HSDS source: options and odd answers', () => {
  let server: LocalServer | null = null;
  afterEach(async () => { await server?.close(); server = null; });
  const serve = async (handler: (req: LocalRequest) => LocalReply) => { server = await startLocalServer(handler); return server; };

  it('refuses an unknown mode option, naming the value', async () => {
    await expect(hsdsSource.pull(spec('http://127.0.0.1:9/x.json', { options: { mode: 'ftp' } }), http))
      .rejects.toThrow(new AdapterError('HSDS option "mode" must be api, file or datapackage, got "ftp".'));
  });

  it('reads a file at a URL without .json when mode is "file"', async () => {
    const s = await serve(() => ({ body: [service('a')] }));
    const result = await hsdsSource.pull(spec(`${s.url}/export`, { options: { mode: 'file' } }), http);
    expect(names(result.items)).toEqual(['Service a']);
    expect(s.requests.map((r) => r.path)).toEqual(['/export']);
  });

  it('answers "not modified" when the file\'s ETag still matches, without reading anything', async () => {
    const s = await serve((req) => (req.headers['if-none-match'] === '"v7"' ? { status: 304, headers: { etag: '"v7"' } } : { body: [service('a')] }));
    const result = await hsdsSource.pull(spec(`${s.url}/listings.json`, { validators: { etag: '"v7"', lastModified: null } }), http);
    expect(result).toMatchObject({ notModified: true, items: [], skipped: [], validators: { etag: '"v7"' } });
  });

  it('fails a file answered with a 3xx that leads nowhere, or with an empty 204, naming the URL', async () => {
    const s = await serve((req) => ({ status: req.path === '/moved.json' ? 300 : 204 }));
    await expect(hsdsSource.pull(spec(`${s.url}/moved.json`), http)).rejects.toThrow(new AdapterError(`HSDS file: GET ${s.url}/moved.json answered HTTP 300.`));
    await expect(hsdsSource.pull(spec(`${s.url}/listings.json`), http)).rejects.toThrow(new AdapterError(`HSDS file ${s.url}/listings.json is not valid JSON: it is empty.`));
  });

  it('stops a paging that never ends at maxPages, storing nothing', async () => {
    const s = await serve((req) => page(Number(req.query.get('page')), [service(`s${req.query.get('page')}`)], { total_pages: 99, total_items: 99, last_page: false }));
    await expect(hsdsSource.pull(spec(`${s.url}/api/`, { options: { maxPages: 2 } }), http))
      .rejects.toThrow(new AdapterError('HSDA paging did not end within maxPages=2 pages; nothing was stored.'));
    expect(s.requests.map((r) => r.query.get('page'))).toEqual(['1', '2']);
  });

  it('keeps reading past total_pages while last_page is false, and ends at the empty page after it', async () => {
    const s = await serve((req) => {
      const n = Number(req.query.get('page'));
      if (n === 1) return page(1, [service('a')], { total_items: 2, total_pages: 1, last_page: false });
      if (n === 2) return page(2, [service('b')], { total_items: 2, total_pages: 1, last_page: false });
      return page(n, [], { total_items: 2, total_pages: 1, last_page: null });
    });
    const result = await hsdsSource.pull(spec(`${s.url}/api`), http);
    expect(names(result.items)).toEqual(['Service a', 'Service b']);
    expect(s.requests.map((r) => r.query.get('page'))).toEqual(['1', '2', '3']);
  });

  it.each([
    ['an array', [], /^HSDA page 1 \(.*\): expected an HSDA page object, got an array\.$/],
    ['a number', 42, /^HSDA page 1 \(.*\): expected an HSDA page object, got number\.$/],
    ['contents that are not a list', { total_items: 0, total_pages: 0, page_number: 1, size: 10, contents: 'none' }, /^HSDA page 1 \(.*\): "contents" must be an array, got "none"\.$/],
  ])('fails on a page that is %s', async (_what, body, message) => {
    const s = await serve(() => ({ body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }));
    await expect(hsdsSource.pull(spec(`${s.url}/api`), http)).rejects.toThrow(message);
  });

  it('skips a listed service whose detail is gone (404) and fails on a detail answered with another non-2xx status', async () => {
    const s = await serve((req) => {
      if (req.path === '/api/services') return page(1, [{ id: 'kept', name: 'Kept' }, { id: 'gone one', name: 'Gone' }]);
      if (req.path === '/api/services/kept') return { body: service('kept') };
      return { status: 404, body: { error: 'not found' } };
    });
    const result = await hsdsSource.pull(spec(`${s.url}/api`), http);
    expect(names(result.items)).toEqual(['Service kept']);
    expect(result.skipped).toEqual([{ externalId: 'gone one', reason: `listed, but GET ${s.url}/api/services/gone%20one answered 404 (removed while we read the list)` }]);
    await s.close();
    const t = await serve((req) => (req.path === '/api/services' ? page(1, [{ id: 'x', name: 'X' }]) : { status: 300 }));
    await expect(hsdsSource.pull(spec(`${t.url}/api`), http)).rejects.toThrow(new AdapterError(`HSDA service detail: GET ${t.url}/api/services/x answered HTTP 300.`));
  });

  it('keeps a list item with a numeric id as listed (its id as text), without asking for a detail it cannot address', async () => {
    const s = await serve(() => page(1, [{ id: 17, name: 'Numbered' }]));
    const result = await hsdsSource.pull(spec(`${s.url}/api`), http);
    expect((result.items as NormalizedService[]).map((i) => [i.externalId, i.name])).toEqual([['17', 'Numbered']]);
    expect(s.requests.map((r) => r.path)).toEqual(['/api/services']);
  });

  it('reads the whole list again, not a delta, when incremental is false', async () => {
    const s = await serve(() => page(1, [service('a')]));
    const result = await hsdsSource.pull(spec(`${s.url}/api`, { lastSuccessAt: new Date('2026-11-20T00:00:00Z'), options: { incremental: false } }), http);
    expect(result.incremental).toBe(false);
    expect(s.requests[0].query.has('modified_after')).toBe(false);
  });

  it('merges service_at_location records of one service into one service with every location', async () => {
    const sal = (loc: string) => ({ id: `sal-${loc}`, service: { id: 'pantry', name: 'Food pantry' }, location: { id: loc, name: `Site ${loc}` } });
    const s = await serve(() => ({ body: `\uFEFF${JSON.stringify([sal('north'), sal('south'), { id: 'lone', name: 'Lone', service_at_locations: 'n/a' }, { id: 'lone', name: 'Lone again' }])}` }));
    const result = await hsdsSource.pull(spec(`${s.url}/service_at_locations.json`), http);
    const items = result.items as NormalizedService[];
    expect(items.map((i) => [i.externalId, i.locations.map((l) => l.externalId)])).toEqual([['pantry', ['north', 'south']], ['lone', []]]);
  });
});
