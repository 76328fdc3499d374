import { AdapterError, SkippedItem } from '../adapter';
import { isObject, JsonObject, parseJsonBody } from './hsds.parse';
import { assembleTabularServices, dataPackageResources, lineOf, parseCsvTable, Row, Tables } from './hsds.tabular';
import { canonicalTable, READ_TABLES, tabularVersion, toCurrentColumns } from './hsds.versions';

export interface PackageContents {
  /** One nested service object per stored-or-skipped services row, in file order. */
  raws: JsonObject[];
  /** Where each raw came from (its services file and line), for the reasons of services the mapper skips. */
  origin: WeakMap<JsonObject, { file: string; line: number | undefined }>;
  /** Rows that will not be stored: duplicate services, rows linked to a service or location the package lacks. */
  skipped: SkippedItem[];
  formatVersion: string;
}

/** Fetches one table's bytes (through the adapter's HttpClient). */
export type FetchTable = (url: string, what: string) => Promise<Buffer>;

/** Tables whose rows hang off a service by service_id; a row naming no listed service is lost, so it is reported. */
const SERVICE_CHILDREN = ['service_at_location', 'schedule', 'phone', 'contact', 'language', 'cost_option', 'eligibility'];

/**
 * Resources are relative to the descriptor's own URL (Frictionless Data Package), over http(s) and
 * file: alike. A package served over HTTP may not send us to the server's disk.
 */
function resourceUrl(path: string, packageUrl: string, name: string): string {
  let url: URL;
  try {
    url = new URL(path, packageUrl);
  } catch {
    throw new AdapterError(`datapackage.json: resource "${name}" has a path that is not a URL or relative path.`);
  }
  const remote = (u: URL | string) => ['http:', 'https:'].includes(typeof u === 'string' ? new URL(u).protocol : u.protocol);
  if (remote(packageUrl) && !remote(url)) {
    throw new AdapterError(`datapackage.json: resource "${name}" resolves to a ${url.protocol} URL; a package served over HTTP may only list http(s) resources.`);
  }
  return url.toString();
}

/** Reads a tabular package of any HSDS version into nested 3.x service objects, and says what it cannot store. */
export async function readDataPackage(packageUrl: string, descriptorBody: Buffer, fetchTable: FetchTable): Promise<PackageContents> {
  const descriptor = parseJsonBody(descriptorBody, 'datapackage.json');
  const resources = dataPackageResources(descriptor);
  const formatVersion = tabularVersion(resources.map((r) => r.name), isObject(descriptor) ? descriptor.version : undefined);
  const wanted = resources.filter((r) => READ_TABLES.includes(canonicalTable(r.name)));
  const serviceResources = wanted.filter((r) => canonicalTable(r.name) === 'service');
  if (!serviceResources.length) {
    const listed = resources.slice(0, 30).map((r) => `"${r.name.slice(0, 40)}"`).join(', ');
    throw new AdapterError(`datapackage.json lists no services resource (looked for "service" or "services"; it lists ${listed || 'none'}).`);
  }
  const hasServiceTaxonomy = wanted.some((r) => canonicalTable(r.name) === 'service_taxonomy');
  const tables: Tables = {};
  const fileOf = new WeakMap<Row, string>();
  for (const resource of wanted) {
    for (const path of resource.paths) {
      const url = resourceUrl(path, packageUrl, resource.name);
      const rows = parseCsvTable(await fetchTable(url, `HSDS table ${resource.name}`), resource.name);
      const { table, rows: current } = toCurrentColumns(resource.name, canonicalTable(resource.name), rows, hasServiceTaxonomy);
      const file = path.split('/').pop()!.slice(0, 60);
      for (const row of current) fileOf.set(row, file);
      tables[table] = [...(tables[table] ?? []), ...current];
    }
  }
  const skipped: SkippedItem[] = [];
  const where = (row: Row) => ({ file: fileOf.get(row) ?? 'table', line: lineOf(row) });
  const skip = (row: Row, ref: string | null, reason: string) => {
    const { file, line } = where(row);
    skipped.push({ externalId: ref, reason: `${file}${line ? ` line ${line}` : ''}: ${reason}`, ...(line ? { line } : {}) });
  };

  // A service id twice would store the first row and silently drop the second: say so.
  const firstLine = new Map<string, number | undefined>();
  tables.service = (tables.service ?? []).filter((row) => {
    if (!row.id || !firstLine.has(row.id)) {
      if (row.id) firstLine.set(row.id, lineOf(row));
      return true;
    }
    const first = firstLine.get(row.id);
    skip(row, row.id, `service id ${row.id} appears again${first ? ` (first at line ${first})` : ''}; this row is not stored`);
    return false;
  });
  const services = new Set(tables.service.map((s) => s.id).filter(Boolean));
  const locations = new Set((tables.location ?? []).map((l) => l.id).filter(Boolean));
  for (const table of SERVICE_CHILDREN) {
    for (const row of tables[table] ?? []) {
      if (row.service_id && !services.has(row.service_id)) skip(row, row.id || null, `${table} row names service ${row.service_id}, which the services table does not list`);
    }
  }
  for (const row of tables.service_at_location ?? []) {
    if (row.location_id && !locations.has(row.location_id)) skip(row, row.id || null, `service_at_location row names location ${row.location_id}, which the locations table does not list`);
  }

  const raws = assembleTabularServices(tables);
  const origin = new WeakMap<JsonObject, { file: string; line: number | undefined }>();
  raws.forEach((raw, i) => origin.set(raw, where(tables.service[i])));
  return { raws, origin, skipped, formatVersion };
}
