import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Context } from '../../context';
import { HoldingStatus } from '../../datasources/shared/catalog-item';
import { LocationEntity } from '../../model/location.entity';
import { PartnerEntity } from '../../model/partner.entity';
import { LiveHolding } from './availability.service';
import { Holding } from './holding.type';
import { Location } from '../../model/location.type';
import { Partner } from '../partners/partner.type';
import { PartnerService } from '../partners/partner.service';

@Resolver(() => Holding)
export class HoldingFieldsResolver {
  constructor(private readonly partnerService: PartnerService) {}

  @FieldResolver(() => Boolean)
  availableNow(@Root() holding: LiveHolding): boolean {
    return holding.status === HoldingStatus.AVAILABLE;
  }

  @FieldResolver(() => Partner, { description: 'The library that owns the copy.' })
  async library(@Ctx() ctx: Context, @Root() holding: LiveHolding): Promise<PartnerEntity> {
    const partner = await this.partnerService.organizerOf(ctx, holding.partnerId);
    if (!partner) throw new Error(`Holding ${holding.id} references missing partner ${holding.partnerId}`);
    return partner;
  }

  @FieldResolver(() => Location, { nullable: true, description: 'The branch (the library\'s Location whose code is the branch code).' })
  location(@Ctx() ctx: Context, @Root() holding: LiveHolding): Promise<LocationEntity | null> {
    return this.partnerService.locationOf(ctx, holding.locationId);
  }
}
