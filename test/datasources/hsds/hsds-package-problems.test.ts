import { SourceFormat, SourceSpec } from '../../../src/datasources/adapter';
import { hsdsSource } from '../../../src/datasources/hsds/hsds.source';
import { NormalizedService } from '../../../src/datasources/shared/service-item';
import { testHttpClient } from '../../support/http-client';
import { LocalReply, LocalServer, startLocalServer } from '../../support/local-http';

/** Tabular HSDS packages with the mistakes spreadsheets make: what is stored, and what partner staff are told, by file and line. */
const http = testHttpClient();
const spec = (url: string): SourceSpec => ({
  id: 'src', partnerId: 'p', format: SourceFormat.HSDS, url, partnerTimezone: 'America/Chicago',
  window: { from: new Date('2026-12-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') },
  validators: { etag: null, lastModified: null }, lastSuccessAt: null, options: {},
});
const csv = (text: string): LocalReply => ({ body: text, headers: { 'content-type': 'text/csv' } });

describe('HSDS tabular packages with spreadsheet mistakes', () => {
  let server: LocalServer | null = null;
  afterEach(async () => { await server?.close(); server = null; });

  it('stores the first of two rows sharing a service id, and names orphan rows by file and line', async () => {
    const files: Record<string, LocalReply> = {
      '/pkg/datapackage.json': { body: { resources: [
        { name: 'services', path: ['services-a.csv', 'services-b.csv'] }, { name: 'locations', path: 'locations.csv' },
        { name: 'service_at_location', path: 'sal.csv' }, { name: 'phones', path: 'phones.csv' }, { name: 'notes', path: 7 },
      ] } },
      '/pkg/services-a.csv': csv('id,name,status\ns1,Pantry,active\ns2,Clinic,active\n'),
      '/pkg/services-b.csv': csv('id,name,status\ns1,Pantry (copy),active\n,Nameless id,active\n'),
      '/pkg/locations.csv': csv('id,name\nl1,Hall\n'),
      '/pkg/sal.csv': csv('id,service_id,location_id\nsal1,s1,l1\nsal2,s2,l9\nsal3,s9,l1\n'),
      '/pkg/phones.csv': csv('id,service_id,number\n,s7,555-0100\n'),
    };
    server = await startLocalServer((req) => files[req.path] ?? { status: 404 });
    const result = await hsdsSource.pull(spec(`${server.url}/pkg/datapackage.json`), http);
    expect((result.items as NormalizedService[]).map((s) => [s.externalId, s.name, s.locations.map((l) => l.externalId)])).toEqual([
      ['s1', 'Pantry', ['l1']], ['s2', 'Clinic', []],
    ]);
    expect(result.skipped).toEqual([
      { externalId: 's1', reason: 'services-b.csv line 2: service id s1 appears again (first at line 2); this row is not stored', line: 2 },
      { externalId: 'sal3', reason: 'sal.csv line 4: service_at_location row names service s9, which the services table does not list', line: 4 },
      { externalId: null, reason: 'phones.csv line 2: phone row names service s7, which the services table does not list', line: 2 },
      { externalId: 'sal2', reason: 'sal.csv line 3: service_at_location row names location l9, which the locations table does not list', line: 3 },
      { externalId: null, reason: 'services-b.csv line 3: service "Nameless id" has no "id"', line: 3 },
    ]);
  });

  it('refuses a descriptor without a resources list, and one whose services path is not a URL', async () => {
    server = await startLocalServer((req) => (req.path === '/a/datapackage.json' ? { body: { name: 'x', resources: {} } }
      : { body: { resources: [{ name: 'services', path: 'http://[bad' }] } }));
    await expect(hsdsSource.pull(spec(`${server.url}/a/datapackage.json`), http)).rejects.toThrow('datapackage.json: "resources" must be an array of { name, path }.');
    await expect(hsdsSource.pull(spec(`${server.url}/b/datapackage.json`), http)).rejects.toThrow('datapackage.json: resource "services" has a path that is not a URL or relative path.');
  });

  it('names a package that lists nothing usable as listing none', async () => {
    server = await startLocalServer(() => ({ body: { resources: [{ name: 'services' }, 'services.csv'] } }));
    await expect(hsdsSource.pull(spec(`${server.url}/datapackage.json`), http)).rejects.toThrow('datapackage.json lists no services resource (looked for "service" or "services"; it lists none).');
  });
});
