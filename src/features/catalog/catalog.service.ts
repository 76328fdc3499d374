import { DataSource } from 'typeorm';
import { Context } from '../../context';
import { CatalogFilterInput } from './catalog-filter';
import { InvalidArgumentError } from '../../domain/errors';
import { localIdOf } from '../../domain/global-id';
import { decodeRecordCursor, encodeRecordCursor } from '../../domain/cursor';
import { PageArgs } from '../../domain/event-filter';
import { CatalogRecordEntity } from '../../model/catalog-record.entity';
import { checkPageSize, Connection, toConnection } from '../../schema/connection';
import { countListed, countMatches, listIds, searchIds, SearchFilterSql } from './catalog-fts';
import { queryTerms } from './catalog-text';

const PREFIX = 'ct1';
const encodeOffset = (offset: number) => Buffer.from(`${PREFIX}|${offset}`, 'utf8').toString('base64url');

function decodeOffset(cursor: string): number {
  const [prefix, offset] = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8').split('|') : [];
  if (prefix !== PREFIX || !/^\d{1,9}$/.test(offset ?? '')) {
    throw new InvalidArgumentError('after', cursor, 'an endCursor or cursor returned by this connection');
  }
  return Number(offset);
}

function toSqlFilter(filter: CatalogFilterInput | null | undefined): SearchFilterSql {
  const languages = filter?.languages?.map((l) => {
    if (!/^[A-Za-z]{3}$/.test(l)) throw new InvalidArgumentError('filter.languages', l, 'three-letter MARC language codes such as "eng"');
    return l.toLowerCase();
  }) ?? null;
  return {
    formats: filter?.formats ?? null,
    languages,
    partnerIds: filter?.libraryIds?.map((id) => localIdOf('Partner', id, 'filter.libraryIds')) ?? null,
    availableNow: filter?.availableNow === true,
  };
}

/**
 * Catalog search: full text over title, authors, subjects, series and identifiers, ranked by the
 * backend's relevance function (bm25 / ts_rank). Pages are offsets into that ranking: relevance
 * order has no stable keyset, and a catalog query is read a few pages deep at most.
 */
export class CatalogService {
  constructor(private readonly db: DataSource, private readonly maxPageSize: number) {}

  async search(ctx: Context, query: string, filter: CatalogFilterInput | null | undefined, page: PageArgs): Promise<Connection<CatalogRecordEntity>> {
    const size = checkPageSize(page.first, this.maxPageSize);
    const offset = page.after ? decodeOffset(page.after) + 1 : 0;
    const terms = queryTerms(query);
    if (!terms.length) throw new InvalidArgumentError('query', query, 'at least one letter or digit');
    const sqlFilter = toSqlFilter(filter);
    const ids = size === 0 ? [] : await searchIds(this.db, terms, sqlFilter, size + 1, offset);
    const rows = (await ctx.loaders.catalogRecordById.loadMany(ids)).filter((r): r is CatalogRecordEntity => r instanceof CatalogRecordEntity);
    const positions = new Map(rows.map((r, i) => [r.id, offset + i]));
    return toConnection(rows, size, (r) => encodeOffset(positions.get(r.id)!), () => countMatches(this.db, terms, sqlFilter), offset > 0);
  }

  /**
   * Every live record in a stable order (by id, keyset pages), for harvesters such as another town's
   * Community Graph: unlike `search`, a page never shifts when records are added meanwhile.
   */
  async list(ctx: Context, filter: CatalogFilterInput | null | undefined, page: PageArgs): Promise<Connection<CatalogRecordEntity>> {
    const size = checkPageSize(page.first, this.maxPageSize);
    const after = page.after ? decodeRecordCursor(page.after) : null;
    const sqlFilter = toSqlFilter(filter);
    const ids = size === 0 ? [] : await listIds(this.db, sqlFilter, after, size + 1);
    const rows = (await ctx.loaders.catalogRecordById.loadMany(ids)).filter((r): r is CatalogRecordEntity => r instanceof CatalogRecordEntity);
    return toConnection(rows, size, (r) => encodeRecordCursor(r.id), () => countListed(this.db, sqlFilter), after !== null);
  }

  async byId(ctx: Context, globalId: string): Promise<CatalogRecordEntity | null> {
    const record = await ctx.loaders.catalogRecordById.load(localIdOf('CatalogRecord', globalId));
    return record && !record.removedAt ? record : null;
  }
}
