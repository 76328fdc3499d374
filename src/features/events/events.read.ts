import { WaitlistMode } from '../../domain/enums';
import { SqlReader } from '../../db/sql-reader';
import { EventEntity } from '../../model/event.entity';
import { EventCursor } from '../../domain/cursor';
import { afterWhere, criteriaWhere, EventCriteria } from './event-query';
import { ALL_EVENT_COLUMN_GROUPS, EVENT_COLUMN_GROUPS, EventColumn, EventColumnGroups } from './event-columns';

/**
 * The one way to read events (issue 15): explicit columns, hand-written SQL through SqlReader, rows
 * mapped straight into EventEntity (same prototype, so Node's resolveType still knows them). GraphQL,
 * feeds, widget and dashboard all read through EventService and the loaders, which come here.
 */

/** The SELECT for a set of column groups; a handful of texts in all, each prepared once by SqlReader. */
const selects = new Map<string, string>();
function selectOf(groups: EventColumnGroups): string {
  const key = groups.join(',');
  let select = selects.get(key);
  if (!select) {
    const columns = [...EVENT_COLUMN_GROUPS.core, ...groups.flatMap((g) => EVENT_COLUMN_GROUPS[g])];
    select = `SELECT ${columns.map((c) => `e."${c}"`).join(', ')} FROM "event" e`;
    selects.set(key, select);
  }
  return select;
}

type EventRow = Partial<Record<EventColumn, unknown>>;

const instant = (value: unknown): Date | null => (value == null ? null : new Date(value as string));
const flag = (value: unknown): boolean | null => (value == null ? null : value === true || value === 1);
const list = <T>(value: unknown): T[] => (typeof value === 'string' && value !== '[]' ? JSON.parse(value) : []) as T[];
const int = (value: unknown): number => Number(value);
const intOrNull = (value: unknown): number | null => (value == null ? null : Number(value));

/**
 * One object per row, built in place (no intermediate copies: a page of 100 events is garbage enough).
 * A group of columns the read left out stays unset on the entity; eventColumnGroupsFor only leaves out
 * what no selected field reads.
 */
export function eventFromRow(row: EventRow): EventEntity {
  const e = new EventEntity();
  e.id = row.id as string;
  e.partnerId = row.partnerId as string;
  e.seriesId = row.seriesId as string | null;
  e.title = row.title as string;
  e.startsAt = new Date(row.startsAt as string);
  e.endsAt = new Date(row.endsAt as string);
  e.timezone = row.timezone as string;
  e.allDay = flag(row.allDay) ?? false;
  e.startDate = row.startDate as string | null;
  e.endDate = row.endDate as string | null;
  e.status = row.status as EventEntity['status'];
  e.attendanceMode = row.attendanceMode as EventEntity['attendanceMode'];
  e.audiences = list(row.audiences);
  e.categories = list(row.categories);
  e.url = row.url as string | null;
  e.organizerName = row.organizerName as string | null;
  e.locationId = row.locationId as string | null;
  if ('description' in row) readDetails(e, row);
  if ('registrationMode' in row) readRegistration(e, row);
  if ('sequence' in row) readRecord(e, row);
  return e;
}

function readDetails(e: EventEntity, row: EventRow): void {
  e.description = row.description as string | null;
  e.rawAudiences = list(row.rawAudiences);
  e.imageUrl = row.imageUrl as string | null;
  e.offers = list(row.offers);
  e.previousStartsAt = instant(row.previousStartsAt);
}

function readRegistration(e: EventEntity, row: EventRow): void {
  e.registrationMode = row.registrationMode as EventEntity['registrationMode'];
  e.registrationUrl = row.registrationUrl as string | null;
  e.capacity = intOrNull(row.capacity);
  e.waitlistCapacity = int(row.waitlistCapacity);
  e.externalWaitlist = flag(row.externalWaitlist);
  e.maxPartySize = int(row.maxPartySize);
  e.confirmedCount = int(row.confirmedCount);
  e.waitlistedCount = int(row.waitlistedCount);
  e.attendedCount = int(row.attendedCount);
  e.seatHolds = (row.seatHolds as string | null) ?? '[]';
  e.registrationOpensAt = instant(row.registrationOpensAt);
  e.registrationClosesAt = instant(row.registrationClosesAt);
  e.reminderHours = intOrNull(row.reminderHours);
  e.surveyUrl = (row.surveyUrl as string | null) ?? null;
  e.waitlistMode = (row.waitlistMode as EventEntity['waitlistMode'] | null) ?? WaitlistMode.AUTO_PROMOTE;
  e.inviteHours = intOrNull(row.inviteHours);
  e.partyCategories = row.partyCategories == null ? null : list(row.partyCategories);
  e.overriddenFields = row.overriddenFields == null ? null : list(row.overriddenFields);
  e.walkIns = row.walkIns == null ? null : list(row.walkIns);
  e.headCount = row.headCount == null ? null : list(row.headCount);
}

function readRecord(e: EventEntity, row: EventRow): void {
  e.sourceId = row.sourceId as string | null;
  e.externalId = row.externalId as string | null;
  e.contentHash = row.contentHash as string | null;
  e.fetchedAt = instant(row.fetchedAt);
  e.removedAt = instant(row.removedAt);
  e.sequence = int(row.sequence);
  e.createdAt = new Date(row.createdAt as string);
  e.updatedAt = new Date(row.updatedAt as string);
}

/** Events by id, in no particular order (the loader orders them by key). */
export async function eventsByIds(reader: SqlReader, ids: readonly string[]): Promise<EventEntity[]> {
  const rows = await reader.all<EventRow>(`${selectOf(ALL_EVENT_COLUMN_GROUPS)} WHERE ${reader.keyIn('e."id"')}`, [reader.keys(ids)]);
  return rows.map(eventFromRow);
}

/**
 * One page of events matching `criteria`, after the cursor, by (startsAt, id): `limit` rows at most,
 * with the core columns and the `groups` asked for (all of them unless told).
 */
export async function eventsPage(
  reader: SqlReader, criteria: EventCriteria, after: EventCursor | null, limit: number, groups: EventColumnGroups = ALL_EVENT_COLUMN_GROUPS,
): Promise<EventEntity[]> {
  const where = afterWhere(criteriaWhere(reader, criteria), after);
  const rows = await reader.all<EventRow>(`${selectOf(groups)} WHERE ${where.sql} ORDER BY e."startsAt", e."id" LIMIT ?`, [...where.params, limit]);
  return rows.map(eventFromRow);
}

/** How many events match `criteria` (the connection's totalCount). */
export async function countEvents(reader: SqlReader, criteria: EventCriteria): Promise<number> {
  const where = criteriaWhere(reader, criteria);
  const [row] = await reader.all<{ n: unknown }>(`SELECT COUNT(*) AS "n" FROM "event" e WHERE ${where.sql}`, where.params);
  return Number(row.n);
}

/**
 * Every event starting in [from, to) (of these partners, when given) and not cancelled, with the
 * registration columns: what a report counts. Start time rather than "on during", so adjacent ranges
 * never count one twice.
 */
export async function eventsStartingIn(reader: SqlReader, from: Date, to: Date, partnerIds: readonly string[] | null): Promise<EventEntity[]> {
  const partners = partnerIds ? ` AND ${reader.keyIn('e."partnerId"')}` : '';
  const rows = await reader.all<EventRow>(
    `${selectOf(['registration'])} WHERE e."startsAt" >= ? AND e."startsAt" < ? AND e."removedAt" IS NULL AND e."status" <> 'CANCELLED'${partners} ORDER BY e."startsAt", e."id"`,
    [from.toISOString(), to.toISOString(), ...(partnerIds ? [reader.keys(partnerIds)] : [])],
  );
  return rows.map(eventFromRow);
}
