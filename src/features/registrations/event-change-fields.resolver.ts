import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { Context } from '../../context';
import { EventEntity } from '../../model/event.entity';
import { toGlobalId } from '../../domain/global-id';
import { EventChangeMessage } from '../../pubsub/topics';
import { Event } from '../events/event.type';
import { EventChange } from './live.types';
import { EventService } from '../events/event.service';

@Resolver(() => EventChange)
export class EventChangeFieldsResolver {
  constructor(private readonly eventService: EventService) {}

  @FieldResolver(() => ID, { description: 'Global id of the event that changed (still given once the event is gone).' })
  eventId(@Root() message: EventChangeMessage): string {
    return toGlobalId('Event', message.eventId);
  }

  @FieldResolver(() => Event, { nullable: true, description: 'The event as it is now (loaded for this delivery); null once deleted.' })
  event(@Ctx() ctx: Context, @Root() message: EventChangeMessage): Promise<EventEntity | null> {
    return this.eventService.byLocalId(ctx, message.eventId);
  }
}
