import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Context } from '../../context';
import { EventEntity } from '../../model/event.entity';
import { Event } from './event.type';
import { EventProvenance } from '../sources/source.type';
import { SourceService } from '../sources/source.service';

@Resolver(() => Event)
export class EventProvenanceFieldsResolver {
  constructor(private readonly sourceService: SourceService) {}

  @FieldResolver(() => EventProvenance, { nullable: true, description: 'Where a synced event came from; null for events entered natively.' })
  provenance(@Ctx() ctx: Context, @Root() event: EventEntity): Promise<EventProvenance | null> {
    return this.sourceService.provenanceOf(ctx, event);
  }
}
