import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Context } from '../../context';
import { EventEntity } from '../../model/event.entity';
import { Event } from './event.type';
import { EventProvenance } from '../sources/source.type';

@Resolver(() => Event)
export class EventProvenanceFieldsResolver {
  @FieldResolver(() => EventProvenance, { nullable: true, description: 'Where a synced event came from; null for events entered natively.' })
  provenance(@Ctx() ctx: Context, @Root() event: EventEntity): Promise<EventProvenance | null> {
    return ctx.services.sources.provenanceOf(ctx, event);
  }
}
