import { parse } from 'csv-parse/sync';
import { AdapterError } from '../adapter';
import { isObject, JsonObject } from './hsds.parse';

type Row = Record<string, string>;
export type Tables = Record<string, Row[]>;

/** The CSV resources a tabular package lists (Frictionless Data Package: resources[].name/path). */
export function dataPackageResources(descriptor: unknown): { name: string; path: string }[] {
  if (!isObject(descriptor) || !Array.isArray(descriptor.resources)) {
    throw new AdapterError('datapackage.json: "resources" must be an array of { name, path }.');
  }
  return descriptor.resources.filter(isObject).flatMap((r) => {
    const path = Array.isArray(r.path) ? r.path[0] : r.path;
    return typeof r.name === 'string' && typeof path === 'string' ? [{ name: r.name, path }] : [];
  });
}

/** One CSV table: header row, quoted cells that may span lines, BOM tolerated. */
export function parseCsvTable(body: Buffer | string, name: string): Row[] {
  try {
    return parse(body, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, trim: false }) as Row[];
  } catch (error) {
    throw new AdapterError(`CSV table "${name}": ${(error as Error).message}`);
  }
}

const by = (rows: Row[] | undefined, key: string): Map<string, Row[]> => {
  const map = new Map<string, Row[]>();
  for (const row of rows ?? []) {
    const k = row[key];
    if (!k) continue;
    map.set(k, [...(map.get(k) ?? []), row]);
  }
  return map;
};

/** Empty CSV cells are absent values, not empty strings. */
const clean = (row: Row): JsonObject => Object.fromEntries(Object.entries(row).filter(([, v]) => v !== ''));

/**
 * Rebuilds nested HSDS services from the tables (HSDS 3 tabular: one CSV per object, linked by
 * *_id columns), so the tabular package maps through the same code as the JSON API.
 */
export function assembleTabularServices(tables: Tables): JsonObject[] {
  const organizations = new Map((tables.organization ?? []).map((o) => [o.id, o]));
  const locations = new Map((tables.location ?? []).map((l) => [l.id, l]));
  const terms = new Map((tables.taxonomy_term ?? []).map((t) => [t.id, t]));
  const addresses = by(tables.address, 'location_id');
  const accessibility = by(tables.accessibility, 'location_id');
  const schedulesByService = by(tables.schedule, 'service_id');
  const schedulesByLocation = by(tables.schedule, 'location_id');
  const phones = by(tables.phone, 'service_id');
  const contacts = by(tables.contact, 'service_id');
  const languages = by(tables.language, 'service_id');
  const costs = by(tables.cost_option, 'service_id');
  const attributes = by(tables.attribute, 'link_id');
  const atLocation = by(tables.service_at_location, 'service_id');

  const locationObject = (id: string): JsonObject | null => {
    const l = locations.get(id);
    if (!l) return null;
    return {
      ...clean(l),
      addresses: (addresses.get(id) ?? []).map(clean),
      accessibility: (accessibility.get(id) ?? []).map(clean),
      // Location-level schedules without a service are the location's own hours.
      schedules: (schedulesByLocation.get(id) ?? []).filter((s) => !s.service_id).map(clean),
    };
  };

  return (tables.service ?? []).map((s) => ({
    ...clean(s),
    organization: organizations.has(s.organization_id) ? clean(organizations.get(s.organization_id)!) : undefined,
    service_at_locations: (atLocation.get(s.id) ?? []).map((sal) => ({ ...clean(sal), location: locationObject(sal.location_id) })),
    schedules: (schedulesByService.get(s.id) ?? []).map(clean),
    phones: (phones.get(s.id) ?? []).map(clean),
    contacts: (contacts.get(s.id) ?? []).map(clean),
    languages: (languages.get(s.id) ?? []).map(clean),
    cost_options: (costs.get(s.id) ?? []).map(clean),
    attributes: (attributes.get(s.id) ?? []).map((a) => ({ ...clean(a), taxonomy_term: terms.has(a.taxonomy_term_id) ? clean(terms.get(a.taxonomy_term_id)!) : undefined })),
  }));
}
