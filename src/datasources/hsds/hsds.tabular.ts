import { parse } from 'csv-parse/sync';
import { AdapterError } from '../adapter';
import { isObject, JsonObject } from './hsds.parse';

/**
 * csv-parse's messages quote the cell they stopped in ("value is \"root\""); a stored error names the
 * rule (its code) and the line instead.
 */
function csvFailure(error: unknown): string {
  const { code, lines } = error as { code?: unknown; lines?: unknown };
  const rule = typeof code === 'string' ? code.replace(/^CSV_/, '').toLowerCase().replace(/_/g, ' ') : 'not valid CSV';
  return typeof lines === 'number' ? `${rule} at line ${lines}.` : `${rule}.`;
}

export type Row = Record<string, string>;
export type Tables = Record<string, Row[]>;

/** Where each CSV row (and each service assembled from one) starts in its file, for skip reasons. */
const lines = new WeakMap<object, number>();
export const lineOf = (row: object): number | undefined => lines.get(row);

/** A row with some columns set, keeping the original's line. */
export function copyRow(row: Row, set: Row): Row {
  const copy = { ...row, ...set };
  const line = lines.get(row);
  if (line !== undefined) lines.set(copy, line);
  return copy;
}

/** The CSV resources a tabular package lists (Frictionless Data Package: resources[].name/path; a path may be a list of parts). */
export function dataPackageResources(descriptor: unknown): { name: string; path: string; paths: string[] }[] {
  if (!isObject(descriptor) || !Array.isArray(descriptor.resources)) {
    throw new AdapterError('datapackage.json: "resources" must be an array of { name, path }.');
  }
  return descriptor.resources.filter(isObject).flatMap((r) => {
    const paths = (Array.isArray(r.path) ? r.path : [r.path]).filter((p): p is string => typeof p === 'string' && p.length > 0);
    return typeof r.name === 'string' && paths.length ? [{ name: r.name, path: paths[0], paths }] : [];
  });
}

/** One CSV table: header row, quoted cells that may span lines, BOM tolerated. Each row remembers its first line. */
export function parseCsvTable(body: Buffer | string, name: string): Row[] {
  let parsed: { record: Row; info: { lines: number; empty_lines: number } }[];
  try {
    parsed = parse(body, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, trim: false, info: true });
  } catch (error) {
    throw new AdapterError(`CSV table "${name}": ${csvFailure(error)}`);
  }
  // csv-parse tells where a record ends; it starts after the previous one and the empty lines between.
  let previousEnd = 1;
  let previousEmpty = 0;
  return parsed.map(({ record, info }) => {
    lines.set(record, previousEnd + 1 + (info.empty_lines - previousEmpty));
    previousEnd = info.lines;
    previousEmpty = info.empty_lines;
    return record;
  });
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
 * *_id columns; 1.x/2.x packages are first read into these tables by hsds.versions.ts), so the
 * tabular package maps through the same code as the JSON API.
 */
export function assembleTabularServices(tables: Tables): JsonObject[] {
  const organizations = new Map((tables.organization ?? []).map((o) => [o.id, o]));
  const locations = new Map((tables.location ?? []).map((l) => [l.id, l]));
  const terms = new Map((tables.taxonomy_term ?? []).map((t) => [t.id, t]));
  const servicesAtLocation = new Map((tables.service_at_location ?? []).map((sal) => [sal.id, sal]));
  // 1.x/2.x schedules and phones may hang off a service_at_location only: they belong to its service and location.
  const linked = (rows: Row[] | undefined): Row[] => (rows ?? []).map((row) => {
    const sal = row.service_at_location_id ? servicesAtLocation.get(row.service_at_location_id) : undefined;
    return sal && (!row.service_id || !row.location_id)
      ? copyRow(row, { service_id: row.service_id || sal.service_id || '', location_id: row.location_id || sal.location_id || '' }) : row;
  });
  const schedules = linked(tables.schedule);
  const addresses = by(tables.address, 'location_id');
  const accessibility = by(tables.accessibility, 'location_id');
  const schedulesByService = by(schedules, 'service_id');
  const schedulesByLocation = by(schedules, 'location_id');
  const phones = by(linked(tables.phone), 'service_id');
  const contacts = by(tables.contact, 'service_id');
  const languages = by(tables.language, 'service_id');
  const costs = by(tables.cost_option, 'service_id');
  const attributes = by(tables.attribute, 'link_id');
  const eligibility = by(tables.eligibility, 'service_id');
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

  return (tables.service ?? []).map((s) => {
    const service: JsonObject = {
      ...eligibilityOf(eligibility.get(s.id)),
      ...clean(s),
      organization: organizations.has(s.organization_id) ? clean(organizations.get(s.organization_id)!) : undefined,
      service_at_locations: (atLocation.get(s.id) ?? []).map((sal) => ({ ...clean(sal), location: locationObject(sal.location_id) })),
      schedules: (schedulesByService.get(s.id) ?? []).map(clean),
      // 1.x/2.x phones name their language in a column; 3.x lists languages.
      phones: (phones.get(s.id) ?? []).map((p) => ({ ...clean(p), ...(p.language && !p.languages ? { languages: [{ name: p.language }] } : {}) })),
      contacts: (contacts.get(s.id) ?? []).map(clean),
      languages: (languages.get(s.id) ?? []).map(clean),
      cost_options: (costs.get(s.id) ?? []).map(clean),
      attributes: (attributes.get(s.id) ?? []).map((a) => ({ ...clean(a), taxonomy_term: terms.has(a.taxonomy_term_id) ? clean(terms.get(a.taxonomy_term_id)!) : undefined })),
    };
    const line = lines.get(s);
    if (line !== undefined) lines.set(service, line);
    return service;
  });
}

/** 1.x/2.x eligibility rows: what 3.x keeps on the service (eligibility_description, ages); the service's own columns win. */
function eligibilityOf(rows: Row[] | undefined): JsonObject {
  if (!rows?.length) return {};
  const first = (column: string) => rows.map((r) => r[column]).find((v) => v);
  const text = rows.map((r) => r.eligibility || r.eligibility_description).filter(Boolean).join('; ');
  return clean({ eligibility_description: text, minimum_age: first('minimum_age') ?? '', maximum_age: first('maximum_age') ?? '' });
}
