import { Field, ObjectType } from 'type-graphql';
import { AttendanceMode, Audience, EventStatus } from './enums';
import { Node } from './node.interface';
import { DateTime } from './scalars';

@ObjectType('Event', { implements: Node, description: 'One occurrence of a program, from any partner.' })
export class Event extends Node {
  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true, description: 'Plain text, sanitized at ingest.' })
  description!: string | null;

  @Field(() => DateTime)
  startsAt!: Date;

  @Field(() => DateTime)
  endsAt!: Date;

  @Field(() => Boolean)
  allDay!: boolean;

  @Field(() => String, { nullable: true, description: 'Local start date of an all-day event (YYYY-MM-DD).' })
  startDate!: string | null;

  @Field(() => String, { nullable: true, description: 'Local end date of an all-day event, exclusive (YYYY-MM-DD).' })
  endDate!: string | null;

  @Field(() => String, { description: 'IANA time zone the event is held in.' })
  timezone!: string;

  @Field(() => EventStatus)
  status!: EventStatus;

  @Field(() => AttendanceMode)
  attendanceMode!: AttendanceMode;

  @Field(() => [Audience])
  audiences!: Audience[];

  @Field(() => [String], { description: 'Audience labels exactly as the partner published them.' })
  rawAudiences!: string[];

  @Field(() => [String])
  categories!: string[];

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => String, { nullable: true })
  imageUrl!: string | null;

  @Field(() => String, { nullable: true, description: 'Groups the occurrences of one recurring series.' })
  seriesId!: string | null;

  @Field(() => DateTime, { nullable: true, description: 'Start before the event was rescheduled (schema.org previousStartDate).' })
  previousStartsAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Organizing body named by the partner feed when it is not the partner itself.' })
  organizerName!: string | null;
}
