import fs from 'node:fs';
import { isSkipped, mapHsdsService } from '../../../src/datasources/hsds/hsds.map';
import { parseHsdaPage, servicesFromJson } from '../../../src/datasources/hsds/hsds.parse';
import { assembleTabularServices, dataPackageResources, parseCsvTable, Tables } from '../../../src/datasources/hsds/hsds.tabular';
import { NormalizedService } from '../../../src/datasources/shared/service-item';
import { ServiceStatus } from '../../../src/domain/enums';
import { corpusFile } from '../../support/corpus';
import { describeNeeding, needsCorpus } from '../../support/needs';

const ctx = { zone: 'America/Chicago', window: { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2027-11-01T00:00:00Z') } };

function mapAll(raws: Record<string, unknown>[]): NormalizedService[] {
  return raws.map((raw) => {
    const mapped = mapHsdsService(raw, ctx);
    if (isSkipped(mapped)) throw new Error(mapped.reason);
    return mapped;
  });
}
const fromJson = (name: string) => mapAll(servicesFromJson(JSON.parse(fs.readFileSync(corpusFile('hsds', name), 'utf8')), name));
function fromTabular(): NormalizedService[] {
  const dir = corpusFile('hsds', 'hsds3_tabular');
  const tables: Tables = {};
  for (const r of dataPackageResources(JSON.parse(fs.readFileSync(`${dir}/datapackage.json`, 'utf8')))) {
    tables[r.name] = parseCsvTable(fs.readFileSync(`${dir}/${r.path}`), r.name);
  }
  return mapAll(assembleTabularServices(tables));
}

describeNeeding(needsCorpus(), 'HSDS corpus (../shared/fixtures/hsds)', () => {
  it('reads every file and the tabular package, extracting one service from each', () => {
    const counts = {
      service_full: fromJson('hsds3_service_full.json').length,
      organization_full: fromJson('hsds3_organization_full.json').length,
      service_at_location_list: fromJson('hsds3_service_at_location_list.json').length,
      tabular: fromTabular().length,
    };
    expect(counts).toEqual({ service_full: 1, organization_full: 1, service_at_location_list: 1, tabular: 1 });
  });

  it('maps the full HSDS 3 service: organization, ages, fees, cost options, languages, taxonomy, phones, accessibility', () => {
    const [s] = fromJson('hsds3_service_full.json');
    expect(s).toMatchObject({
      externalId: 'ac148810-d857-441c-9679-408f346de14b', name: 'Community Counselling', status: ServiceStatus.ACTIVE,
      organizationName: 'Example Organization Inc.', minimumAge: 12, maximumAge: 100,
      languages: ['Urdu', 'ur'], categories: ['name'], categoryCodes: ['code'], sessions: [],
    });
    expect(s.costOptions).toEqual([{ option: 'Under 18s and Over 60s', amount: 35, currency: 'GBP', amountDescription: 'per 1 hour session', validFrom: '2020-01-01', validTo: '2022-12-31' }]);
    expect(s.phones[0].number).toBe('+44 1234 234567'); // the example wraps it in literal quotes
    expect(s.locations).toHaveLength(1);
    expect(s.locations[0]).toMatchObject({ name: 'MyCity Civic Center', lat: null, lon: null }); // latitude 100 is no place
    expect(s.locations[0].accessibility).toMatch(/^The building is equipped with induction loops/);
    // The same schedule is repeated on the service, its service_at_location and the location: kept once.
    expect(s.hours).toHaveLength(1);
    expect(s.hours[0]).toMatchObject({ freq: 'WEEKLY', byDay: [{ weekday: 4, nth: null }, { weekday: 5, nth: null }], opensAt: '10:00:00', closesAt: '18:00:00', utcOffsetHours: 3 });
  });

  it('reads the paginated list envelope of the HSDA example', () => {
    const page = parseHsdaPage(fs.readFileSync(corpusFile('hsds', 'hsds3_service_at_location_list.json')), 'example');
    expect(page).toMatchObject({ totalItems: 10, totalPages: 10, pageNumber: 1, size: 1, firstPage: true, lastPage: false, empty: false });
    expect(page.contents).toHaveLength(1);
  });

  it('rebuilds the nested service from the CSV tables with the same fields as the JSON', () => {
    const [tabular] = fromTabular();
    const [json] = fromJson('hsds3_service_full.json');
    for (const field of ['externalId', 'name', 'description', 'status', 'organizationName', 'minimumAge', 'maximumAge', 'fees', 'costOptions', 'languages', 'hours'] as const) {
      expect([field, tabular[field]]).toEqual([field, json[field]]);
    }
    expect(tabular.locations.map((l) => l.name)).toEqual(['MyCity Civic Center']);
  });
});
