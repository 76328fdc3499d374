import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { Context } from '../../context';
import { EventEntity } from '../../model/event.entity';
import { toGlobalId } from '../../domain/global-id';
import { RegistrationCountsMessage } from '../../pubsub/topics';
import { Event } from '../events/event.type';
import { RegistrationCounts } from './live.types';
import { EventService } from '../events/event.service';

@Resolver(() => RegistrationCounts)
export class RegistrationCountsFieldsResolver {
  constructor(private readonly eventService: EventService) {}

  @FieldResolver(() => ID, { description: 'Global id of the event whose counts these are.' })
  eventId(@Root() message: RegistrationCountsMessage): string {
    return toGlobalId('Event', message.eventId);
  }

  @FieldResolver(() => Event, { nullable: true, description: 'The event as it is now (loaded for this delivery).' })
  event(@Ctx() ctx: Context, @Root() message: RegistrationCountsMessage): Promise<EventEntity | null> {
    return this.eventService.byLocalId(ctx, message.eventId);
  }
}
