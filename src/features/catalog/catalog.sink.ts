import { createHash } from 'node:crypto';
import { EntityManager, In, IsNull } from 'typeorm';
import { CatalogSinkItem, NormalizedCatalogRecord } from '../../datasources/shared/catalog-item';
import { stableId } from '../../domain/ids';
import { CatalogKeyEntity } from '../../model/catalog-key.entity';
import { CatalogRecordEntity } from '../../model/catalog-record.entity';
import { HoldingEntity } from '../../model/holding.entity';
import { LocationEntity } from '../../model/location.entity';
import { CATALOG_KIND } from '../../datasources/adapter';
import { SinkCounts, SinkRun, SyncSink } from '../../datasources/shared/sink';
import { deleteSearchRows, insertSearchRows } from './catalog-fts';
import { matchKeys, searchDocument } from './catalog-text';


/** Records per transaction: big enough to amortize commits, small enough to keep memory flat. */
export const CATALOG_BATCH = 500;

export const catalogRecordId = (sourceId: string, externalId: string) => stableId('catalog', sourceId, externalId);

type LocationsByCode = Map<string, string>;

function hashOf(record: NormalizedCatalogRecord, locations: LocationsByCode): string {
  const placed = record.holdings.map((h) => locations.get((h.branchCode ?? '').toLowerCase()) ?? null);
  return createHash('sha256').update(JSON.stringify([record, placed])).digest('hex');
}

/**
 * Stores MARC-derived records (kind 'catalog'): batches of CATALOG_BATCH in one transaction each,
 * content-hash diff so an unchanged file writes nothing, deletions (leader/05 = d) and records gone
 * from a full file suppressed (removedAt) with their holdings, keys and index rows removed.
 */
export class CatalogSink implements SyncSink<CatalogSinkItem> {
  readonly kind = CATALOG_KIND;

  async apply(run: SinkRun, items: CatalogSinkItem[] | AsyncIterable<CatalogSinkItem>): Promise<SinkCounts> {
    const counts: SinkCounts = { created: 0, updated: 0, removed: 0, unchanged: 0 };
    const locations: LocationsByCode = new Map((await run.db.getRepository(LocationEntity).findBy({ partnerId: run.source.partnerId }))
      .filter((l) => l.code).map((l) => [l.code!.toLowerCase(), l.id]));
    const seen = new Set<string>();
    let batch: NormalizedCatalogRecord[] = [];
    let unreadable = 0;
    for await (const item of items) {
      if ('skipped' in item) {
        unreadable += 1;
        continue;
      }
      batch.push(item);
      if (batch.length >= CATALOG_BATCH) {
        await this.applyBatch(run, batch, locations, counts, seen);
        batch = [];
      }
    }
    if (batch.length) await this.applyBatch(run, batch, locations, counts, seen);
    const deletions = run.deletedExternalIds.map((externalId) => catalogRecordId(run.source.id, externalId));
    // A full file whose records we could not all read (or that held none) proves nothing about
    // absence: only explicit deletions apply, so a damaged export never wipes the catalog.
    const trustAbsence = !run.incremental && unreadable === 0 && seen.size > 0;
    const gone = trustAbsence ? await this.absentFrom(run, seen) : deletions;
    await this.suppress(run, trustAbsence ? gone.concat(deletions) : gone, counts);
    return counts;
  }

  private async applyBatch(run: SinkRun, batch: NormalizedCatalogRecord[], locations: LocationsByCode, counts: SinkCounts, seen: Set<string>) {
    // The last occurrence of an id in a file wins (exports sometimes repeat a record).
    const byId = new Map(batch.map((r) => [catalogRecordId(run.source.id, r.externalId), r]));
    const existing = new Map((await run.db.getRepository(CatalogRecordEntity).find({
      select: { id: true, contentHash: true, removedAt: true, createdAt: true }, where: { id: In([...byId.keys()]) },
    })).map((row) => [row.id, row]));
    const toDelete: string[] = [];
    const writes: { id: string; record: NormalizedCatalogRecord; hash: string; createdAt: Date | null }[] = [];
    for (const [id, record] of byId) {
      const old = existing.get(id);
      if (record.deleted) {
        if (old && !old.removedAt) toDelete.push(id);
        continue;
      }
      seen.add(id);
      const hash = hashOf(record, locations);
      if (old && old.contentHash === hash && !old.removedAt) counts.unchanged += 1;
      else writes.push({ id, record, hash, createdAt: old?.createdAt ?? null });
    }
    if (!writes.length && !toDelete.length) return;
    await run.db.transaction(async (manager) => {
      const changedIds = writes.map((w) => w.id);
      await this.clearDerived(manager, [...changedIds, ...toDelete]);
      const rows = writes.map((w) => this.toRow(manager, run, w.id, w.record, w.hash, w.createdAt));
      const fresh = rows.filter((_, i) => !writes[i].createdAt);
      const stale = rows.filter((_, i) => writes[i].createdAt);
      // updateEntity(false): no read-back of defaults, which TypeORM would otherwise do per row.
      const insert = async <T>(entity: new () => T, rows: T[], chunk: number) => {
        for (let i = 0; i < rows.length; i += chunk) {
          await manager.createQueryBuilder().insert().into(entity).values(rows.slice(i, i + chunk) as never).updateEntity(false).execute();
        }
      };
      await insert(CatalogRecordEntity, fresh, 100);
      for (const row of stale) await manager.save(CatalogRecordEntity, row);
      const holdings = writes.flatMap((w) => w.record.holdings.map((h, position) => manager.create(HoldingEntity, {
        ...h, id: stableId(w.id, String(position)), recordId: w.id, partnerId: run.source.partnerId,
        locationId: locations.get((h.branchCode ?? '').toLowerCase()) ?? null, position,
        callNumber: h.callNumber?.slice(0, 200) ?? null, rawStatus: h.rawStatus?.slice(0, 200) ?? null,
        libraryName: h.libraryName?.slice(0, 200) ?? null, branchName: h.branchName?.slice(0, 200) ?? null,
      })));
      await insert(HoldingEntity, holdings, 500);
      const keys = writes.flatMap((w) => matchKeys(w.record).map((k) => ({ ...k, recordId: w.id, partnerId: run.source.partnerId })));
      await insert(CatalogKeyEntity, keys as CatalogKeyEntity[], 1000);
      await insertSearchRows(manager, writes.map((w) => ({ recordId: w.id, doc: searchDocument(w.record) })));
      if (toDelete.length) await manager.update(CatalogRecordEntity, { id: In(toDelete) }, { removedAt: run.now, updatedAt: run.now });
    });
    counts.created += writes.filter((w) => !w.createdAt).length;
    counts.updated += writes.filter((w) => w.createdAt).length;
    counts.removed += toDelete.length;
  }

  private toRow(manager: EntityManager, run: SinkRun, id: string, r: NormalizedCatalogRecord, hash: string, createdAt: Date | null): CatalogRecordEntity {
    const cut = (value: string | null, max: number) => (value == null ? null : value.slice(0, max));
    return manager.create(CatalogRecordEntity, {
      id, partnerId: run.source.partnerId, sourceId: run.source.id, externalId: r.externalId.slice(0, 200),
      controlNumber: r.controlNumber.slice(0, 200), controlNumberSource: cut(r.controlNumberSource, 64),
      title: r.title.slice(0, 1000), alternateTitles: r.alternateTitles, subtitle: cut(r.subtitle, 1000), statementOfResponsibility: cut(r.statementOfResponsibility, 1000),
      authors: r.authors, isbns: r.isbns, issns: r.issns, oclcNumbers: r.oclcNumbers, edition: cut(r.edition, 500),
      publisher: cut(r.publisher, 500), year: r.year, extent: cut(r.extent, 500), format: r.format, language: cut(r.language, 8),
      series: r.series, summary: r.summary, subjects: r.subjects, links: r.links, contentHash: hash,
      fetchedAt: run.now, removedAt: null, createdAt: createdAt ?? run.now, updatedAt: run.now,
    });
  }

  private async clearDerived(manager: EntityManager, ids: string[]) {
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      await manager.delete(HoldingEntity, { recordId: In(chunk) });
      await manager.delete(CatalogKeyEntity, { recordId: In(chunk) });
    }
    await deleteSearchRows(manager, ids);
  }

  /** Live records of this source that a full pull no longer contains. */
  private async absentFrom(run: SinkRun, seen: Set<string>): Promise<string[]> {
    const rows = await run.db.getRepository(CatalogRecordEntity).find({ select: { id: true }, where: { sourceId: run.source.id, removedAt: IsNull() } });
    return rows.map((row) => row.id).filter((id) => !seen.has(id));
  }

  private async suppress(run: SinkRun, ids: string[], counts: SinkCounts) {
    for (let i = 0; i < ids.length; i += CATALOG_BATCH) {
      const chunk = (await run.db.getRepository(CatalogRecordEntity).find({
        select: { id: true }, where: { id: In(ids.slice(i, i + CATALOG_BATCH)), removedAt: IsNull() },
      })).map((r) => r.id);
      if (!chunk.length) continue;
      counts.removed += chunk.length;
      await run.db.transaction(async (manager) => {
        await this.clearDerived(manager, chunk);
        await manager.update(CatalogRecordEntity, { id: In(chunk) }, { removedAt: run.now, updatedAt: run.now });
      });
    }
  }
}
