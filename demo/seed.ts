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
import { AttendanceMode, EventStatus, RegistrationMode, RegistrationStatus } from '../src/domain/enums';
import { stableId } from '../src/domain/ids';
import { hashSecret } from '../src/features/partners/api-key.service';
import { demoOccurrences, DemoOccurrence } from './occurrences';
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

function toEvent(manager: EntityManager, o: DemoOccurrence, now: Date): EventEntity {
  const p = o.program;
  const native = p.capacity != null && !p.externalRegistration;
  const confirmed = native ? Math.min(p.taken ?? 0, p.capacity!) : 0;
  return manager.create(EventEntity, {
    id: stableId('demo-event', p.key, o.date),
    partnerId: partnerId(p.partner),
    seriesId: p.schedule.kind === 'once' ? null : stableId('demo-series', p.key),
    title: p.title,
    description: p.description,
    startsAt: o.startsAt, endsAt: o.endsAt, timezone: TOWN_TIMEZONE,
    allDay: o.allDay, startDate: o.startDate, endDate: o.endDate,
    status: EventStatus.SCHEDULED, attendanceMode: AttendanceMode.OFFLINE,
    audiences: p.audiences, rawAudiences: p.rawAudiences, categories: p.categories,
    url: `${PARTNERS.find((x) => x.slug === p.partner)!.website}/events/${p.key}`,
    imageUrl: null,
    locationId: locationId(p.partner, p.location),
    registrationMode: native ? RegistrationMode.NATIVE : p.externalRegistration ? RegistrationMode.EXTERNAL : RegistrationMode.NONE,
    registrationUrl: p.externalRegistration ?? null,
    capacity: p.capacity ?? null,
    waitlistCapacity: p.waitlist ?? 0,
    maxPartySize: p.maxPartySize ?? 1,
    confirmedCount: confirmed,
    waitlistedCount: native ? Math.min(Math.max(0, (p.taken ?? 0) - confirmed), p.waitlist ?? 0) : 0,
    registrationOpensAt: null,
    registrationClosesAt: native ? o.startsAt : null,
    sourceId: null, externalId: null, contentHash: null, fetchedAt: null, removedAt: null, sequence: 0,
    createdAt: now, updatedAt: now,
  });
}

function registrationsFor(manager: EntityManager, event: EventEntity, now: Date): RegistrationEntity[] {
  const rows: RegistrationEntity[] = [];
  const add = (status: RegistrationStatus, position: number | null) => {
    const n = rows.length + 1;
    rows.push(manager.create(RegistrationEntity, {
      id: stableId('demo-registration', event.id, String(n)),
      eventId: event.id, name: `Demo Guest ${n}`, email: `guest${n}@example.org`, partySize: 1,
      status, waitlistPosition: position, cancelTokenHash: hashSecret(randomBytes(16).toString('hex')),
      attended: false, createdAt: now, updatedAt: now,
    }));
  };
  for (let i = 0; i < event.confirmedCount; i++) add(RegistrationStatus.CONFIRMED, null);
  for (let i = 0; i < event.waitlistedCount; i++) add(RegistrationStatus.WAITLISTED, i + 1);
  return rows;
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
    const events = demoOccurrences(PROGRAMS, now).map((o) => toEvent(manager, o, now));
    const registrations = events.flatMap((e) => registrationsFor(manager, e, now));
    await manager.insert(PartnerEntity, partners);
    await manager.insert(LocationEntity, locations);
    for (let i = 0; i < events.length; i += 100) await manager.insert(EventEntity, events.slice(i, i + 100));
    for (let i = 0; i < registrations.length; i += 200) await manager.insert(RegistrationEntity, registrations.slice(i, i + 200));
    return { partners: partners.length, locations: locations.length, events: events.length, registrations: registrations.length };
  });
}
