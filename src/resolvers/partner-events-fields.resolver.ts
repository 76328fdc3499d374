import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Context } from '../context';
import { EventEntity, PartnerEntity } from '../entities';
import { Connection } from '../services/connection';
import { EventConnection } from '../schema/event-connection.type';
import { EventsArgs } from '../schema/events.args';
import { Partner } from '../schema/partner.type';

/** Partner.events belongs to the events feature, as Partner.services belongs to listings. */
@Resolver(() => Partner)
export class PartnerEventsFieldsResolver {
  @FieldResolver(() => EventConnection, { description: 'This partner\'s events; the filter\'s partnerIds is ignored.' })
  events(@Ctx() ctx: Context, @Root() partner: PartnerEntity, @Args(() => EventsArgs) args: EventsArgs): Promise<Connection<EventEntity>> {
    return ctx.services.events.list(ctx, args.filter, args, partner.id);
  }
}
