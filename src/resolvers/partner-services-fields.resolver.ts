import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Context } from '../context';
import { PartnerEntity, ServiceEntity } from '../entities';
import { Connection } from '../services/connection';
import { Partner } from '../schema/partner.type';
import { ServiceConnection } from '../schema/service-connection.type';
import { ServicesArgs } from '../schema/services.args';

@Resolver(() => Partner)
export class PartnerServicesFieldsResolver {
  @FieldResolver(() => ServiceConnection, { description: 'This partner\'s listings; the filter\'s partnerIds is ignored.' })
  services(@Ctx() ctx: Context, @Root() partner: PartnerEntity, @Args(() => ServicesArgs) args: ServicesArgs): Promise<Connection<ServiceEntity>> {
    return ctx.services.listings.list(ctx, args.filter, args, partner.id);
  }
}
