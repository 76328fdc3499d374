import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import { Context } from '../context';
import { EventEntity } from '../model/event.entity';
import { PartnerEntity } from '../model/partner.entity';
import { Connection } from './connection';
import { PartnerKind } from './enums';
import { EventConnection } from '../features/events/event-connection.type';
import { Event } from '../features/events/event.type';
import { EventsArgs } from '../features/events/events.args';
import { Node } from './node.interface';
import { Partner } from '../features/partners/partner.type';
import { EventService } from '../features/events/event.service';
import { eventColumnGroupsSelected } from '../features/events/event-columns';
import { NodeService } from './node.service';
import { PartnerService } from '../features/partners/partner.service';
import { ROOT_LIST_FIELD_NOTE } from './root-list-field';

@Resolver()
export class QueryResolver {
  constructor(private readonly nodeService: NodeService, private readonly partnerService: PartnerService, private readonly eventService: EventService) {}

  @Query(() => Node, { nullable: true, description: 'Refetch any object by its global id.' })
  node(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'A global id, as any object\'s `id` gives it.' }) id: string): Promise<object | null> {
    return this.nodeService.resolve(ctx, id);
  }

  @Query(() => [Partner], { description: 'Every partner, by name.' })
  partners(@Ctx() ctx: Context, @Arg('kind', () => PartnerKind, { nullable: true, description: 'Only partners of this kind; omitted: all.' }) kind?: PartnerKind | null): Promise<PartnerEntity[]> {
    return this.partnerService.list(ctx, kind);
  }

  @Query(() => Partner, { nullable: true, description: 'One partner, by exactly one of slug or id.' })
  partner(
    @Ctx() ctx: Context,
    @Arg('slug', () => String, { nullable: true, description: 'The partner\'s slug, e.g. millbrook-library.' }) slug?: string | null,
    @Arg('id', () => ID, { nullable: true, description: 'The partner\'s global id.' }) id?: string | null,
  ): Promise<PartnerEntity | null> {
    return this.partnerService.find(ctx, { slug, id });
  }

  @Query(() => EventConnection, { nullable: true, description: 'Events of every partner, ordered by start time.' + ROOT_LIST_FIELD_NOTE })
  events(@Ctx() ctx: Context, @Args(() => EventsArgs) args: EventsArgs, @Info() info: GraphQLResolveInfo): Promise<Connection<EventEntity>> {
    return this.eventService.list(ctx, args.filter, args, undefined, eventColumnGroupsSelected(info));
  }

  @Query(() => Event, { nullable: true, description: 'One event by its global id; null when there is none.' })
  event(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'Global id of the event.' }) id: string): Promise<EventEntity | null> {
    return this.eventService.byId(ctx, id);
  }
}
