import { Field, ObjectType } from 'type-graphql';
import { Event } from './event.type';
import type { EventEntity } from '../../model/event.entity';

/** What the series mutations answer: the series and its occurrences, in start order. */
export interface EventSeriesValue { seriesId: string; occurrences: EventEntity[] }

@ObjectType('EventSeries', { description: 'A recurring program a partner runs itself: one Event per occurrence.' })
export class EventSeries {
  @Field(() => String, { description: 'Shared by every occurrence (Event.seriesId); names the series in updateEventSeries.' })
  seriesId!: string;

  @Field(() => [Event], { description: 'Every occurrence of the series, cancelled ones included, in start order.' })
  occurrences!: Event[];
}
