import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { Context } from '../../context';
import { LocationEntity } from '../../model/location.entity';
import { PartnerEntity } from '../../model/partner.entity';
import { toGlobalId } from '../../domain/global-id';
import { Location } from '../../model/location.type';
import { Partner } from './partner.type';
import { PartnerService } from './partner.service';

@Resolver(() => Partner)
export class PartnerFieldsResolver {
  constructor(private readonly partnerService: PartnerService) {}

  @FieldResolver(() => ID, { description: 'Global id of the partner (see Node).' })
  id(@Root() partner: PartnerEntity): string {
    return toGlobalId('Partner', partner.id);
  }

  @FieldResolver(() => [Location], { description: 'The partner\'s places (branches, campuses, sites), as its feeds and staff have named them.' })
  locations(@Ctx() ctx: Context, @Root() partner: PartnerEntity): Promise<LocationEntity[]> {
    return this.partnerService.locationsOf(ctx, partner.id);
  }
}
