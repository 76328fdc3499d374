import { Field, ObjectType } from 'type-graphql';
import { AttendanceMode, Audience, EventStatus } from '../../schema/enums';
import { Node } from '../../schema/node.interface';
import { DateTime } from '../../schema/scalars';
import { PLAIN_FIELDS } from '../../schema/plain-fields';

@ObjectType('Event', { ...PLAIN_FIELDS, implements: Node, description: 'One occurrence of a program, from any partner.' })
export class Event extends Node {
  @Field(() => String, { description: 'The event\'s name, as the partner published it (plain text).' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Plain text, sanitized at ingest.' })
  description!: string | null;

  @Field(() => DateTime, { description: 'When it starts, as a UTC instant; show it in `timezone`. For an all-day event: the start of startDate there.' })
  startsAt!: Date;

  @Field(() => DateTime, { description: 'When it ends, as a UTC instant. For an all-day event: the end of its last day in `timezone`.' })
  endsAt!: Date;

  @Field(() => Boolean, { description: 'The event has dates but no times of day (see startDate and endDate).' })
  allDay!: boolean;

  @Field(() => String, { nullable: true, description: 'Local start date of an all-day event (YYYY-MM-DD).' })
  startDate!: string | null;

  @Field(() => String, { nullable: true, description: 'Local end date of an all-day event, exclusive (YYYY-MM-DD).' })
  endDate!: string | null;

  @Field(() => String, { description: 'IANA time zone the event is held in.' })
  timezone!: string;

  @Field(() => EventStatus, { description: 'Whether it takes place as planned (schema.org eventStatus).' })
  status!: EventStatus;

  @Field(() => AttendanceMode, { description: 'In person, online, or both (schema.org eventAttendanceMode).' })
  attendanceMode!: AttendanceMode;

  @Field(() => [Audience], { description: 'Who it is for, in normalized age bands; empty when the partner said nothing usable.' })
  audiences!: Audience[];

  @Field(() => [String], { description: 'Audience labels exactly as the partner published them.' })
  rawAudiences!: string[];

  @Field(() => [String], { description: 'Subjects or types as the partner tagged them (e.g. "Storytime", "STEM"); match them case-insensitively.' })
  categories!: string[];

  @Field(() => String, { nullable: true, description: 'The event\'s page on the partner\'s own site; null when it has none.' })
  url!: string | null;

  @Field(() => String, { nullable: true, description: 'An image the partner published for the event; null when none.' })
  imageUrl!: string | null;

  @Field(() => String, { nullable: true, description: 'Groups the occurrences of one recurring series.' })
  seriesId!: string | null;

  @Field(() => DateTime, { nullable: true, description: 'Start before the event was rescheduled (schema.org previousStartDate).' })
  previousStartsAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Organizing body named by the partner feed when it is not the partner itself.' })
  organizerName!: string | null;
}
