import { Brackets, SelectQueryBuilder } from 'typeorm';
import { ServiceEntity } from '../../model/service.entity';
import { ServiceStatus } from '../../domain/enums';
import { NearInput } from '../../domain/event-filter';
import { ServiceCursor } from './service-filter';
import { containsPattern } from '../events/event-query';
import { spellingsOf } from '../../domain/language';

/** A validated service filter: what the SQL is built from (openAt is applied in memory). */
export interface ServiceCriteria {
  text: string | null;
  categories: string[] | null;
  near: NearInput | null;
  age: number | null;
  language: string | null;
  status: ServiceStatus[];
  partnerIds: string[] | null;
  /** Lower-cased partner slugs. */
  partnerSlugs: string[] | null;
}

const KM_PER_DEGREE = 111.32;

/** Applies every SQL criterion to a query over `s` (service). Removed listings never show. */
export function applyServiceCriteria(qb: SelectQueryBuilder<ServiceEntity>, c: ServiceCriteria): SelectQueryBuilder<ServiceEntity> {
  qb.andWhere('s.removedAt IS NULL');
  qb.andWhere('s.status IN (:...status)', { status: c.status });
  if (c.partnerIds) qb.andWhere('s.partnerId IN (:...partnerIds)', { partnerIds: c.partnerIds });
  if (c.partnerSlugs) qb.andWhere('s.partnerId IN (SELECT p.id FROM partner p WHERE p.slug IN (:...partnerSlugs))', { partnerSlugs: c.partnerSlugs });
  if (c.text) {
    const text = containsPattern(c.text.toLowerCase());
    qb.andWhere(new Brackets((w) => w
      .where("LOWER(s.name) LIKE :text ESCAPE '\\'", { text })
      .orWhere("LOWER(COALESCE(s.alternateName, '')) LIKE :text ESCAPE '\\'", { text })
      .orWhere("LOWER(COALESCE(s.description, '')) LIKE :text ESCAPE '\\'", { text })));
  }
  if (c.categories?.length) {
    qb.andWhere(new Brackets((w) => c.categories!.forEach((cat, i) => {
      const pattern = containsPattern(JSON.stringify(cat.toLowerCase()));
      w.orWhere(`LOWER(s.categories) LIKE :cat${i} ESCAPE '\\'`, { [`cat${i}`]: pattern })
        .orWhere(`LOWER(s.categoryCodes) LIKE :cat${i} ESCAPE '\\'`, { [`cat${i}`]: pattern });
    })));
  }
  if (c.language) {
    // Stored lists keep the directory's spellings; any spelling of the language asked for matches.
    const spellings = spellingsOf(c.language);
    qb.andWhere(new Brackets((w) => spellings.forEach((spelling, i) => {
      w.orWhere(`LOWER(s.languages) LIKE :language${i} ESCAPE '\\'`, { [`language${i}`]: containsPattern(JSON.stringify(spelling)) });
    })));
  }
  if (c.age !== null) {
    qb.andWhere('(s.minimumAge IS NULL OR s.minimumAge <= :age)', { age: c.age });
    qb.andWhere('(s.maximumAge IS NULL OR s.maximumAge >= :age)', { age: c.age });
  }
  if (c.near) {
    // Same equirectangular approximation as the events filter (see event-query.ts).
    const lonScale = Math.cos((c.near.lat * Math.PI) / 180);
    const degrees = c.near.km / KM_PER_DEGREE;
    qb.andWhere(
      `s.id IN (SELECT sl."serviceId" FROM service_location sl JOIN location l ON l.id = sl."locationId"
        WHERE l.lat IS NOT NULL AND l.lon IS NOT NULL AND l.lat BETWEEN :minLat AND :maxLat
        AND ((l.lat - :lat) * (l.lat - :lat) + ((l.lon - :lon) * :lonScale) * ((l.lon - :lon) * :lonScale)) <= :radius2)`,
      { lat: c.near.lat, lon: c.near.lon, lonScale, minLat: c.near.lat - degrees, maxLat: c.near.lat + degrees, radius2: degrees * degrees },
    );
  }
  return qb;
}

export function applyServiceAfter(qb: SelectQueryBuilder<ServiceEntity>, after: ServiceCursor | null): SelectQueryBuilder<ServiceEntity> {
  if (!after) return qb;
  return qb.andWhere(new Brackets((w) => w
    .where('s.name > :afterName', { afterName: after.name })
    .orWhere(new Brackets((tie) => tie.where('s.name = :afterName', { afterName: after.name }).andWhere('s.id > :afterId', { afterId: after.id })))));
}
