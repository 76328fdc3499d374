import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { EventEntity, LocationEntity, PartnerEntity, ServiceEntity, ServiceLocationEntity } from '../entities';
import { byKey, groupByKey } from './by-key';

/**
 * Per-request batching: every `load` in one tick becomes one `IN (...)` query. Created anew for
 * each request and each subscription event, so no cache outlives the request that filled it.
 */
export function createLoaders(ctx: { db: DataSource }) {
  const { db } = ctx;
  const batchById = <E extends { id: string }>(entity: new () => E) =>
    new DataLoader<string, E | null>(async (ids) => {
      const rows = await db.getRepository(entity).findBy({ id: In([...ids]) } as never);
      return byKey(ids, rows, (row) => row.id);
    });

  return {
    partnerById: batchById(PartnerEntity),
    locationById: batchById(LocationEntity),
    eventById: batchById(EventEntity),
    locationsByPartner: new DataLoader<string, LocationEntity[]>(async (partnerIds) => {
      const rows = await db.getRepository(LocationEntity).find({
        where: { partnerId: In([...partnerIds]) },
        order: { name: 'ASC', id: 'ASC' },
      });
      return groupByKey(partnerIds, rows, (row) => row.partnerId);
    }),
    serviceById: batchById(ServiceEntity),
    /** A service's locations in the publisher's order: two queries (links, then locations) for a whole page. */
    locationsByService: new DataLoader<string, LocationEntity[]>(async (serviceIds) => {
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
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
