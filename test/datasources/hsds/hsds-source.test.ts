import fs from 'node:fs';
import path from 'node:path';
import { AdapterError, SourceFormat, SourceSpec } from '../../../src/datasources/adapter';
import { hsdsSource } from '../../../src/datasources/hsds/hsds.source';
import { NormalizedService } from '../../../src/datasources/shared/service-item';
import { corpusFile } from '../../support/corpus';
import { itNeeding, needsCorpus } from '../../support/needs';
import { testHttpClient } from '../../support/http-client';
import { LocalRequest, LocalServer, startLocalServer } from '../../support/local-http';

const http = testHttpClient();
const full = (n: number, modified: string) => ({
  id: `svc-${n}`, name: `Service ${String(n).padStart(2, '0')}`, status: 'active', last_modified: modified,
  service_at_locations: [{ location: { id: `loc-${n}`, name: `Place ${n}` } }],
  schedules: [{ id: `sch-${n}`, freq: 'WEEKLY', byday: 'MO', opens_at: '09:00', closes_at: '17:00' }],
});
const SERVICES = Array.from({ length: 7 }, (_, i) => full(i + 1, i < 5 ? '2026-11-01T00:00:00Z' : '2026-11-26T00:00:00Z'));

/** An HSDA API (HSDS 3 API reference): minimal list items, full detail by id, the page envelope. */
function hsda(options: { lie?: 'empty-early' | 'last-early' | 'ignores-page' } = {}) {
  return (req: LocalRequest) => {
    if (req.path === '/api/services') {
      const page = Number(req.query.get('page'));
      const size = Number(req.query.get('per_page'));
      const after = req.query.get('modified_after');
      const matching = SERVICES.filter((s) => !after || s.last_modified > after);
      const totalPages = Math.ceil(matching.length / size);
      const index = options.lie === 'ignores-page' ? 1 : page;
      let contents = matching.slice((index - 1) * size, index * size).map((s) => ({ id: s.id, name: s.name }));
      let claimedPages = totalPages;
      if (options.lie === 'empty-early') { claimedPages = totalPages + 2; if (page > totalPages) contents = []; }
      return { body: {
        total_items: matching.length, total_pages: options.lie === 'last-early' ? totalPages + 3 : claimedPages, page_number: index, size,
        first_page: index === 1, last_page: options.lie === 'last-early' ? true : index >= claimedPages, empty: contents.length === 0, contents,
      } };
    }
    const detail = /^\/api\/services\/(.+)$/.exec(req.path);
    const found = detail && SERVICES.find((s) => s.id === decodeURIComponent(detail[1]));
    return found ? { body: found } : { status: 404, body: { error: 'not found' } };
  };
}

const spec = (url: string, over: Partial<SourceSpec> = {}): SourceSpec => ({
  id: 'src', partnerId: 'p', format: SourceFormat.HSDS, url, partnerTimezone: 'America/Chicago',
  window: { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2027-05-01T00:00:00Z') },
  validators: { etag: null, lastModified: null }, lastSuccessAt: null, options: { perPage: 3 }, ...over,
});
const names = (items: unknown) => (items as NormalizedService[]).map((s) => s.name);

describe('HSDS source against an HSDA API on 127.0.0.1', () => {
  let server: LocalServer | null = null;
  afterEach(async () => { await server?.close(); server = null; });

  it('walks the pages, fetches each minimal item in full, and returns every service', async () => {
    server = await startLocalServer(hsda());
    const result = await hsdsSource.pull(spec(`${server.url}/api`), http);
    expect(result).toMatchObject({ kind: 'services', incremental: false, notModified: false, skipped: [], formatVersion: '3.x API' });
    expect(names(result.items)).toEqual(SERVICES.map((s) => s.name));
    expect((result.items as NormalizedService[])[0].hours[0]).toMatchObject({ byDay: [{ weekday: 1, nth: null }], opensAt: '09:00' });
    const listCalls = server.requests.filter((r) => r.path === '/api/services').map((r) => r.query.get('page'));
    expect(listCalls).toEqual(['1', '2', '3']);
    expect(server.requests.filter((r) => r.path.startsWith('/api/services/'))).toHaveLength(7);
  });

  it('asks only for modified_after the last success once a first sync has succeeded, and says the pull is a delta', async () => {
    server = await startLocalServer(hsda());
    const result = await hsdsSource.pull(spec(`${server.url}/api`, { lastSuccessAt: new Date('2026-11-20T00:00:00Z') }), http);
    expect(result.incremental).toBe(true);
    expect(names(result.items)).toEqual(['Service 06', 'Service 07']);
    expect(server.requests[0].query.get('modified_after')).toBe('2026-11-20T00:00:00.000Z');
  });

  it.each([
    ['empty-early', /^HSDA page 4 came back empty, but the envelope claims total_pages 5 and total_items 7/],
    ['last-early', /^HSDA page 1 says last_page, but total_pages is 6/],
    ['ignores-page', /^HSDA page 2: asked for page 2, the envelope says page_number 1\./],
  ] as const)('fails the pull with a clear error when the envelope lies (%s), before anything reaches a sink', async (lie, message) => {
    server = await startLocalServer(hsda({ lie }));
    const pull = hsdsSource.pull(spec(`${server.url}/api`), http);
    await expect(pull).rejects.toThrow(AdapterError);
    await expect(hsdsSource.pull(spec(`${server.url}/api`), http)).rejects.toThrow(message);
  });

  it('fails on a malformed page or an HTTP error with the URL and status', async () => {
    server = await startLocalServer((req) => (req.query.get('page') === '1'
      ? { body: { total_items: 'many', total_pages: 1, page_number: 1, size: 3, contents: [] } } : { status: 500 }));
    await expect(hsdsSource.pull(spec(`${server.url}/api`), http)).rejects.toThrow(/^HSDA page 1 \(.*\): "total_items" must be a non-negative integer, got "many"\.$/);
    await server.close();
    server = await startLocalServer(() => ({ status: 503 }));
    await expect(hsdsSource.pull(spec(`${server.url}/api`), http)).rejects.toThrow(/^HSDA service list: GET http:\/\/127\.0\.0\.1:\d+\/api\/services\?page=1&per_page=3 answered HTTP 503\.$/);
  });

  it('skips services with wrong types or missing required fields, counting each with its reason', async () => {
    const file = [full(1, 'x'), { id: 'no-name' }, { name: 'No id' }, { id: 'odd', name: 'Odd', status: 'sleeping' }];
    server = await startLocalServer(() => ({ body: file, headers: { etag: '"v1"' } }));
    const result = await hsdsSource.pull(spec(`${server.url}/listings.json`), http);
    expect(names(result.items)).toEqual(['Service 01']);
    expect(result.formatVersion).toBe('3.x JSON');
    expect(result.skipped).toEqual([
      { externalId: 'no-name', reason: 'service no-name has no "name" (got null)' },
      { externalId: null, reason: 'service "No id" has no "id"' },
      { externalId: 'odd', reason: 'service odd has unknown status "sleeping" (HSDS: active, inactive, defunct, temporarily closed)' },
    ]);
    expect(result.validators.etag).toBe('"v1"');
  });

  itNeeding(needsCorpus(), 'reads the HSDS tabular data package over HTTP (datapackage.json and its CSV tables)', async () => {
    const dir = corpusFile('hsds', 'hsds3_tabular');
    server = await startLocalServer((req) => {
      const file = path.join(dir, path.basename(req.path));
      return fs.existsSync(file) ? { body: fs.readFileSync(file), headers: { 'content-type': req.path.endsWith('.csv') ? 'text/csv' : 'application/json' } } : { status: 404 };
    });
    const result = await hsdsSource.pull(spec(`${server.url}/open-data/datapackage.json`), http);
    expect(names(result.items)).toEqual(['Community Counselling']);
    expect(result.formatVersion).toBe('3.x tabular');
    expect(server.requests.map((r) => r.path)).toContain('/open-data/services.csv');
  });
});
