import type { SqlReader } from '../../db/sql-reader';
import { EventStatus, PartnerKind, Audience } from '../../domain/enums';
import { EventCursor } from '../../domain/cursor';
import { NearInput } from '../../domain/event-filter';
import { DayCriterion, daySql } from './event-day';

/** A validated filter, ids already decoded: what the SQL is built from. */
export interface EventCriteria {
  /** null: no lower bound (a day asked for with `on` and no `from`). */
  from: Date | null;
  to: Date | null;
  partnerIds: string[] | null;
  /** Lower-cased partner slugs. */
  partnerSlugs: string[] | null;
  kinds: PartnerKind[] | null;
  audiences: Audience[] | null;
  categories: string[] | null;
  text: string | null;
  status: EventStatus[] | null;
  near: NearInput | null;
  day: DayCriterion | null;
}

const KM_PER_DEGREE = 111.32;

/** LIKE pattern for a literal substring (the backslash escapes %, _ and itself on both backends). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A WHERE clause with its `?` parameters, in order. */
export interface SqlWhere {
  sql: string;
  params: unknown[];
}

/**
 * Every criterion as SQL over `e` (event), written once for both backends (SqlReader turns `?` into
 * `$n` and lists into one parameter). An event matches the time window when it is on at any time inside
 * it, so ongoing exhibitions and multi-day events show up, not only new starts.
 */
export function criteriaWhere(reader: SqlReader, c: EventCriteria): SqlWhere {
  const where: SqlWhere = { sql: '1 = 1', params: [] };
  const and = (sql: string, ...params: unknown[]) => {
    where.sql += ` AND ${sql}`;
    where.params.push(...params);
  };
  if (c.from) and('(e."endsAt" > ? OR e."startsAt" >= ?)', c.from.toISOString(), c.from.toISOString());
  if (c.to) and('e."startsAt" < ?', c.to.toISOString());
  if (c.partnerIds) and(reader.keyIn('e."partnerId"'), reader.keys(c.partnerIds));
  if (c.partnerSlugs) and(`e."partnerId" IN (SELECT p."id" FROM "partner" p WHERE ${reader.keyIn('p."slug"')})`, reader.keys(c.partnerSlugs));
  if (c.status) and(reader.keyIn('e."status"'), reader.keys(c.status));
  if (c.kinds) and(`e."partnerId" IN (SELECT p."id" FROM "partner" p WHERE ${reader.keyIn('p."kind"')})`, reader.keys(c.kinds));
  if (c.audiences?.length) and(reader.likeAny('e."audiences"'), reader.keys(c.audiences.map((a) => containsPattern(JSON.stringify(a)))));
  if (c.categories?.length) {
    and(reader.likeAny('LOWER(e."categories")'), reader.keys(c.categories.map((cat) => containsPattern(JSON.stringify(cat.toLowerCase())))));
  }
  if (c.text) {
    const pattern = containsPattern(c.text.toLowerCase());
    and("(LOWER(e.\"title\") LIKE ? ESCAPE '\\' OR LOWER(COALESCE(e.\"description\", '')) LIKE ? ESCAPE '\\')", pattern, pattern);
  }
  if (c.near) and(...nearSql(c.near));
  if (c.day) and(...daySql(c.day));
  return where;
}

/**
 * Distance by the equirectangular approximation: plain arithmetic, so both backends evaluate it the
 * same way with no extension, and within 0.5% of the great-circle distance at town scale (< 100 km).
 */
function nearSql(near: NearInput): [string, ...unknown[]] {
  const lonScale = Math.cos((near.lat * Math.PI) / 180);
  const degrees = near.km / KM_PER_DEGREE;
  return [
    `e."locationId" IN (SELECT l."id" FROM "location" l WHERE l."lat" IS NOT NULL AND l."lon" IS NOT NULL
      AND l."lat" BETWEEN ? AND ?
      AND ((l."lat" - ?) * (l."lat" - ?) + ((l."lon" - ?) * ?) * ((l."lon" - ?) * ?)) <= ?)`,
    near.lat - degrees, near.lat + degrees, near.lat, near.lat, near.lon, lonScale, near.lon, lonScale, degrees * degrees,
  ];
}

/** Keyset continuation after the given (startsAt, id). */
export function afterWhere(where: SqlWhere, after: EventCursor | null): SqlWhere {
  if (!after) return where;
  return {
    sql: `${where.sql} AND (e."startsAt" > ? OR (e."startsAt" = ? AND e."id" > ?))`,
    params: [...where.params, after.startsAt, after.startsAt, after.id],
  };
}
