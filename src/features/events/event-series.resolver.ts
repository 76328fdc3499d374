import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { EventSeries, EventSeriesValue } from './event-series.type';
import { CreateEventSeriesInput } from './event-series.input';
import { EventSeriesService } from './event-series.service';
import { UpdateEventInput } from './native-event.input';

/** Partners' own recurring programs: PARTNER key of that partner, or ADMIN (checked in the service). */
@Resolver()
export class EventSeriesResolver {
  constructor(private readonly eventSeriesService: EventSeriesService) {}

  @Mutation(() => EventSeries, {
    description: 'Create a recurring NATIVE program: one Event per occurrence of the rule, all in one go, each with its own seats and waitlist. '
      + 'The partner\'s PARTNER key or an ADMIN key.',
  })
  createEventSeries(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateEventSeriesInput, { description: 'The first occurrence and the rule; its partnerId decides which key may create it.' }) input: CreateEventSeriesInput,
  ): Promise<EventSeriesValue> {
    return this.eventSeriesService.create(ctx, input);
  }

  @Mutation(() => EventSeries, {
    description: 'Change every occurrence of one of your NATIVE series that has not started (cancelled ones stay as they are), '
      + 'except the fields an occurrence was given on its own with updateEvent (Event.overriddenFields). All or none: a capacity one occurrence '
      + 'cannot take (below its confirmed seats) changes none. Times and registration instants are per occurrence (BAD_USER_INPUT here). '
      + 'The partner\'s PARTNER key or an ADMIN key.',
  })
  updateEventSeries(
    @Ctx() ctx: Context,
    @Arg('seriesId', () => ID, { description: 'The series (Event.seriesId) of one of the caller\'s partner\'s NATIVE series.' }) seriesId: string,
    @Arg('input', () => UpdateEventInput, { description: 'The fields to change.' }) input: UpdateEventInput,
  ): Promise<EventSeriesValue> {
    return this.eventSeriesService.update(ctx, seriesId, input);
  }
}
