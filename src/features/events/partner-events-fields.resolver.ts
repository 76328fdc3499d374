import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { Context } from '../../context';
import { EventEntity } from '../../model/event.entity';
import { PartnerEntity } from '../../model/partner.entity';
import { Connection } from '../../schema/connection';
import { EventConnection } from './event-connection.type';
import { EventsArgs } from './events.args';
import { Partner } from '../partners/partner.type';
import { EventService } from './event.service';
import { eventColumnGroupsSelected } from './event-columns';

/** Partner.events belongs to the events feature, as Partner.services belongs to listings. */
@Resolver(() => Partner)
export class PartnerEventsFieldsResolver {
  constructor(private readonly eventService: EventService) {}

  @FieldResolver(() => EventConnection, { description: 'This partner\'s events; the filter\'s partnerIds and partnerSlugs are ignored.' })
  events(
    @Ctx() ctx: Context, @Root() partner: PartnerEntity, @Args(() => EventsArgs) args: EventsArgs, @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<EventEntity>> {
    return this.eventService.list(ctx, args.filter, args, partner.id, eventColumnGroupsSelected(info));
  }
}
