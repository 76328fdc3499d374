import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Context } from '../context';
import { EventEntity, PartnerEntity } from '../entities';
import { Connection } from '../services/connection';
import { PartnerKind } from '../schema/enums';
import { EventConnection } from '../schema/event-connection.type';
import { Event } from '../schema/event.type';
import { EventsArgs } from '../schema/events.args';
import { Node } from '../schema/node.interface';
import { Partner } from '../schema/partner.type';

@Resolver()
export class QueryResolver {
  @Query(() => Node, { nullable: true, description: 'Refetch any object by its global id.' })
  node(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<object | null> {
    return ctx.services.nodes.resolve(ctx, id);
  }

  @Query(() => [Partner])
  partners(@Ctx() ctx: Context, @Arg('kind', () => PartnerKind, { nullable: true }) kind?: PartnerKind | null): Promise<PartnerEntity[]> {
    return ctx.services.partners.list(ctx, kind);
  }

  @Query(() => Partner, { nullable: true, description: 'One partner, by exactly one of slug or id.' })
  partner(
    @Ctx() ctx: Context,
    @Arg('slug', () => String, { nullable: true }) slug?: string | null,
    @Arg('id', () => ID, { nullable: true }) id?: string | null,
  ): Promise<PartnerEntity | null> {
    return ctx.services.partners.find(ctx, { slug, id });
  }

  @Query(() => EventConnection, { description: 'Events of every partner, ordered by start time.' })
  events(@Ctx() ctx: Context, @Args(() => EventsArgs) args: EventsArgs): Promise<Connection<EventEntity>> {
    return ctx.services.events.list(ctx, args.filter, args);
  }

  @Query(() => Event, { nullable: true })
  event(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<EventEntity | null> {
    return ctx.services.events.byId(ctx, id);
  }
}
