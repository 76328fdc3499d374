import { Field, ObjectType } from 'type-graphql';
import { Event } from './event.type';
import { PageInfo } from '../../schema/page-info.type';
import { PLAIN_FIELDS } from '../../schema/plain-fields';

@ObjectType('EventEdge', { ...PLAIN_FIELDS, description: 'One event of a page, with its cursor.' })
export class EventEdge {
  @Field(() => String, { description: 'Opaque position of this event in the list; pass it as `after` to read the events that follow.' })
  cursor!: string;

  @Field(() => Event, { description: 'The event.' })
  node!: Event;
}

@ObjectType('EventConnection', { ...PLAIN_FIELDS, description: 'One page of events (a Relay connection), ordered by start time, then id.' })
export class EventConnection {
  @Field(() => [EventEdge], { description: 'The events of this page, earliest start first; at most `first` of them.' })
  edges!: EventEdge[];

  @Field(() => PageInfo, { description: 'Whether more events follow, and the cursor to continue from.' })
  pageInfo!: PageInfo;
}
