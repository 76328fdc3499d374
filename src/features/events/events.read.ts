import { SqlReader } from '../../db/sql-reader';
import { EventEntity } from '../../model/event.entity';
import { EventCursor } from '../../domain/cursor';
import { afterWhere, criteriaWhere, EventCriteria } from './event-query';

/**
 * The one way to read events (issue 15): explicit columns, hand-written SQL through SqlReader, rows
 * mapped straight into EventEntity (same prototype, so Node's resolveType still knows them). GraphQL,
 * feeds, widget and dashboard all read through EventService and the loaders, which come here.
 */
const COLUMNS = ['id', 'partnerId', 'seriesId', 'title', 'description', 'startsAt', 'endsAt', 'timezone', 'allDay', 'startDate', 'endDate',
  'status', 'attendanceMode', 'audiences', 'rawAudiences', 'categories', 'url', 'imageUrl', 'offers', 'previousStartsAt', 'organizerName',
  'locationId', 'registrationMode', 'registrationUrl', 'capacity', 'waitlistCapacity', 'externalWaitlist', 'maxPartySize', 'confirmedCount',
  'waitlistedCount', 'attendedCount', 'registrationOpensAt', 'registrationClosesAt', 'sourceId', 'externalId', 'contentHash', 'fetchedAt',
  'removedAt', 'sequence', 'createdAt', 'updatedAt'] as const;
const SELECT = `SELECT ${COLUMNS.map((c) => `e."${c}"`).join(', ')} FROM "event" e`;

type EventRow = Record<(typeof COLUMNS)[number], unknown>;

const instant = (value: unknown): Date | null => (value == null ? null : new Date(value as string));
const flag = (value: unknown): boolean | null => (value == null ? null : value === true || value === 1);
const list = <T>(value: unknown): T[] => (typeof value === 'string' ? JSON.parse(value) : []) as T[];
const int = (value: unknown): number => Number(value);
const intOrNull = (value: unknown): number | null => (value == null ? null : Number(value));

export function eventFromRow(row: EventRow): EventEntity {
  return Object.assign(new EventEntity(), {
    ...(row as Record<string, unknown>),
    startsAt: instant(row.startsAt), endsAt: instant(row.endsAt), previousStartsAt: instant(row.previousStartsAt),
    registrationOpensAt: instant(row.registrationOpensAt), registrationClosesAt: instant(row.registrationClosesAt),
    fetchedAt: instant(row.fetchedAt), removedAt: instant(row.removedAt), createdAt: instant(row.createdAt), updatedAt: instant(row.updatedAt),
    allDay: flag(row.allDay) ?? false, externalWaitlist: flag(row.externalWaitlist),
    audiences: list(row.audiences), rawAudiences: list(row.rawAudiences), categories: list(row.categories), offers: list(row.offers),
    capacity: intOrNull(row.capacity), waitlistCapacity: int(row.waitlistCapacity), maxPartySize: int(row.maxPartySize),
    confirmedCount: int(row.confirmedCount), waitlistedCount: int(row.waitlistedCount), attendedCount: int(row.attendedCount), sequence: int(row.sequence),
  });
}

/** Events by id, in no particular order (the loader orders them by key). */
export async function eventsByIds(reader: SqlReader, ids: readonly string[]): Promise<EventEntity[]> {
  const rows = await reader.all<EventRow>(`${SELECT} WHERE ${reader.keyIn('e."id"')}`, [reader.keys(ids)]);
  return rows.map(eventFromRow);
}

/** One page of events matching `criteria`, after the cursor, by (startsAt, id): `limit` rows at most. */
export async function eventsPage(reader: SqlReader, criteria: EventCriteria, after: EventCursor | null, limit: number): Promise<EventEntity[]> {
  const where = afterWhere(criteriaWhere(reader, criteria), after);
  const rows = await reader.all<EventRow>(`${SELECT} WHERE ${where.sql} ORDER BY e."startsAt", e."id" LIMIT ?`, [...where.params, limit]);
  return rows.map(eventFromRow);
}

/** How many events match `criteria` (the connection's totalCount). */
export async function countEvents(reader: SqlReader, criteria: EventCriteria): Promise<number> {
  const where = criteriaWhere(reader, criteria);
  const [row] = await reader.all<{ n: unknown }>(`SELECT COUNT(*) AS "n" FROM "event" e WHERE ${where.sql}`, where.params);
  return Number(row.n);
}
