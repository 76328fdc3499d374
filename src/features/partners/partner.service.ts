import { DataSource } from 'typeorm';
import { Context } from '../../context';
import { LocationEntity } from '../../model/location.entity';
import { PartnerEntity } from '../../model/partner.entity';
import { PartnerKind } from '../../domain/enums';
import { InvalidArgumentError } from '../../domain/errors';
import { normalizeOrigin } from './origin-policy';
import { access } from '../../domain/access';
import { localIdOf } from '../../domain/global-id';
import { DataChanges } from '../../pubsub/data-changes';
import { MAX_ALLOWED_ORIGINS } from '../../domain/input-bounds';

export class PartnerService {
  constructor(private readonly db: DataSource, private readonly changes: DataChanges) {}

  async list(_ctx: Context, kind?: PartnerKind | null): Promise<PartnerEntity[]> {
    return this.db.getRepository(PartnerEntity).find({
      where: kind ? { kind } : {},
      order: { name: 'ASC', id: 'ASC' },
    });
  }

  /** Exactly one of slug or id; asking with neither or both is a client error. */
  async find(ctx: Context, by: { slug?: string | null; id?: string | null }): Promise<PartnerEntity | null> {
    if ((by.slug == null) === (by.id == null)) {
      throw new InvalidArgumentError('slug|id', by, 'exactly one of "slug" or "id"');
    }
    if (by.id != null) return ctx.loaders.partnerById.load(localIdOf('Partner', by.id));
    return this.db.getRepository(PartnerEntity).findOneBy({ slug: by.slug! });
  }

  organizerOf(ctx: Context, partnerId: string): Promise<PartnerEntity | null> {
    return ctx.loaders.partnerById.load(partnerId);
  }

  locationsOf(ctx: Context, partnerId: string): Promise<LocationEntity[]> {
    return ctx.loaders.locationsByPartner.load(partnerId);
  }

  locationOf(ctx: Context, locationId: string | null): Promise<LocationEntity | null> {
    return locationId ? ctx.loaders.locationById.load(locationId) : Promise.resolve(null);
  }

  /**
   * Replaces a partner's allowedOrigins (who may frame its embeds and read its feeds cross-origin).
   * Its own PARTNER key or an ADMIN key; every value must be a bare web origin.
   */
  async setAllowedOrigins(ctx: Context, partnerGlobalId: string, origins: string[]): Promise<PartnerEntity> {
    const partnerId = localIdOf('Partner', partnerGlobalId, 'partnerId');
    access.requirePartner(ctx.principal, partnerId, 'Setting a partner\'s allowed origins');
    if (origins.length > MAX_ALLOWED_ORIGINS) throw new InvalidArgumentError('origins', origins.length, `at most ${MAX_ALLOWED_ORIGINS} origins`);
    const normalized = origins.map((origin) => {
      const clean = normalizeOrigin(origin.trim());
      if (!clean) throw new InvalidArgumentError('origins', origin, 'web origins such as https://partner.example (scheme, host, optional port; no path)');
      return clean;
    });
    const repo = this.db.getRepository(PartnerEntity);
    const partner = await repo.findOneBy({ id: partnerId });
    if (!partner) throw new InvalidArgumentError('partnerId', partnerGlobalId, 'the id of an existing partner');
    partner.allowedOrigins = [...new Set(normalized)];
    await repo.update({ id: partnerId }, { allowedOrigins: partner.allowedOrigins });
    this.changes.committed('partners');
    return partner;
  }
}
