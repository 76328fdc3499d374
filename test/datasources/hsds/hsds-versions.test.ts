import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SourceFormat, SourceSpec } from '../../../src/datasources/adapter';
import { hsdsSource } from '../../../src/datasources/hsds/hsds.source';
import { NormalizedService } from '../../../src/datasources/shared/service-item';
import { testHttpClient } from '../../support/http-client';
import { LocalServer, startLocalServer } from '../../support/local-http';

const FIXTURES = path.join(__dirname, '../../fixtures/hsds');
const http = testHttpClient();
const spec = (url: string): SourceSpec => ({
  id: 'src', partnerId: 'p', format: SourceFormat.HSDS, url, partnerTimezone: 'America/Chicago',
  window: { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2027-05-01T00:00:00Z') },
  validators: { etag: null, lastModified: null }, lastSuccessAt: null, options: {},
});
const services = (items: unknown) => items as NormalizedService[];
const csvRows = (file: string) => fs.readFileSync(file, 'utf8').split('\n').slice(1).filter((l) => /^[a-z]+-/.test(l)).length;

/** Serves a fixture folder under `mount`, as a publisher's web server would. */
const serveFolder = (dir: string, mount: string) => startLocalServer((req) => {
  const file = path.join(dir, path.relative(mount, req.path));
  return req.path.startsWith(mount) && fs.existsSync(file) ? { body: fs.readFileSync(file), headers: { 'content-type': file.endsWith('.csv') ? 'text/csv' : 'application/json' } } : { status: 404 };
});

describe('HSDS tabular packages as publishers write them (1.x, 2.x, 3.x names)', () => {
  let server: LocalServer | null = null;
  afterEach(async () => { await server?.close(); server = null; });

  it('reads a 1.x-era package from file: (plural names, physical/postal addresses, regular_schedules, service_taxonomy, eligibility)', async () => {
    const result = await hsdsSource.pull(spec(pathToFileURL(path.join(FIXTURES, 'v1-package/datapackage.json')).href), http);
    expect(result.formatVersion).toBe('1.x/2.x tabular');
    const [pantry, supper, reading] = services(result.items);
    expect(services(result.items).map((s) => s.name)).toEqual(['Saturday Pantry', 'Community Supper', 'Adult Reading Help']);
    expect(pantry).toMatchObject({
      externalId: 'svc-pantry', organizationName: 'Riverside Food Share', description: 'Groceries for any household.\nBring a bag if you can.',
      eligibilityDescription: 'Residents of the river wards', fees: 'Free', languages: ['English', 'Spanish'], categories: ['Food Pantry'],
      phones: [{ number: '555-0100', extension: null, type: 'voice', description: 'Pantry line', languages: ['Spanish'] }],
      // The physical address, not the PO box of postal_addresses.
      locations: [{ externalId: 'loc-hall', name: 'St Brigid\'s Hall', address: '12 Bridge Street, Riverside, IL 60601, US', lat: 41.8781, lon: -87.6298, accessibility: null, locationType: null }],
    });
    expect(pantry.hours.map((h) => [h.byDay, h.opensAt, h.closesAt])).toEqual([[[{ weekday: 6, nth: null }], '09:00', '12:00']]);
    expect(supper.hours.map((h) => h.byDay[0].weekday)).toEqual([3]);
    expect([reading.status, reading.organizationName]).toEqual(['INACTIVE', 'Northgate Literacy Circle']);
    // Every services row is stored or skipped with its line (the pantry's description spans lines 2-3).
    expect(result.skipped).toEqual([
      { externalId: 'svc-meals', line: 7, reason: 'services.csv line 7: service id svc-meals appears again (first at line 4); this row is not stored' },
      { externalId: 'rs-3', line: 4, reason: 'regular_schedules.csv line 4: schedule row names service svc-gone, which the services table does not list' },
      { externalId: 'svc-noname', line: 5, reason: 'services.csv line 5: service svc-noname has no "name" (got null)' },
    ]);
    const serviceRows = csvRows(path.join(FIXTURES, 'v1-package/services.csv'));
    expect(serviceRows).toBe(5);
    expect(services(result.items).length + result.skipped.filter((s) => s.reason.startsWith('services.csv')).length).toBe(serviceRows);
  });

  it('reads a 2.x package over HTTP, its tables resolved relative to the datapackage.json URL; a schedule linked only by service_at_location', async () => {
    server = await serveFolder(path.join(FIXTURES, 'v2-package'), '/exports/eastside/');
    const result = await hsdsSource.pull(spec(`${server.url}/exports/eastside/datapackage.json`), http);
    expect(result.formatVersion).toBe('2.x tabular');
    expect(result.skipped).toEqual([]);
    const [toddlers, advice] = services(result.items);
    expect(toddlers).toMatchObject({ name: 'Toddler Play Mornings', minimumAge: 0, maximumAge: 5, eligibilityDescription: 'Children under five with a carer' });
    expect(toddlers.hours.map((h) => [h.byDay[0].weekday, h.opensAt, h.locationExternalId])).toEqual([[2, '09:30', 'l-centre']]);
    expect(advice).toMatchObject({ fees: 'Free', languages: ['Polish'], locations: [expect.objectContaining({ address: '8 Market Row, Eastside, IL 60610, US' })] });
    expect(server.requests.map((r) => r.path)).toEqual(expect.arrayContaining(['/exports/eastside/datapackage.json', '/exports/eastside/data/services.csv', '/exports/eastside/data/regular_schedules.csv']));
  });

  it('refuses a package served over HTTP whose resource points at file:, and names what a package without services lists', async () => {
    server = await startLocalServer((req) => (req.path === '/evil/datapackage.json'
      ? { body: { resources: [{ name: 'services', path: 'file:///etc/passwd' }] } }
      : { body: { resources: [{ name: 'programs', path: 'programs.csv' }, { name: 'funding', path: 'funding.csv' }] } }));
    await expect(hsdsSource.pull(spec(`${server.url}/evil/datapackage.json`), http)).rejects.toThrow(
      'datapackage.json: resource "services" resolves to a file: URL; a package served over HTTP may only list http(s) resources.');
    await expect(hsdsSource.pull(spec(`${server.url}/other/datapackage.json`), http)).rejects.toThrow(
      'datapackage.json lists no services resource (looked for "service" or "services"; it lists "programs", "funding").');
    expect(server.requests.map((r) => r.path)).toEqual(['/evil/datapackage.json', '/other/datapackage.json']);
  });
});
