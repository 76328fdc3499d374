import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { EventEntity } from '../../model/event.entity';
import { Event } from './event.type';
import { CreateEventInput, UpdateEventInput } from './native-event.input';
import { NativeEventService } from './native-event.service';

/** Partners' own events: PARTNER key of that partner, or ADMIN (checked in the service). */
@Resolver()
export class NativeEventResolver {
  constructor(private readonly nativeEventService: NativeEventService) {}

  @Mutation(() => Event, { description: 'Create an event the partner runs itself, with registration through this API (NATIVE). The partner\'s PARTNER key or an ADMIN key.' })
  createEvent(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateEventInput, { description: 'The new event; its partnerId decides which key may create it.' }) input: CreateEventInput,
  ): Promise<EventEntity> {
    return this.nativeEventService.create(ctx, input);
  }

  @Mutation(() => Event, {
    description: 'Edit one of your NATIVE events (not once cancelled: CONFLICT); events from feeds change at their source. '
      + 'The partner\'s PARTNER key or an ADMIN key.',
  })
  updateEvent(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: 'Global id of a NATIVE event of the caller\'s partner.' }) id: string,
    @Arg('input', () => UpdateEventInput, { description: 'The fields to change.' }) input: UpdateEventInput,
  ): Promise<EventEntity> {
    return this.nativeEventService.update(ctx, id, input);
  }

  @Mutation(() => Event, { description: 'Cancel one of your NATIVE events; registrations are kept for staff. The partner\'s PARTNER key or an ADMIN key.' })
  cancelEvent(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'Global id of a NATIVE event of the caller\'s partner.' }) id: string): Promise<EventEntity> {
    return this.nativeEventService.cancel(ctx, id);
  }
}
