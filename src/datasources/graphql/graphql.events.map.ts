import { DateTime, IANAZone } from 'luxon';
import { AttendanceMode, Audience, EventStatus, RegistrationMode } from '../../domain/enums';
import { AdapterError, NormalizedEvent, SkippedItem } from '../adapter';
import { GraphqlMapping, GraphqlPageShape, MappableField } from './graphql.field-mapping';
import { describeGraphqlErrors, GraphqlResponse } from './graphql.parse';

export interface MappedPage<Item = NormalizedEvent> {
  items: Item[];
  skipped: SkippedItem[];
  /** Partial-data errors accepted because they touched only optional fields. */
  acceptedErrors: number;
  endCursor: string | null;
  hasNextPage: boolean;
}

const MISSING = Symbol('missing');
type Found = unknown | typeof MISSING;

/** The values at a dot path; lists on the way are flattened. MISSING when a key is absent (schema drift). */
function valuesAt(root: unknown, path: string, where: string): unknown[] {
  let current: unknown[] = [root];
  let walked = where;
  for (const key of path.split('.')) {
    const next: unknown[] = [];
    for (const value of current.flatMap((v) => (Array.isArray(v) ? v : [v]))) {
      if (typeof value !== 'object' || value === null) {
        throw new AdapterError(`${walked} is ${value === null ? 'null' : typeof value}, expected an object with "${key}": the response does not have the mapped shape`);
      }
      if (!(key in value)) throw new AdapterError(`${walked} has no "${key}": the query and the mapping's paths disagree`);
      next.push((value as Record<string, unknown>)[key]);
    }
    current = next;
    walked = `${walked}.${key}`;
  }
  return current.flatMap((v) => (Array.isArray(v) ? v : [v]));
}

/** One value inside an item; lists stay lists. null on the way (an optional parent) reads as null. */
function valueAt(item: Record<string, unknown>, path: string): Found {
  let current: unknown = item;
  for (const key of path.split('.')) {
    if (current === null) return null;
    if (typeof current !== 'object' || Array.isArray(current) || !(key in current)) return MISSING;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** An error path relative to the item it sits in (indexes dropped), or null when it is outside every item. */
function pathInItem(errorPath: (string | number)[], itemsPath: string): string[] | null {
  const keys = errorPath.filter((p): p is string => typeof p === 'string');
  const items = itemsPath.split('.');
  if (keys.length < items.length || items.some((k, i) => keys[i] !== k)) return null;
  return keys.slice(items.length);
}

/**
 * Partial data is accepted only when every error sits on fields the mapping marks optional; any
 * other error fails the pull (so the last good copy stays stored), naming the field and the message.
 */
function checkErrors(response: GraphqlResponse, mapping: GraphqlPageShape, url: string): number {
  for (const error of response.errors) {
    const inItem = error.path ? pathInItem(error.path, mapping.itemsPath) : null;
    if (!inItem) throw new AdapterError(`${url} answered with GraphQL errors: ${describeGraphqlErrors([error])}`);
    const touched = (Object.entries(mapping.fields) as [string, string][])
      .filter(([, path]) => {
        const keys = path.split('.');
        const shorter = Math.min(keys.length, inItem.length);
        return keys.slice(0, shorter).every((k, i) => k === inItem[i]);
      })
      .map(([field]) => field);
    const required = touched.filter((field) => !mapping.optional.includes(field));
    if (required.length) {
      throw new AdapterError(`${url} answered with an error on ${required.join(', ')}, which the mapping requires: ${describeGraphqlErrors([error])}`);
    }
  }
  return response.errors.length;
}

/** An item that breaks a rule of our model: skipped with this reason, the rest of the page kept. */
export class Skip extends Error {}

/** Reads one mapped field of an item: a missing key fails the page, null on a required field skips the item. */
export type FieldReader<Field extends string> = (field: Field) => unknown;

function readerFor<Field extends string>(item: Record<string, unknown>, mapping: GraphqlPageShape<Field>): FieldReader<Field> {
  return (field) => {
    const path = mapping.fields[field];
    if (!path) return null;
    const value = valueAt(item, path);
    if (value === MISSING) throw new AdapterError(`items have no "${path}" (mapped to ${field}): the query and the mapping's paths disagree`);
    if (value === null && !mapping.optional.includes(field)) {
      throw new Skip(`${field} (${path}) is null and the mapping does not mark it optional`);
    }
    return value;
  };
}

export const str = (field: string, value: unknown, allowEmpty = true): string | null => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string' || (!allowEmpty && !value.trim())) throw new Skip(`${field}: expected text, got ${JSON.stringify(value)}`);
  return value;
};

const instant = (field: string, value: unknown): Date | null => {
  const text = str(field, value);
  if (text === null) return null;
  const date = DateTime.fromISO(text, { setZone: true });
  if (!date.isValid || !/[zZ]|[+-]\d\d:?\d\d$/.test(text)) throw new Skip(`${field}: not an ISO 8601 instant with an offset: ${JSON.stringify(text)}`);
  return date.toJSDate();
};

/** `map` null: the values are ours by definition (another Community Graph), so no valueMaps hint. */
export function enumValue<T extends string>(field: string, value: unknown, values: Record<string, T>, map: Record<string, T> | undefined | null): T | null {
  const text = str(field, value);
  if (text === null) return null;
  const mapped = map?.[text] ?? (Object.values(values) as string[]).find((v) => v === text.toUpperCase());
  if (!mapped) throw new Skip(`${field}: ${JSON.stringify(text)} is not one of ${Object.values(values).join(', ')}${map === null ? '' : ' (add it to valueMaps)'}`);
  return mapped as T;
}

export const strings = (field: string, value: unknown): string[] => {
  if (value === null || value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((v) => str(field, v)).filter((v): v is string => v !== null);
};

export const count = (field: string, value: unknown): number | null => {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new Skip(`${field}: expected a whole number, got ${JSON.stringify(value)}`);
  return value;
};

const coordinate = (field: string, value: unknown): number | null => {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Skip(`${field}: expected a number, got ${JSON.stringify(value)}`);
  return value;
};

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

function mapEvent(get: FieldReader<MappableField>, mapping: GraphqlMapping, partnerTimezone: string): NormalizedEvent {
  const externalId = str('externalId', get('externalId'), false)!;
  const title = str('title', get('title'), false)!.trim();
  const startsAt = instant('startsAt', get('startsAt'))!;
  const endsAt = instant('endsAt', get('endsAt')) ?? startsAt;
  if (endsAt < startsAt) throw new Skip(`endsAt ${endsAt.toISOString()} is before startsAt ${startsAt.toISOString()}`);
  const timezone = str('timezone', get('timezone')) ?? partnerTimezone;
  if (!IANAZone.isValidZone(timezone)) throw new Skip(`timezone: ${JSON.stringify(timezone)} is not an IANA time zone`);
  const allDay = get('allDay') === true;
  const localDate = (field: 'startDate' | 'endDate', at: Date): string | null => {
    const given = str(field, get(field));
    if (given !== null && !LOCAL_DATE.test(given)) throw new Skip(`${field}: expected YYYY-MM-DD, got ${JSON.stringify(given)}`);
    return allDay ? given ?? DateTime.fromJSDate(at, { zone: timezone }).toISODate() : null;
  };
  const rawAudienceValues = strings('audiences', get('audiences'));
  const audiences = [...new Set(rawAudienceValues
    .map((v) => mapping.valueMaps.audiences?.[v] ?? (Object.values(Audience) as string[]).find((a) => a === v.toUpperCase()))
    .filter((v): v is Audience => v !== undefined))] as Audience[];
  const url = str('url', get('url'));
  const mode = enumValue('registration.mode', get('registration.mode'), RegistrationMode, mapping.valueMaps.registrationMode)
    ?? RegistrationMode.NONE;
  const placeName = str('place.name', get('place.name'));
  return {
    externalId,
    seriesKey: str('seriesKey', get('seriesKey')),
    title,
    description: str('description', get('description')),
    startsAt,
    endsAt,
    timezone,
    allDay,
    startDate: localDate('startDate', startsAt),
    endDate: localDate('endDate', endsAt),
    status: enumValue('status', get('status'), EventStatus, mapping.valueMaps.status) ?? EventStatus.SCHEDULED,
    attendanceMode: enumValue('attendanceMode', get('attendanceMode'), AttendanceMode, mapping.valueMaps.attendanceMode)
      ?? AttendanceMode.OFFLINE,
    audiences,
    rawAudiences: mapping.fields.rawAudiences ? strings('rawAudiences', get('rawAudiences')) : rawAudienceValues,
    categories: strings('categories', get('categories')),
    url,
    imageUrl: str('imageUrl', get('imageUrl')),
    place: placeName ? {
      name: placeName,
      address: str('place.address', get('place.address')),
      lat: coordinate('place.lat', get('place.lat')),
      lon: coordinate('place.lon', get('place.lon')),
      code: str('place.code', get('place.code')),
    } : null,
    registration: {
      mode,
      // A remote NATIVE registration is EXTERNAL here: people register on the partner's own page.
      url: str('registration.url', get('registration.url')) ?? (mode === RegistrationMode.EXTERNAL ? url : null),
      capacity: count('registration.capacity', get('registration.capacity')),
      confirmed: count('registration.confirmed', get('registration.confirmed')),
    },
  };
}

/**
 * One page of a remote answer → items, by `mapItem`. Pure. Items that break a rule of our model are
 * skipped with the reason; a response that does not have the mapped shape fails as a whole, and so
 * do errors on fields the mapping does not mark optional. Every part of a GRAPHQL source (events,
 * catalog records) goes through these rules.
 */
export function mapPage<Field extends string, Item>(
  response: GraphqlResponse, mapping: GraphqlPageShape<Field>, url: string, mapItem: (get: FieldReader<Field>) => Item,
): MappedPage<Item> {
  const acceptedErrors = checkErrors(response, mapping, url);
  const page: MappedPage<Item> = { items: [], skipped: [], acceptedErrors, endCursor: null, hasNextPage: false };
  valuesAt(response.data, mapping.itemsPath, 'data').forEach((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      // A non-null field that failed nulls its whole item: partial data that would drop an item.
      if (response.errors.length) {
        throw new AdapterError(`${url} answered item ${index} at ${mapping.itemsPath} as null with errors: ${describeGraphqlErrors(response.errors)}`);
      }
      page.skipped.push({ externalId: null, reason: `item ${index} at ${mapping.itemsPath} is ${item === null ? 'null' : Array.isArray(item) ? 'an array' : `a ${typeof item}`}, not an object` });
      return;
    }
    try {
      page.items.push(mapItem(readerFor(item as Record<string, unknown>, mapping)));
    } catch (error) {
      if (!(error instanceof Skip)) throw error;
      const idPath = (mapping.fields as Partial<Record<string, string>>).externalId;
      const id = idPath ? valueAt(item as Record<string, unknown>, idPath) : null;
      page.skipped.push({ externalId: typeof id === 'string' ? id : null, reason: error.message });
    }
  });
  if (mapping.pagination) {
    const [hasNext] = valuesAt(response.data, mapping.pagination.hasNextPagePath, 'data');
    const [cursor] = valuesAt(response.data, mapping.pagination.endCursorPath, 'data');
    page.hasNextPage = hasNext === true;
    page.endCursor = typeof cursor === 'string' ? cursor : null;
    if (page.hasNextPage && !page.endCursor) {
      throw new AdapterError(`${url} says there is a next page but gave no cursor at ${mapping.pagination.endCursorPath}`);
    }
  }
  return page;
}

/** One page of a remote answer → normalized events (see mapPage). */
export function mapGraphqlPage(response: GraphqlResponse, mapping: GraphqlMapping, source: { url: string; partnerTimezone: string }): MappedPage {
  return mapPage(response, mapping, source.url, (get) => mapEvent(get, mapping, source.partnerTimezone));
}
