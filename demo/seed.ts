import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { CatalogRecordEntity } from '../src/model/catalog-record.entity';
import { EventEntity } from '../src/model/event.entity';
import { LocationEntity } from '../src/model/location.entity';
import { PartnerEntity } from '../src/model/partner.entity';
import { RegistrationEntity } from '../src/model/registration.entity';
import { ServiceEntity } from '../src/model/service.entity';
import { SourceEntity } from '../src/model/source.entity';
import { DEMO_DIR, loadSyncConfig } from '../src/config';
import { SourceFormat } from '../src/datasources/adapter';
import { createUrlPolicy } from '../src/datasources/shared/url-policy';
import { createMemoryPubSub } from '../src/pubsub/pubsub';
import { createSyncService } from '../src/compose';
import { DataChanges } from '../src/pubsub/data-changes';
import { AttendanceMode, EventStatus, RegistrationMode } from '../src/domain/enums';
import { stableId } from '../src/domain/ids';
import { hashSecret } from '../src/features/partners/api-key.service';
import { demoOccurrences, DemoOccurrence } from './occurrences';
import { demoRegistrations } from './occurrence-registrations';
import { DEMO_SOURCES, writeDemoFile } from './sources';
import { PARTNERS, PROGRAMS, TOWN_TIMEZONE } from './town';

export interface SeedReport {
  partners: number;
  locations: number;
  events: number;
  registrations: number;
  /** Nonprofit service listings. */
  services?: number;
  catalogRecords?: number;
}

const partnerId = (slug: string) => stableId('demo-partner', slug);
const locationId = (slug: string, key: string) => stableId('demo-location', slug, key);

interface DemoEventRows {
  event: EventEntity;
  registrations: RegistrationEntity[];
}

/** One occurrence as its event row and registration rows, the event's counters summed from those rows. */
function toRows(manager: EntityManager, o: DemoOccurrence, now: Date): DemoEventRows {
  const p = o.program;
  const native = p.capacity != null && !p.externalRegistration;
  const id = stableId('demo-event', p.key, o.date);
  const registered = demoRegistrations(o, now);
  const cancelled = p.cancelled?.find((c) => c.week === o.week);
  const event = manager.create(EventEntity, {
    id,
    partnerId: partnerId(p.partner),
    seriesId: p.schedule.kind === 'once' ? null : stableId('demo-series', p.key),
    title: p.title,
    description: cancelled ? `${cancelled.notice} ${p.description}` : p.description,
    startsAt: o.startsAt, endsAt: o.endsAt, timezone: TOWN_TIMEZONE,
    allDay: o.allDay, startDate: o.startDate, endDate: o.endDate,
    // Registrations stay on a cancelled date, as cancelEvent keeps them, so staff can reach the people.
    status: cancelled ? EventStatus.CANCELLED : EventStatus.SCHEDULED, attendanceMode: AttendanceMode.OFFLINE,
    audiences: p.audiences, rawAudiences: p.rawAudiences, categories: p.categories,
    url: `${PARTNERS.find((x) => x.slug === p.partner)!.website}/events/${p.key}`,
    imageUrl: null,
    locationId: locationId(p.partner, p.location),
    registrationMode: native ? RegistrationMode.NATIVE : p.externalRegistration ? RegistrationMode.EXTERNAL : RegistrationMode.NONE,
    registrationUrl: p.externalRegistration ?? null,
    capacity: p.capacity ?? null,
    waitlistCapacity: p.waitlist ?? 0,
    maxPartySize: p.maxPartySize ?? 1,
    confirmedCount: registered.confirmedCount,
    waitlistedCount: registered.waitlistedCount,
    attendedCount: registered.attendedCount,
    registrationOpensAt: null,
    registrationClosesAt: native ? o.startsAt : null,
    sourceId: null, externalId: null, contentHash: null, fetchedAt: null, removedAt: null, sequence: cancelled ? 1 : 0,
    createdAt: now, updatedAt: now,
  });
  const registrations = registered.parties.map((party, i) => manager.create(RegistrationEntity, {
    id: stableId('demo-registration', id, String(i + 1)),
    eventId: id, name: party.name, email: party.email, partySize: party.partySize,
    status: party.status, waitlistPosition: party.waitlistPosition,
    // Random on purpose: a token derivable from the demo's seed would let anyone cancel these registrations.
    cancelTokenHash: hashSecret(randomBytes(16).toString('hex')),
    attended: party.attended, createdAt: party.createdAt, updatedAt: party.createdAt,
  }));
  return { event, registrations };
}

export async function isEmpty(db: DataSource): Promise<boolean> {
  return (await db.getRepository(PartnerEntity).count()) === 0;
}

/**
 * Loads Millbrook: partners, locations and native events in one transaction (dates relative to `now`),
 * then registers every partner feed (DEMO_SOURCES: iCalendar, JSON-LD, HSDS, MARC) as a Source with a
 * file: URL under demo/ and pulls each through the real sync engine, as the scheduler will keep doing.
 */
export async function seedDemo(db: DataSource, now = new Date()): Promise<SeedReport> {
  const native = await seedNative(db, now);
  const sources = DEMO_SOURCES.map((demo) => db.getRepository(SourceEntity).create({
    id: stableId('demo-source', ...demo.idParts), partnerId: partnerId(demo.partner), format: demo.format,
    url: pathToFileURL(writeDemoFile(demo, now)).href, refreshMinutes: demo.refreshMinutes, expandFrom: null, expandTo: null, options: '{}',
    title: null, etag: null, lastModified: null, lastAttemptAt: null, lastSuccessAt: null, lastError: null, lastExpandedAt: null, consecutiveFailures: 0, itemCount: 0,
    nextSyncAt: null, createdAt: now,
  }));
  await db.getRepository(SourceEntity).insert(sources);
  const pubsub = createMemoryPubSub();
  const engine = createSyncService(db, {
    sync: loadSyncConfig({}), // the documented defaults: 30 days back, 400 ahead
    // The demo reads only its own files, under the same fetch rules as any partner's source.
    urlPolicy: createUrlPolicy({ allowHosts: [], fileRoots: [DEMO_DIR], maxRedirects: 0 }),
    pubsub,
    // Seeding runs before anything serves: no cache to tell, so a private pub/sub hears it.
    dataChanges: new DataChanges(pubsub),
  });
  for (const source of sources) {
    const result = await engine.run(source.id, now);
    if (result.status !== 'OK') throw new Error(`The demo feed ${source.url} did not load cleanly (${result.status}): ${result.error ?? JSON.stringify(result.skippedItems)}`);
  }
  return {
    ...native,
    events: await db.getRepository(EventEntity).countBy({ removedAt: IsNull() }),
    services: await db.getRepository(ServiceEntity).countBy({ removedAt: IsNull() }),
    catalogRecords: await db.getRepository(CatalogRecordEntity).countBy({ removedAt: IsNull() }),
  };
}

async function seedNative(db: DataSource, now: Date): Promise<SeedReport> {
  return db.transaction(async (manager) => {
    const partners = PARTNERS.map((p) => manager.create(PartnerEntity, {
      id: partnerId(p.slug), slug: p.slug, name: p.name, kind: p.kind, website: p.website, timezone: TOWN_TIMEZONE, createdAt: now,
    }));
    const locations = PARTNERS.flatMap((p) => p.locations.map((l) => manager.create(LocationEntity, {
      id: locationId(p.slug, l.key), partnerId: partnerId(p.slug), code: l.code ?? null, name: l.name, address: l.address,
      lat: l.lat, lon: l.lon, accessibility: l.accessibility ?? null,
    })));
    const rows = demoOccurrences(PROGRAMS, now).map((o) => toRows(manager, o, now));
    const events = rows.map((r) => r.event);
    const registrations = rows.flatMap((r) => r.registrations);
    await manager.insert(PartnerEntity, partners);
    await manager.insert(LocationEntity, locations);
    for (let i = 0; i < events.length; i += 100) await manager.insert(EventEntity, events.slice(i, i + 100));
    for (let i = 0; i < registrations.length; i += 200) await manager.insert(RegistrationEntity, registrations.slice(i, i + 200));
    return { partners: partners.length, locations: locations.length, events: events.length, registrations: registrations.length };
  });
}
