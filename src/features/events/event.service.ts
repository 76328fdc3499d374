import { DataSource } from 'typeorm';
import { Context } from '../../context';
import { EventEntity } from '../../model/event.entity';
import { decodeEventCursor, encodeEventCursor } from '../../domain/cursor';
import { EventFilterInput, PageArgs } from '../../domain/event-filter';
import { localIdOf } from '../../domain/global-id';
import { checkPageSize, Connection, toConnection } from '../../schema/connection';
import { toEventCriteria } from './event-criteria';
import { countEvents, eventsPage } from './events.read';
import { EventColumnGroups } from './event-columns';
import { withPartnerZones } from './event-day';
import { SqlReader, sqlReaderOf } from '../../db/sql-reader';

export const eventCursorOf = (event: EventEntity): string =>
  encodeEventCursor({ startsAt: event.startsAt.toISOString(), id: event.id });

export class EventService {
  constructor(private readonly db: DataSource, private readonly maxPageSize: number) {}

  /**
   * Events of every partner (or of `onlyPartnerId`), ordered by start then id, keyset-paginated.
   * `columns`: the column groups the caller will read (GraphQL passes what the document selects).
   */
  async list(
    ctx: Context, filter: EventFilterInput | null | undefined, page: PageArgs, onlyPartnerId?: string, columns?: EventColumnGroups,
  ): Promise<Connection<EventEntity>> {
    const size = checkPageSize(page.first, this.maxPageSize);
    const after = page.after ? decodeEventCursor(page.after) : null;
    const criteria = toEventCriteria(filter, ctx.now);
    criteria.day = await withPartnerZones(this.reader, criteria.day);
    if (onlyPartnerId) Object.assign(criteria, { partnerIds: [onlyPartnerId], partnerSlugs: null });
    const rows = size === 0 ? [] : await eventsPage(this.reader, criteria, after, size + 1, columns);
    return toConnection(rows, size, eventCursorOf, () => countEvents(this.reader, criteria), after !== null);
  }

  /**
   * Up to `limit` events matching `filter`, in order, read page by page. `keep` passes over events
   * (they do not count towards the limit). Bounded: the pages the limit needs plus `extraPages`.
   * `complete`: every matching event was seen (nothing was cut off by the limit or the page bound).
   */
  async collect(
    ctx: Context, filter: EventFilterInput, limit: number, options: { keep?: (event: EventEntity) => boolean; extraPages?: number } = {},
  ): Promise<{ events: EventEntity[]; complete: boolean }> {
    const keep = options.keep ?? (() => true);
    const events: EventEntity[] = [];
    const maxPages = Math.ceil(limit / this.maxPageSize) + (options.extraPages ?? 0);
    let after: string | null = null;
    for (let pages = 0; pages < maxPages; pages++) {
      const first = options.keep ? this.maxPageSize : Math.min(this.maxPageSize, limit - events.length);
      const page = await this.list(ctx, filter, { first, after });
      for (const edge of page.edges) {
        if (!keep(edge.node)) continue;
        if (events.length === limit) return { events, complete: false };
        events.push(edge.node);
      }
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return { events, complete: true };
      if (events.length === limit && !options.keep) return { events, complete: false };
      after = page.pageInfo.endCursor;
    }
    return { events, complete: false };
  }

  async byId(ctx: Context, globalId: string): Promise<EventEntity | null> {
    return ctx.loaders.eventById.load(localIdOf('Event', globalId));
  }

  /** By database id (e.g. from a registration or a pub/sub message), through the request's loader. */
  byLocalId(ctx: Context, id: string): Promise<EventEntity | null> {
    return ctx.loaders.eventById.load(id);
  }

  private get reader(): SqlReader {
    return sqlReaderOf(this.db);
  }
}
