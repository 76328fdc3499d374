import { createHash } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { NormalizedEvent } from '../../datasources/adapter';
import { NormalizedService, SERVICES_KIND, ServiceLocation } from '../../datasources/shared/service-item';
import { stableId } from '../../domain/ids';
import { LocationEntity } from '../../model/location.entity';
import { ServiceLocationEntity } from '../../model/service-location.entity';
import { ServiceEntity } from '../../model/service.entity';
import { SinkCounts, SinkRun, SyncSink } from '../../datasources/shared/sink';

export interface ServicesSinkOptions {
  /**
   * Where dated sessions (one-off HSDS schedules, HSDS `events`) go: the events sink. They are handed
   * over after the services transaction commits, under the same run, so they become the source's
   * Events (diffed, removed and published like any feed's events). Absent: sessions are dropped.
   */
  sessions?: SyncSink<NormalizedEvent>;
}

const CHUNK = 100;

/** Every column an update rewrites (createdAt and id stay). */
const UPDATABLE = ['partnerId', 'name', 'alternateName', 'description', 'url', 'email', 'status', 'organizationName',
  'eligibilityDescription', 'minimumAge', 'maximumAge', 'applicationProcess', 'fees', 'costOptions', 'languages',
  'categories', 'categoryCodes', 'phones', 'contacts', 'hours', 'timezone', 'lastModified', 'sourceId', 'externalId',
  'contentHash', 'fetchedAt', 'removedAt', 'updatedAt'];

/** The hash covers everything stored for the service (sessions are the events sink's business). */
export function serviceContentHash(item: NormalizedService, timezone: string): string {
  const { sessions: _sessions, ...stored } = item;
  return createHash('sha256').update(JSON.stringify([stored, timezone])).digest('hex');
}

async function* iterate<T>(items: T[] | AsyncIterable<T>): AsyncIterable<T> {
  yield* items as AsyncIterable<T>;
}

/**
 * Stores a pull of services (`kind: 'services'`) in one transaction: content-hash diff (an unchanged
 * service costs no write), locations matched to the partner's own Location rows (by publisher id,
 * then by name) or created, and — for a full pull — services missing from it marked removed. An
 * incremental pull (HSDA modified_after) removes only what the source says was deleted.
 */
export class ServicesSink implements SyncSink<NormalizedService> {
  readonly kind = SERVICES_KIND;

  constructor(private readonly options: ServicesSinkOptions = {}) {}

  async apply(run: SinkRun, items: NormalizedService[] | AsyncIterable<NormalizedService>): Promise<SinkCounts> {
    const byExternalId = new Map<string, NormalizedService>();
    for await (const item of iterate(items)) byExternalId.set(item.externalId, item); // a later duplicate wins
    const services = [...byExternalId.values()];
    const counts = await run.db.transaction((manager) => this.store(manager, run, services));
    if (this.options.sessions) {
      const sessionCounts = await this.options.sessions.apply(
        { ...run, deletedExternalIds: [] }, services.flatMap((s) => s.sessions),
      );
      for (const key of ['created', 'updated', 'removed', 'unchanged'] as const) counts[key] += sessionCounts[key];
      // The limits per source bite on sessions (they are events); the services themselves all count.
      if (sessionCounts.limitSkips) counts.limitSkips = sessionCounts.limitSkips;
    }
    return counts;
  }

  private async store(manager: EntityManager, run: SinkRun, items: NormalizedService[]): Promise<SinkCounts> {
    const { source, now } = run;
    const counts: SinkCounts = { created: 0, updated: 0, removed: 0, unchanged: 0 };
    const existing = await manager.getRepository(ServiceEntity).find({
      where: { sourceId: source.id },
      select: { id: true, externalId: true, contentHash: true, removedAt: true, createdAt: true },
    });
    const known = new Map(existing.map((row) => [row.externalId, row]));
    const changed: { item: NormalizedService; row: ServiceEntity }[] = [];
    for (const item of items) {
      const hash = serviceContentHash(item, source.partnerTimezone);
      const before = known.get(item.externalId);
      if (before && before.contentHash === hash && before.removedAt === null) {
        counts.unchanged++;
        continue;
      }
      if (before) counts.updated++;
      else counts.created++;
      changed.push({ item, row: this.toRow(item, run, hash, before?.createdAt ?? now) });
    }
    const locationIds = await this.upsertLocations(manager, run, changed.flatMap((c) => c.item.locations));
    for (let i = 0; i < changed.length; i += CHUNK) {
      const chunk = changed.slice(i, i + CHUNK);
      // Links are computed first: TypeORM's upsert writes back "generated" values into the entity
      // objects, and on SQLite it can hand one row's id to another.
      const serviceIds = chunk.map((c) => c.row.id);
      const links = chunk.flatMap((c) => [...new Set(c.item.locations.map((l) => locationIds.get(l.externalId)!))]
        .map((locationId, position) => ({ serviceId: c.row.id, locationId, position })));
      await manager.createQueryBuilder().insert().into(ServiceEntity).values(chunk.map((c) => c.row))
        .orUpdate(UPDATABLE, ['id']).updateEntity(false).execute();
      await manager.delete(ServiceLocationEntity, { serviceId: In(serviceIds) });
      if (links.length) await manager.insert(ServiceLocationEntity, links);
    }
    const present = new Set(items.map((i) => i.externalId));
    const deleted = new Set(run.deletedExternalIds);
    const gone = existing.filter((row) => row.removedAt === null
      && (deleted.has(row.externalId) || (!run.incremental && !present.has(row.externalId))));
    for (let i = 0; i < gone.length; i += CHUNK) {
      await manager.update(ServiceEntity, { id: In(gone.slice(i, i + CHUNK).map((r) => r.id)) }, { removedAt: now, updatedAt: now });
    }
    counts.removed = gone.length;
    return counts;
  }

  private toRow(item: NormalizedService, run: SinkRun, contentHash: string, createdAt: Date): ServiceEntity {
    const { source, now } = run;
    return Object.assign(new ServiceEntity(), {
      id: stableId(source.partnerId, source.id, item.externalId),
      partnerId: source.partnerId,
      name: item.name.slice(0, 500), alternateName: item.alternateName?.slice(0, 500) ?? null,
      description: item.description, url: item.url?.slice(0, 1000) ?? null, email: item.email?.slice(0, 320) ?? null,
      status: item.status, organizationName: item.organizationName?.slice(0, 500) ?? null,
      eligibilityDescription: item.eligibilityDescription, minimumAge: item.minimumAge, maximumAge: item.maximumAge,
      applicationProcess: item.applicationProcess, fees: item.fees, costOptions: item.costOptions,
      languages: item.languages, categories: item.categories, categoryCodes: item.categoryCodes,
      phones: item.phones, contacts: item.contacts, hours: item.hours,
      timezone: source.partnerTimezone, lastModified: item.lastModified?.slice(0, 64) ?? null,
      sourceId: source.id, externalId: item.externalId, contentHash,
      fetchedAt: now, removedAt: null, createdAt, updatedAt: now,
    });
  }

  /**
   * The partner's Location for each publisher location: matched by code (the publisher's id), then
   * by name (a branch the partner already has), else created. Returns publisher id → Location id.
   */
  private async upsertLocations(manager: EntityManager, run: SinkRun, places: ServiceLocation[]): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    if (places.length === 0) return ids;
    const partnerId = run.source.partnerId;
    const rows = await manager.getRepository(LocationEntity).findBy({ partnerId });
    const byCode = new Map(rows.filter((r) => r.code).map((r) => [r.code!, r]));
    const byName = new Map(rows.map((r) => [r.name.toLowerCase(), r]));
    for (const place of new Map(places.map((p) => [p.externalId, p])).values()) {
      const code = place.externalId.length <= 64 ? place.externalId : stableId(place.externalId);
      const found = byCode.get(code) ?? byName.get(place.name.toLowerCase());
      const next = {
        name: place.name.slice(0, 200), address: place.address?.slice(0, 500) ?? null,
        lat: place.lat, lon: place.lon, accessibility: place.accessibility,
      };
      if (found) {
        const patch = Object.fromEntries(Object.entries(next).filter(([k, v]) => v !== null && (found as never)[k] !== v));
        if (Object.keys(patch).length) await manager.update(LocationEntity, { id: found.id }, patch);
        ids.set(place.externalId, found.id);
      } else {
        const id = stableId('service-location', partnerId, place.externalId);
        await manager.insert(LocationEntity, { id, partnerId, code, ...next });
        byCode.set(code, { id } as LocationEntity);
        ids.set(place.externalId, id);
      }
    }
    return ids;
  }
}
