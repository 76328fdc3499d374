import DataLoader from 'dataloader';
import { Brackets, DataSource } from 'typeorm';
import type { Context } from '../../context';
import { PartnerKind } from '../../domain/enums';
import { CatalogKeyEntity, CatalogKeyKind } from '../../model/catalog-key.entity';
import { CatalogRecordEntity } from '../../model/catalog-record.entity';
import { EventEntity } from '../../model/event.entity';
import { EventKeys, eventKeys, relationScore } from './related';

/** How many upcoming events relatedEvents considers (a town's calendar; the rule runs in memory). */
export const RELATED_EVENT_WINDOW = 2000;

interface PerRequest {
  cluster: DataLoader<string, string[]>;
  recordsForEvent: DataLoader<EventEntity, CatalogRecordEntity[], string>;
  eventsForRecord: DataLoader<CatalogRecordEntity, EventEntity[], string>;
}

/**
 * Links across the graph: the same work at other libraries (ISBN / OCLC clusters) and the
 * record ↔ event rule of ./related.ts. Each is one batched lookup per request, whatever the page size.
 */
export class CatalogLinksService {
  private readonly perRequest = new WeakMap<object, PerRequest>();

  constructor(private readonly db: DataSource) {}

  /** Live records of OTHER library partners that share an ISBN or OCLC number with this one. */
  async sameWorkElsewhere(ctx: Context, record: CatalogRecordEntity): Promise<CatalogRecordEntity[]> {
    const ids = await this.loaders(ctx).cluster.load(record.id);
    const records = (await ctx.loaders.catalogRecordById.loadMany(ids)).filter((r): r is CatalogRecordEntity => r instanceof CatalogRecordEntity && !r.removedAt);
    const partners = await ctx.loaders.partnerById.loadMany([...new Set(records.map((r) => r.partnerId))]);
    const libraries = new Set(partners.filter((p) => p && !(p instanceof Error) && p.kind === PartnerKind.LIBRARY).map((p) => (p as { id: string }).id));
    return records.filter((r) => libraries.has(r.partnerId));
  }

  async relatedRecords(ctx: Context, event: EventEntity, first: number): Promise<CatalogRecordEntity[]> {
    return (await this.loaders(ctx).recordsForEvent.load(event)).slice(0, first);
  }

  async relatedEvents(ctx: Context, record: CatalogRecordEntity, first: number): Promise<EventEntity[]> {
    return (await this.loaders(ctx).eventsForRecord.load(record)).slice(0, first);
  }

  private loaders(ctx: Context): PerRequest {
    let loaders = this.perRequest.get(ctx.loaders);
    if (!loaders) {
      loaders = {
        cluster: new DataLoader((ids) => this.clusters(ids)),
        recordsForEvent: new DataLoader((events) => this.recordsFor(events), { cacheKeyFn: (e) => e.id }),
        eventsForRecord: new DataLoader((records) => this.eventsFor(ctx, records), { cacheKeyFn: (r) => r.id }),
      };
      this.perRequest.set(ctx.loaders, loaders);
    }
    return loaders;
  }

  private async clusters(recordIds: readonly string[]): Promise<string[][]> {
    const rows: { recordId: string; otherId: string }[] = await this.db.getRepository(CatalogKeyEntity).createQueryBuilder('a')
      .innerJoin(CatalogKeyEntity, 'b', 'b.kind = a.kind AND b.value = a.value AND b.partnerId <> a.partnerId')
      .select('a.recordId', 'recordId').addSelect('b.recordId', 'otherId').distinct(true)
      .where('a.kind IN (:...kinds)', { kinds: [CatalogKeyKind.ISBN, CatalogKeyKind.OCLC] })
      .andWhere('a.recordId IN (:...ids)', { ids: [...recordIds] })
      .getRawMany();
    return recordIds.map((id) => [...new Set(rows.filter((r) => r.recordId === id).map((r) => r.otherId))].sort());
  }

  private async recordsFor(events: readonly EventEntity[]): Promise<CatalogRecordEntity[][]> {
    const keys = events.map(eventKeys);
    const wanted = (pick: (k: EventKeys) => string[]) => [...new Set(keys.flatMap(pick))].slice(0, 500);
    const byKind: [CatalogKeyKind, string[]][] = [
      [CatalogKeyKind.ISBN, wanted((k) => k.isbns)], [CatalogKeyKind.TITLE, wanted((k) => k.titles)], [CatalogKeyKind.SUBJECT, wanted((k) => k.subjects)],
    ];
    const clauses = byKind.filter(([, values]) => values.length);
    if (!clauses.length) return events.map(() => []);
    const rows = await this.db.getRepository(CatalogRecordEntity).createQueryBuilder('r')
      .where('r.removedAt IS NULL')
      .andWhere(new Brackets((qb) => clauses.forEach(([kind, values], i) => qb.orWhere(
        `r.id IN (SELECT k."recordId" FROM catalog_key k WHERE k.kind = :kind${i} AND k.value IN (:...values${i}))`, { [`kind${i}`]: kind, [`values${i}`]: values },
      ))))
      .getMany();
    return keys.map((k) => rank(rows.map((r) => ({ item: r, score: relationScore(k, r), tie: r.title }))));
  }

  private async eventsFor(ctx: Context, records: readonly CatalogRecordEntity[]): Promise<EventEntity[][]> {
    // Instants are ISO text columns: compare with ISO text (see src/db/columns.ts).
    const events = await this.db.getRepository(EventEntity).createQueryBuilder('e')
      .select(['e.id', 'e.title', 'e.description', 'e.categories', 'e.startsAt'])
      .where('e.removedAt IS NULL').andWhere('e.endsAt >= :now', { now: ctx.now.toISOString() })
      .orderBy('e.startsAt', 'ASC').addOrderBy('e.id', 'ASC').limit(RELATED_EVENT_WINDOW)
      .getMany();
    const keyed = events.map((e) => ({ event: e, keys: eventKeys(e) }));
    const matches = records.map((r) => rank(keyed.map(({ event, keys }) => ({ item: event, score: relationScore(keys, r), tie: event.startsAt.toISOString() }))));
    const ids = [...new Set(matches.flat().map((e) => e.id))];
    const full = ids.length ? await ctx.loaders.eventById.loadMany(ids) : [];
    const byId = new Map(full.filter((e): e is EventEntity => e instanceof EventEntity).map((e) => [e.id, e]));
    return matches.map((list) => list.map((e) => byId.get(e.id)!).filter(Boolean));
  }
}

function rank<T>(candidates: { item: T; score: number; tie: string }[]): T[] {
  return candidates.filter((c) => c.score > 0).sort((a, b) => b.score - a.score || a.tie.localeCompare(b.tie)).map((c) => c.item);
}
