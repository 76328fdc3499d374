import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Context } from '../../context';
import { PartnerEntity } from '../../model/partner.entity';
import { ServiceEntity } from '../../model/service.entity';
import { Connection } from '../../schema/connection';
import { Partner } from '../partners/partner.type';
import { ServiceConnection } from './service-connection.type';
import { ServicesArgs } from './services.args';
import { ServiceListingService } from './service-listing.service';

@Resolver(() => Partner)
export class PartnerServicesFieldsResolver {
  constructor(private readonly listingService: ServiceListingService) {}

  @FieldResolver(() => ServiceConnection, { description: 'This partner\'s listings; the filter\'s partnerIds and partnerSlugs are ignored.' })
  services(@Ctx() ctx: Context, @Root() partner: PartnerEntity, @Args(() => ServicesArgs) args: ServicesArgs): Promise<Connection<ServiceEntity>> {
    return this.listingService.list(ctx, args.filter, args, partner.id);
  }
}
