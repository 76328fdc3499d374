import { DataSource } from 'typeorm';
import { Context } from '../context';
import { LocationEntity, PartnerEntity } from '../entities';
import { PartnerKind } from '../domain/enums';
import { InvalidArgumentError } from '../domain/errors';
import { localIdOf } from '../domain/global-id';

export class PartnerService {
  constructor(private readonly db: DataSource) {}

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
}
