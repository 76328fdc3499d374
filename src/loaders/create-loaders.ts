import DataLoader from 'dataloader';
import { DataSource, In, IsNull } from 'typeorm';
import { CatalogRecordEntity, EventEntity, HoldingEntity, LocationEntity, PartnerEntity } from '../entities';
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
    /** Live records only: a record its library deleted is gone for node(id), record(id) and links alike. */
    catalogRecordById: new DataLoader<string, CatalogRecordEntity | null>(async (ids) => {
      const rows = await db.getRepository(CatalogRecordEntity).findBy({ id: In([...ids]), removedAt: IsNull() });
      return byKey(ids, rows, (row) => row.id);
    }),
    holdingsByRecord: new DataLoader<string, HoldingEntity[]>(async (recordIds) => {
      const rows = await db.getRepository(HoldingEntity).find({ where: { recordId: In([...recordIds]) }, order: { position: 'ASC' } });
      return groupByKey(recordIds, rows, (row) => row.recordId);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
