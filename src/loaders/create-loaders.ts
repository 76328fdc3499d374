import DataLoader from 'dataloader';
import { DataSource, In, IsNull } from 'typeorm';
import { RegistrationStatus } from '../domain/enums';
import { CatalogRecordEntity } from '../model/catalog-record.entity';
import { HoldingEntity } from '../model/holding.entity';
import { LocationEntity } from '../model/location.entity';
import { RegistrationEntity } from '../model/registration.entity';
import { ServiceLocationEntity } from '../model/service-location.entity';
import { ServiceEntity } from '../model/service.entity';
import { SourceEntity } from '../model/source.entity';
import { byKey, groupByKey } from './by-key';
import { withSpan } from '../observability/tracing';
import { SqlReader, sqlReaderOf } from '../db/sql-reader';
import { eventsByIds } from '../features/events/events.read';
import { locationsByIds, partnersByIds } from '../features/partners/partners.read';

/**
 * Per-request batching: every `load` in one tick becomes one `IN (...)` query. A fresh set for each
 * request and each subscription event, so no cache outlives the request that filled it; and each
 * loader is made on first use, so a set nobody reads (an idle subscription's) costs one small object.
 */
export function createLoaders(ctx: { db: DataSource }): Loaders {
  return new LazyLoaders(ctx.db) as unknown as Loaders;
}

// One span per batch when tracing is on (withSpan calls the batch directly when it is off).
const traced = <K, V>(name: string, batch: (keys: readonly K[]) => Promise<V[]>) =>
  (keys: readonly K[]) => withSpan(`dataloader ${name}`, { 'dataloader.name': name, 'dataloader.batch_size': keys.length }, () => batch(keys));
const batchById = <E extends { id: string }>(db: DataSource, entity: new () => E) =>
  new DataLoader<string, E | null>(traced(`${entity.name}ById`, async (ids) => {
    const rows = await db.getRepository(entity).findBy({ id: In([...ids]) } as never);
    return byKey(ids, rows, (row) => row.id);
  }));
// The read path's three most asked-for rows go through SqlReader (events.read.ts, partners.read.ts).
const readById = <E extends { id: string }>(db: DataSource, name: string, read: (reader: SqlReader, ids: readonly string[]) => Promise<E[]>) => {
  const reader = sqlReaderOf(db);
  return new DataLoader<string, E | null>(traced(name, async (ids) => byKey(ids, await read(reader, ids), (row) => row.id)));
};

/** How each loader is made; LazyLoaders calls one the first time its loader is asked for. */
const makers = {
  partnerById: (db: DataSource) => readById(db, 'PartnerEntityById', partnersByIds),
  locationById: (db: DataSource) => readById(db, 'LocationEntityById', locationsByIds),
  eventById: (db: DataSource) => readById(db, 'EventEntityById', eventsByIds),
  locationsByPartner: (db: DataSource) => new DataLoader<string, LocationEntity[]>(traced('locationsByPartner', async (partnerIds) => {
    const rows = await db.getRepository(LocationEntity).find({
      where: { partnerId: In([...partnerIds]) },
      order: { name: 'ASC', id: 'ASC' },
    });
    return groupByKey(partnerIds, rows, (row) => row.partnerId);
  })),
  serviceById: (db: DataSource) => batchById(db, ServiceEntity),
  /** A service's locations in the publisher's order: two queries (links, then locations) for a whole page. */
  locationsByService: (db: DataSource) => new DataLoader<string, LocationEntity[]>(traced('locationsByService', async (serviceIds) => {
    const links = await db.getRepository(ServiceLocationEntity).find({
      where: { serviceId: In([...serviceIds]) },
      order: { serviceId: 'ASC', position: 'ASC' },
    });
    const locations = links.length
      ? await db.getRepository(LocationEntity).findBy({ id: In([...new Set(links.map((l) => l.locationId))]) })
      : [];
    const byId = new Map(locations.map((l) => [l.id, l]));
    const pairs = links.flatMap((l) => (byId.has(l.locationId) ? [{ serviceId: l.serviceId, location: byId.get(l.locationId)! }] : []));
    return groupByKey(serviceIds, pairs, (p) => p.serviceId).map((group) => group.map((p) => p.location));
  })),
  /** Staff views: every registration of the event, confirmed first, then the waitlist in order. */
  registrationsByEvent: (db: DataSource) => new DataLoader<string, RegistrationEntity[]>(traced('registrationsByEvent', async (eventIds) => {
    const rows = await db.getRepository(RegistrationEntity).find({
      where: { eventId: In([...eventIds]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return groupByKey(eventIds, rows, (row) => row.eventId);
  })),
  /** Place in the waitlist counted among those still waiting (1 = next in line). */
  waitlistRankById: (db: DataSource) => new DataLoader<string, number | null>(traced('waitlistRankById', async (ids) => {
    const rows: { id: string; rank: string | number }[] = await db.query(
      `SELECT r."id" AS "id", (SELECT COUNT(*) FROM "registration" w WHERE w."eventId" = r."eventId"
         AND w."status" = '${RegistrationStatus.WAITLISTED}' AND w."waitlistPosition" <= r."waitlistPosition") AS "rank"
       FROM "registration" r WHERE r."id" IN (${ids.map((_, i) => (db.options.type === 'postgres' ? `$${i + 1}` : '?')).join(', ')})`,
      [...ids],
    );
    return byKey(ids, rows, (row) => row.id).map((row) => (row ? Number(row.rank) : null));
  })),
  sourceById: (db: DataSource) => batchById(db, SourceEntity),
  sourcesByPartner: (db: DataSource) => new DataLoader<string, SourceEntity[]>(traced('sourcesByPartner', async (partnerIds) => {
    const rows = await db.getRepository(SourceEntity).find({ where: { partnerId: In([...partnerIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
    return groupByKey(partnerIds, rows, (row) => row.partnerId);
  })),
  /** Live records only: a record its library deleted is gone for node(id), record(id) and links alike. */
  catalogRecordById: (db: DataSource) => new DataLoader<string, CatalogRecordEntity | null>(traced('catalogRecordById', async (ids) => {
    const rows = await db.getRepository(CatalogRecordEntity).findBy({ id: In([...ids]), removedAt: IsNull() });
    return byKey(ids, rows, (row) => row.id);
  })),
  holdingsByRecord: (db: DataSource) => new DataLoader<string, HoldingEntity[]>(traced('holdingsByRecord', async (recordIds) => {
    const rows = await db.getRepository(HoldingEntity).find({ where: { recordId: In([...recordIds]) }, order: { position: 'ASC' } });
    return groupByKey(recordIds, rows, (row) => row.recordId);
  })),
};

type LoaderName = keyof typeof makers;
export type Loaders = { readonly [K in LoaderName]: ReturnType<(typeof makers)[K]> };

/**
 * A set of loaders whose members are made when first read (a getter per name on the prototype), then
 * kept for the set's life. Its identity is the request's (services key per-request caches on it).
 */
class LazyLoaders {
  private readonly made: Partial<Record<LoaderName, unknown>> = {};
  constructor(private readonly db: DataSource) {}
}
for (const name of Object.keys(makers) as LoaderName[]) {
  Object.defineProperty(LazyLoaders.prototype, name, {
    enumerable: true,
    get(this: { made: Partial<Record<LoaderName, unknown>>; db: DataSource }) {
      return (this.made[name] ??= makers[name](this.db));
    },
  });
}
