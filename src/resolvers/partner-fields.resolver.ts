import { Args, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { Context } from '../context';
import { EventEntity, LocationEntity, PartnerEntity } from '../entities';
import { toGlobalId } from '../domain/global-id';
import { Connection } from '../services/connection';
import { EventConnection } from '../schema/event-connection.type';
import { EventsArgs } from '../schema/events.args';
import { Location } from '../schema/location.type';
import { Partner } from '../schema/partner.type';

@Resolver(() => Partner)
export class PartnerFieldsResolver {
  @FieldResolver(() => ID, { description: 'Global id of the partner (see Node).' })
  id(@Root() partner: PartnerEntity): string {
    return toGlobalId('Partner', partner.id);
  }

  @FieldResolver(() => EventConnection, { description: 'This partner\'s events; the filter\'s partnerIds is ignored.' })
  events(@Ctx() ctx: Context, @Root() partner: PartnerEntity, @Args(() => EventsArgs) args: EventsArgs): Promise<Connection<EventEntity>> {
    return ctx.services.events.list(ctx, args.filter, args, partner.id);
  }

  @FieldResolver(() => [Location], { description: 'The partner\'s places (branches, campuses, sites), as its feeds and staff have named them.' })
  locations(@Ctx() ctx: Context, @Root() partner: PartnerEntity): Promise<LocationEntity[]> {
    return ctx.services.partners.locationsOf(ctx, partner.id);
  }
}
