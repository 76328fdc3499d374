import { AdapterError } from '../adapter';
import { parsePartnerJson } from '../shared/json-text';

export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The HSDA list envelope (HSDS 3 API reference, "Paginated responses"). */
export interface HsdaPage {
  totalItems: number;
  totalPages: number;
  pageNumber: number;
  size: number;
  firstPage: boolean | null;
  lastPage: boolean | null;
  empty: boolean | null;
  contents: JsonObject[];
}

export function parseJsonBody(body: Buffer | string, what: string): unknown {
  const text = (typeof body === 'string' ? body : body.toString('utf8')).replace(/^\uFEFF/, '');
  return parsePartnerJson(text, what);
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Validates a page envelope; names the field and the value when it is not what the spec says. */
export function parseHsdaPage(body: Buffer | string, where: string): HsdaPage {
  const value = parseJsonBody(body, where);
  if (!isObject(value)) throw new AdapterError(`${where}: expected an HSDA page object, got ${Array.isArray(value) ? 'an array' : typeof value}.`);
  for (const field of ['total_items', 'total_pages', 'page_number', 'size'] as const) {
    if (!isCount(value[field])) throw new AdapterError(`${where}: "${field}" must be a non-negative integer, got ${JSON.stringify(value[field])}.`);
  }
  if (!Array.isArray(value.contents)) throw new AdapterError(`${where}: "contents" must be an array, got ${JSON.stringify(value.contents)}.`);
  const flag = (v: unknown) => (typeof v === 'boolean' ? v : null);
  return {
    totalItems: value.total_items as number,
    totalPages: value.total_pages as number,
    pageNumber: value.page_number as number,
    size: value.size as number,
    firstPage: flag(value.first_page),
    lastPage: flag(value.last_page),
    empty: flag(value.empty),
    contents: (value.contents as unknown[]).filter(isObject),
  };
}

/**
 * Services from any HSDS JSON a publisher serves statically: one service, an array of services, an
 * organization with nested services (which inherit it as their organization), a page envelope, or
 * service_at_location records (whose nested service is taken, with that location attached).
 */
export function servicesFromJson(value: unknown, where: string): JsonObject[] {
  if (Array.isArray(value)) return value.flatMap((item) => servicesFromJson(item, where));
  if (!isObject(value)) return [];
  if (Array.isArray(value.contents)) return servicesFromJson(value.contents, where);
  if (isObject(value.service) && (isObject(value.location) || 'service_id' in value)) {
    const service = { ...value.service };
    if (!Array.isArray(service.service_at_locations) && isObject(value.location)) {
      service.service_at_locations = [{ id: value.id, description: value.description, location: value.location }];
    }
    return [service];
  }
  if (Array.isArray(value.services) && !('service_at_locations' in value)) {
    const { services, ...organization } = value;
    return (services as unknown[]).filter(isObject).map((s) => ({
      ...s,
      organization: isObject(s.organization) ? s.organization : organization,
      // An organization's locations serve its services when a service names none.
      service_at_locations: Array.isArray(s.service_at_locations) ? s.service_at_locations
        : Array.isArray(organization.locations) ? (organization.locations as unknown[]).filter(isObject).map((l) => ({ location: l })) : [],
    }));
  }
  return typeof value.id === 'string' || typeof value.name === 'string' ? [value] : [];
}

/** A list item is "minimal" when it lacks the nested detail the full `GET /services/{id}` has. */
export function isMinimalService(service: JsonObject): boolean {
  return !('service_at_locations' in service) && !('schedules' in service) && !('phones' in service);
}
