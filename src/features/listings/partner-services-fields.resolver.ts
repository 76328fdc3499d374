import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Context } from '../../context';
import { PartnerEntity } from '../../model/partner.entity';
import { ServiceEntity } from '../../model/service.entity';
import { Connection } from '../../schema/connection';
import { Partner } from '../partners/partner.type';
import { ServiceConnection } from './service-connection.type';
import { ServicesArgs } from './services.args';

@Resolver(() => Partner)
export class PartnerServicesFieldsResolver {
  @FieldResolver(() => ServiceConnection, { description: 'This partner\'s listings; the filter\'s partnerIds is ignored.' })
  services(@Ctx() ctx: Context, @Root() partner: PartnerEntity, @Args(() => ServicesArgs) args: ServicesArgs): Promise<Connection<ServiceEntity>> {
    return ctx.services.listings.list(ctx, args.filter, args, partner.id);
  }
}
