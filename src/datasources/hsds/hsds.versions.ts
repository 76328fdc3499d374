import { JsonObject } from './hsds.parse';
import { copyRow, Row } from './hsds.tabular';

/**
 * Publishers write HSDS tabular packages in the shape of the version they started with: 1.x and 2.x
 * name resources in the plural (`services`, `regular_schedules`, `physical_addresses`...), 3.x in the
 * singular (`service`, `schedule`, `address`), and some columns moved between versions. Everything is
 * read into the 3.x tables here, so assembling and mapping know one shape.
 */
const ALIASES: Record<string, string> = {
  services: 'service', organizations: 'organization', locations: 'location',
  service_at_locations: 'service_at_location', services_at_location: 'service_at_location', services_at_locations: 'service_at_location',
  addresses: 'address', physical_addresses: 'address', physical_address: 'address', postal_addresses: 'address', postal_address: 'address',
  schedules: 'schedule', regular_schedules: 'schedule', regular_schedule: 'schedule',
  phones: 'phone', contacts: 'contact', languages: 'language',
  accessibility_for_disabilities: 'accessibility', accessibilities: 'accessibility',
  cost_options: 'cost_option', attributes: 'attribute', taxonomy_terms: 'taxonomy_term',
  // 1.x/2.x: eligibility rows carry what 3.x puts on the service; service_taxonomy links services to terms.
  eligibilities: 'eligibility', service_taxonomies: 'service_taxonomy',
};

/** The 3.x tables a service is assembled from, plus the 1.x/2.x ones folded into them. */
export const READ_TABLES = ['service', 'organization', 'service_at_location', 'location', 'address', 'accessibility', 'schedule',
  'phone', 'contact', 'language', 'cost_option', 'attribute', 'taxonomy_term', 'eligibility', 'service_taxonomy', 'taxonomy'];

/** Names of 1.x/2.x resources: a package with any of them is read as 1.x/2.x. */
const LEGACY_NAMES = new Set(['services', 'organizations', 'regular_schedules', 'physical_addresses', 'postal_addresses',
  'service_taxonomy', 'accessibility_for_disabilities', 'holiday_schedules', 'eligibility']);

export function canonicalTable(resourceName: string): string {
  const name = resourceName.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return ALIASES[name] ?? name;
}

/** "1.x tabular", "2.x tabular", "1.x/2.x tabular" (when the package does not say) or "3.x tabular". */
export function tabularVersion(resourceNames: string[], descriptorVersion: unknown): string {
  const legacy = resourceNames.some((n) => LEGACY_NAMES.has(n.trim().toLowerCase()));
  const major = typeof descriptorVersion === 'string' || typeof descriptorVersion === 'number' ? /^v?(\d+)\./i.exec(String(descriptorVersion))?.[1] : undefined;
  if (!legacy) return '3.x tabular';
  return major === '1' || major === '2' ? `${major}.x tabular` : '1.x/2.x tabular';
}

/** HSDS JSON with 1.x/2.x field names (regular_schedules, physical_addresses), else 3.x. */
export function jsonVersion(services: JsonObject[], kind: 'JSON' | 'API'): string {
  const legacy = services.some((s) => 'regular_schedules' in s || 'physical_addresses' in s || 'postal_addresses' in s
    || (Array.isArray(s.service_at_locations) && s.service_at_locations.some((sal) => typeof sal === 'object' && sal !== null
      && typeof (sal as JsonObject).location === 'object' && (sal as JsonObject).location !== null
      && 'physical_addresses' in ((sal as JsonObject).location as JsonObject))));
  return `${legacy ? '1.x/2.x' : '3.x'} ${kind}`;
}

/**
 * Column renames of one resource's rows into the 3.x table they join. Changed rows are copies that
 * keep their line number (`lineOf`) for skip reasons.
 */
export function toCurrentColumns(resourceName: string, table: string, rows: Row[], hasServiceTaxonomy: boolean): { table: string; rows: Row[] } {
  const name = resourceName.trim().toLowerCase();
  const copy = (extra: (row: Row) => Row) => rows.map((row) => copyRow(row, fixed(extra(row), row)));
  if (table === 'address') {
    // 1.x/2.x keep physical and postal addresses apart; 3.x says which in address_type.
    const type = name.startsWith('postal') ? 'postal' : name.startsWith('physical') ? 'physical' : null;
    return { table, rows: type ? copy(() => ({ address_type: type })) : rows };
  }
  if (table === 'language') return { table, rows: copy((row) => ({ name: row.language ?? '' })) };
  if (table === 'service_taxonomy') return { table: 'attribute', rows: copy((row) => ({ link_id: row.service_id ?? '', taxonomy_term_id: row.taxonomy_id ?? '', link_type: 'service' })) };
  // In 1.x/2.x `taxonomy` holds the terms; in 3.x it names the vocabularies (terms are taxonomy_term).
  if (table === 'taxonomy') return { table: hasServiceTaxonomy ? 'taxonomy_term' : 'taxonomy', rows };
  return { table, rows };
}

/** Defaults only fill a column the row leaves empty. */
function fixed(defaults: Row, row: Row): Row {
  return Object.fromEntries(Object.entries(defaults).filter(([key]) => !row[key]));
}
