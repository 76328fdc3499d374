import { DataSource } from 'typeorm';
import { Context } from '../../context';
import { LocationEntity } from '../../model/location.entity';
import { PartnerEntity } from '../../model/partner.entity';
import { ServiceEntity } from '../../model/service.entity';
import { ServiceStatus } from '../../domain/enums';
import { InvalidArgumentError } from '../../domain/errors';
import { PageArgs } from '../../domain/event-filter';
import { localIdOf } from '../../domain/global-id';
import { MAX_LIST_VALUES } from '../../domain/input-bounds';
import { partnerSlugsOf } from '../../domain/partner-slug';
import { isOpenAt } from '../../datasources/shared/opening-hours';
import { decodeServiceCursor, encodeServiceCursor } from './service-cursor';
import { ServiceCursor, ServiceFilterInput } from './service-filter';
import { checkPageSize, Connection, toConnection } from '../../schema/connection';
import { applyServiceAfter, applyServiceCriteria, ServiceCriteria } from './service-query';

export const serviceCursorOf = (s: ServiceEntity): string => encodeServiceCursor({ name: s.name, id: s.id });

/** Listings that are not defunct show by default; ask for DEFUNCT explicitly to see them. */
const DEFAULT_STATUSES = [ServiceStatus.ACTIVE, ServiceStatus.TEMPORARILY_CLOSED, ServiceStatus.INACTIVE];
/** openAt is evaluated in memory (hours are rules, not rows): scanned in batches, at most this many rows. */
const OPEN_AT_BATCH = 200;
const OPEN_AT_MAX_SCAN = 20000;

/** Nonprofit listings (HSDS services): the `services` query, Partner.services and Service fields. */
export class ServiceListingService {
  constructor(private readonly db: DataSource, private readonly maxPageSize: number) {}

  async list(ctx: Context, filter: ServiceFilterInput | null | undefined, page: PageArgs, onlyPartnerId?: string): Promise<Connection<ServiceEntity>> {
    const size = checkPageSize(page.first, this.maxPageSize);
    const after = page.after ? decodeServiceCursor(page.after) : null;
    const criteria = this.criteria(filter);
    if (onlyPartnerId) Object.assign(criteria, { partnerIds: [onlyPartnerId], partnerSlugs: null });
    const openAt = filter?.openAt ?? null;
    if (openAt !== null && !(openAt instanceof Date && Number.isFinite(openAt.getTime()))) {
      throw new InvalidArgumentError('filter.openAt', openAt, 'a date-time');
    }
    if (!openAt) {
      const rows = size === 0 ? [] : await this.page(criteria, after, size + 1);
      return toConnection(rows, size, serviceCursorOf, () => this.query(criteria).getCount(), after !== null);
    }
    const isOpen = (s: ServiceEntity) => this.isOpenAt(ctx, s, openAt) === true;
    const rows = size === 0 ? [] : await this.scan(criteria, after, isOpen, size + 1);
    return toConnection(rows, size, serviceCursorOf, async () => (await this.scan(criteria, null, isOpen, Infinity)).length, after !== null);
  }

  async byId(ctx: Context, globalId: string): Promise<ServiceEntity | null> {
    const service = await ctx.loaders.serviceById.load(localIdOf('Service', globalId));
    return service && service.removedAt === null ? service : null;
  }

  async organizationOf(ctx: Context, service: ServiceEntity): Promise<PartnerEntity> {
    const partner = await ctx.loaders.partnerById.load(service.partnerId);
    if (!partner) throw new Error(`Service ${service.id} references missing partner ${service.partnerId}`);
    return partner;
  }

  locationsOf(ctx: Context, service: ServiceEntity): Promise<LocationEntity[]> {
    return ctx.loaders.locationsByService.load(service.id);
  }

  /** null when the listing publishes no hours; a closed-down listing is never open. */
  isOpenAt(_ctx: Context, service: ServiceEntity, at: Date): boolean | null {
    const open = isOpenAt(service.hours, at, service.timezone);
    if (open === null) return null;
    return service.status === ServiceStatus.ACTIVE && open;
  }

  private criteria(filter: ServiceFilterInput | null | undefined): ServiceCriteria {
    const f = filter ?? {};
    if (f.age != null && (!Number.isFinite(f.age) || f.age < 0 || f.age > 130)) {
      throw new InvalidArgumentError('filter.age', f.age, 'an age in years from 0 to 130');
    }
    if (f.near && (!(f.near.km > 0 && f.near.km <= 500) || Math.abs(f.near.lat) > 90 || Math.abs(f.near.lon) > 180)) {
      throw new InvalidArgumentError('filter.near', f.near, 'lat -90..90, lon -180..180 and km greater than 0, at most 500');
    }
    const text = f.text?.trim() || null;
    return {
      text,
      categories: f.categories?.map((c) => c.trim()).filter(Boolean) || null,
      near: f.near ?? null,
      age: f.age ?? null,
      language: f.language?.trim() || null,
      status: f.status?.length ? f.status : DEFAULT_STATUSES,
      partnerIds: f.partnerIds?.length ? f.partnerIds.map((id) => localIdOf('Partner', id, 'filter.partnerIds')) : null,
      partnerSlugs: partnerSlugsOf(f.partnerSlugs, 'filter.partnerSlugs', MAX_LIST_VALUES),
    };
  }

  private query(criteria: ServiceCriteria) {
    return applyServiceCriteria(this.db.getRepository(ServiceEntity).createQueryBuilder('s'), criteria);
  }

  private page(criteria: ServiceCriteria, after: ServiceCursor | null, limit: number): Promise<ServiceEntity[]> {
    return applyServiceAfter(this.query(criteria), after).orderBy('s.name', 'ASC').addOrderBy('s.id', 'ASC').limit(limit).getMany();
  }

  /** Keyset scan in batches, keeping rows that pass `keep`, until `limit` rows or the end (bounded). */
  private async scan(criteria: ServiceCriteria, after: ServiceCursor | null, keep: (s: ServiceEntity) => boolean, limit: number): Promise<ServiceEntity[]> {
    const kept: ServiceEntity[] = [];
    let cursor = after;
    for (let scanned = 0; scanned < OPEN_AT_MAX_SCAN && kept.length < limit;) {
      const batch = await this.page(criteria, cursor, OPEN_AT_BATCH);
      scanned += batch.length;
      for (const row of batch) if (kept.length < limit && keep(row)) kept.push(row);
      if (batch.length < OPEN_AT_BATCH) break;
      cursor = { name: batch[batch.length - 1].name, id: batch[batch.length - 1].id };
    }
    return kept;
  }
}
