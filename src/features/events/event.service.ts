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
