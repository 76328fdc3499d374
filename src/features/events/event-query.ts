import { Brackets, SelectQueryBuilder } from 'typeorm';
import { EventEntity } from '../../model/event.entity';
import { EventStatus, PartnerKind, Audience } from '../../domain/enums';
import { EventCursor } from '../../domain/cursor';
import { NearInput } from '../../domain/event-filter';

/** A validated filter, ids already decoded: what the SQL is built from. */
export interface EventCriteria {
  from: Date;
  to: Date | null;
  partnerIds: string[] | null;
  kinds: PartnerKind[] | null;
  audiences: Audience[] | null;
  categories: string[] | null;
  text: string | null;
  status: EventStatus[] | null;
  near: NearInput | null;
}

const KM_PER_DEGREE = 111.32;

/** LIKE pattern for a literal substring (the backslash escapes %, _ and itself on both backends). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Applies every criterion to a query over `e` (event). An event matches the time window when it is
 * on at any time inside it, so ongoing exhibitions and multi-day events show up, not only new starts.
 */
export function applyCriteria(qb: SelectQueryBuilder<EventEntity>, c: EventCriteria): SelectQueryBuilder<EventEntity> {
  const from = c.from.toISOString();
  qb.andWhere(new Brackets((w) => w.where('e.endsAt > :from', { from }).orWhere('e.startsAt >= :from', { from })));
  if (c.to) qb.andWhere('e.startsAt < :to', { to: c.to.toISOString() });
  if (c.partnerIds) qb.andWhere('e.partnerId IN (:...partnerIds)', { partnerIds: c.partnerIds });
  if (c.status) qb.andWhere('e.status IN (:...status)', { status: c.status });
  if (c.kinds) {
    qb.andWhere('e.partnerId IN (SELECT p.id FROM partner p WHERE p.kind IN (:...kinds))', { kinds: c.kinds });
  }
  anyOf(qb, 'e.audiences', 'audience', c.audiences?.map((a) => containsPattern(JSON.stringify(a))));
  anyOf(qb, 'LOWER(e.categories)', 'category', c.categories?.map((cat) => containsPattern(JSON.stringify(cat.toLowerCase()))));
  if (c.text) {
    const pattern = containsPattern(c.text.toLowerCase());
    qb.andWhere(new Brackets((w) => w
      .where("LOWER(e.title) LIKE :text ESCAPE '\\'", { text: pattern })
      .orWhere("LOWER(COALESCE(e.description, '')) LIKE :text ESCAPE '\\'", { text: pattern })));
  }
  if (c.near) applyNear(qb, c.near);
  return qb;
}

function anyOf(qb: SelectQueryBuilder<EventEntity>, column: string, name: string, patterns: string[] | undefined): void {
  if (!patterns?.length) return;
  qb.andWhere(new Brackets((w) => {
    patterns.forEach((pattern, i) => w.orWhere(`${column} LIKE :${name}${i} ESCAPE '\\'`, { [`${name}${i}`]: pattern }));
  }));
}

/**
 * Distance by the equirectangular approximation: plain arithmetic, so both backends evaluate it the
 * same way with no extension, and within 0.5% of the great-circle distance at town scale (< 100 km).
 */
function applyNear(qb: SelectQueryBuilder<EventEntity>, near: NearInput): void {
  const lonScale = Math.cos((near.lat * Math.PI) / 180);
  const degrees = near.km / KM_PER_DEGREE;
  qb.andWhere(
    `e.locationId IN (SELECT l.id FROM location l WHERE l.lat IS NOT NULL AND l.lon IS NOT NULL
      AND l.lat BETWEEN :minLat AND :maxLat
      AND ((l.lat - :lat) * (l.lat - :lat) + ((l.lon - :lon) * :lonScale) * ((l.lon - :lon) * :lonScale)) <= :radius2)`,
    {
      lat: near.lat, lon: near.lon, lonScale,
      minLat: near.lat - degrees, maxLat: near.lat + degrees, radius2: degrees * degrees,
    },
  );
}

/** Keyset continuation after the given (startsAt, id). */
export function applyAfter(qb: SelectQueryBuilder<EventEntity>, after: EventCursor | null): SelectQueryBuilder<EventEntity> {
  if (!after) return qb;
  return qb.andWhere(new Brackets((w) => w
    .where('e.startsAt > :afterStartsAt', { afterStartsAt: after.startsAt })
    .orWhere(new Brackets((tie) => tie
      .where('e.startsAt = :afterStartsAt', { afterStartsAt: after.startsAt })
      .andWhere('e.id > :afterId', { afterId: after.id })))));
}
