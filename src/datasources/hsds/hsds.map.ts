import { AttendanceMode, EventStatus, RegistrationMode, ServiceStatus } from '../../domain/enums';
import { htmlToPlainText } from '../shared/plain-text';
import { OpeningHoursRule } from '../shared/opening-hours';
import { NormalizedEvent, SkippedItem } from '../adapter';
import { NormalizedService, ServiceContact, ServiceLocation, ServicePhone } from '../shared/service-item';
import { hsdsAudiences } from './hsds.audience';
import { isObject, JsonObject } from './hsds.parse';
import { isOneOff, scheduleLists, scheduleRule, sessionTimes } from './hsds.schedule';

export interface HsdsMapContext {
  zone: string;
  window: { from: Date; to: Date };
}

const STATUS: Record<string, ServiceStatus> = {
  active: ServiceStatus.ACTIVE,
  inactive: ServiceStatus.INACTIVE,
  defunct: ServiceStatus.DEFUNCT,
  temporarily_closed: ServiceStatus.TEMPORARILY_CLOSED,
  'temporarily closed': ServiceStatus.TEMPORARILY_CLOSED,
};

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null);
const num = (v: unknown): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
};
const objects = (v: unknown): JsonObject[] => (Array.isArray(v) ? v.filter(isObject) : []);
const unique = (values: (string | null)[]): string[] => [...new Set(values.filter((v): v is string => !!v))];

/** Publishers paste numbers with quotes ('"+44 1234 234567"' in the HSDS 3 example); strip them. */
const phoneNumber = (v: unknown): string | null => str(v)?.replace(/^["']+|["']+$/g, '').trim() || null;

function phonesOf(v: unknown): ServicePhone[] {
  return objects(v).flatMap((p) => {
    const number = phoneNumber(p.number);
    return number ? [{
      number, extension: str(p.extension), type: str(p.type), description: str(p.description),
      languages: unique(objects(p.languages).map((l) => str(l.name) ?? str(l.code))),
    }] : [];
  });
}

function contactsOf(v: unknown): ServiceContact[] {
  return objects(v).map((c) => ({
    name: str(c.name), title: str(c.title), department: str(c.department), email: str(c.email), phones: phonesOf(c.phones),
  }));
}

const coordinate = (v: unknown, limit: number): number | null => {
  const n = num(v);
  return n !== null && Math.abs(n) <= limit ? n : null; // the HSDS example's latitude 100 is not a place
};

function addressOf(location: JsonObject): string | null {
  const addresses = objects(location.addresses ?? location.physical_addresses);
  const address = addresses.find((a) => str(a.address_type) !== 'postal') ?? addresses[0];
  if (!address) return null;
  const region = [str(address.state_province), str(address.postal_code)].filter(Boolean).join(' ');
  const parts = [str(address.address_1), str(address.address_2), str(address.city), region, str(address.country)].filter(Boolean);
  return parts.length ? parts.join(', ') : null;
}

function locationOf(location: JsonObject): ServiceLocation | null {
  const externalId = str(location.id);
  const name = str(location.name) ?? addressOf(location);
  if (!externalId || !name) return null;
  const notes = [...objects(location.accessibility), ...objects(location.accessibility_for_disabilities)]
    .map((a) => [str(a.description) ?? str(a.accessibility), str(a.details)].filter(Boolean).join(' '))
    .filter(Boolean);
  let lat = coordinate(location.latitude, 90);
  let lon = coordinate(location.longitude, 180);
  if (lat === null || lon === null) lat = lon = null; // half a coordinate places nothing
  return {
    externalId, name, address: addressOf(location), lat, lon,
    accessibility: notes.length ? notes.join('\n') : null,
    locationType: str(location.location_type),
  };
}

/**
 * Hours and sessions of a service. The same schedule often appears on the service, its
 * service_at_location and the location (the HSDS example repeats it), so ids are de-duplicated,
 * keeping the most specific (location) copy.
 */
function schedulesOf(raw: JsonObject): { rules: { rule: OpeningHoursRule; id: string | null; name: string | null; link: string | null; session: boolean }[] } {
  const seen = new Set<string>();
  const rules: { rule: OpeningHoursRule; id: string | null; name: string | null; link: string | null; session: boolean }[] = [];
  const add = (owner: JsonObject, locationId: string | null) => {
    const lists = scheduleLists(owner);
    for (const [entries, asEvents] of [[lists.hours, false], [lists.events, true]] as const) {
      for (const entry of entries) {
        const id = str(entry.id);
        if (id && seen.has(id)) continue;
        if (id) seen.add(id);
        const rule = scheduleRule(entry, locationId);
        rules.push({ rule, id, name: str(entry.name), link: str(entry.schedule_link), session: asEvents || isOneOff(rule) });
      }
    }
  };
  for (const sal of objects(raw.service_at_locations)) {
    const locationId = isObject(sal.location) ? str(sal.location.id) : str(sal.location_id);
    add(sal, locationId);
    if (isObject(sal.location)) add(sal.location, locationId);
  }
  add(raw, null);
  return { rules };
}

function sessionsOf(service: NormalizedService, raw: JsonObject, rules: ReturnType<typeof schedulesOf>['rules'], ctx: HsdsMapContext): NormalizedEvent[] {
  const { audiences, rawAudiences } = hsdsAudiences(service.minimumAge, service.maximumAge, service.categories);
  return rules.filter((r) => r.session).flatMap(({ rule, id, name, link }, index) => {
    const location = service.locations.find((l) => l.externalId === rule.locationExternalId) ?? service.locations[0] ?? null;
    const key = `${service.externalId}#schedule:${id ?? index}`;
    const times = sessionTimes(rule, ctx.zone, ctx.window);
    return times.map((t) => ({
      externalId: `${key}#${t.localDate}`,
      seriesKey: isOneOff(rule) ? null : key,
      title: name ?? service.name,
      description: rule.description ?? service.description,
      startsAt: t.start, endsAt: t.end, timezone: t.zone, allDay: t.allDay,
      startDate: t.allDay ? t.localDate : null,
      endDate: t.allDay ? new Date(Date.parse(`${t.localDate}T00:00:00Z`) + 86400000).toISOString().slice(0, 10) : null,
      status: service.status === ServiceStatus.ACTIVE ? EventStatus.SCHEDULED : EventStatus.CANCELLED,
      attendanceMode: location?.locationType === 'virtual' ? AttendanceMode.ONLINE : AttendanceMode.OFFLINE,
      audiences, rawAudiences, categories: service.categories,
      url: link ?? service.url, imageUrl: null,
      place: location ? { name: location.name, address: location.address, lat: location.lat, lon: location.lon, code: location.externalId } : null,
      registration: { mode: RegistrationMode.NONE, url: null, capacity: null, confirmed: null },
    }));
  });
}

/** One HSDS service object (3.x, or 2.x field names where they differ) → a NormalizedService, or why not. */
export function mapHsdsService(raw: JsonObject, ctx: HsdsMapContext): NormalizedService | SkippedItem {
  const externalId = str(raw.id);
  const name = str(raw.name);
  if (!externalId) return { externalId: null, reason: `service ${JSON.stringify(raw.name ?? null)} has no "id"` };
  if (!name) return { externalId, reason: `service ${externalId} has no "name" (got ${JSON.stringify(raw.name ?? null)})` };
  const statusText = str(raw.status)?.toLowerCase() ?? 'active';
  const status = STATUS[statusText];
  if (!status) return { externalId, reason: `service ${externalId} has unknown status ${JSON.stringify(raw.status)} (HSDS: active, inactive, defunct, temporarily closed)` };
  const terms = objects(raw.attributes).map((a) => (isObject(a.taxonomy_term) ? a.taxonomy_term : null)).filter(isObject);
  const locations = objects(raw.service_at_locations).map((sal) => (isObject(sal.location) ? locationOf(sal.location) : null))
    .filter((l): l is ServiceLocation => l !== null);
  const { rules } = schedulesOf(raw);
  const organization = isObject(raw.organization) ? raw.organization : null;
  const service: NormalizedService = {
    externalId, name,
    alternateName: str(raw.alternate_name),
    description: htmlToPlainText(str(raw.description)),
    url: str(raw.url), email: str(raw.email), status,
    organizationName: organization ? str(organization.name) : null,
    eligibilityDescription: str(raw.eligibility_description) ?? str(raw.eligibility),
    minimumAge: num(raw.minimum_age), maximumAge: num(raw.maximum_age),
    applicationProcess: str(raw.application_process),
    fees: str(raw.fees_description) ?? str(raw.fees),
    costOptions: objects(raw.cost_options).map((c) => ({
      option: str(c.option), amount: num(c.amount), currency: str(c.currency)?.toUpperCase() ?? null,
      amountDescription: str(c.amount_description), validFrom: str(c.valid_from), validTo: str(c.valid_to),
    })),
    languages: unique([...objects(raw.languages), ...locationsLanguages(raw)].flatMap((l) => [str(l.name), str(l.code)])),
    categories: unique(terms.map((t) => str(t.name))),
    categoryCodes: unique(terms.map((t) => str(t.code))),
    phones: phonesOf(raw.phones),
    contacts: contactsOf(raw.contacts),
    locations: [...new Map(locations.map((l) => [l.externalId, l])).values()],
    hours: rules.filter((r) => !r.session).map((r) => r.rule),
    sessions: [],
    lastModified: str(raw.last_modified),
  };
  service.sessions = sessionsOf(service, raw, rules, ctx);
  return service;
}

function locationsLanguages(raw: JsonObject): JsonObject[] {
  return objects(raw.service_at_locations).flatMap((sal) => (isObject(sal.location) ? objects(sal.location.languages) : []));
}

export const isSkipped = (value: NormalizedService | SkippedItem): value is SkippedItem => 'reason' in value;
