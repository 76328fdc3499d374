import { Field, Float, Int, ObjectType } from 'type-graphql';
import { AttentionReason } from '../../schema/enums';
import { PLAIN_FIELDS } from '../../schema/plain-fields';
import { Event } from '../events/event.type';

@ObjectType('SeatTotals', { ...PLAIN_FIELDS, description: 'Seats and people over a set of events that take registrations with a seat limit.' })
export class SeatTotals {
  @Field(() => Int, { description: 'Events counted.' })
  events!: number;

  @Field(() => Int, { description: 'Seats offered: the sum of their capacities.' })
  seats!: number;

  @Field(() => Int, { description: 'People holding a seat.' })
  confirmed!: number;

  @Field(() => Int, { description: 'People on the waiting lists.' })
  waitlisted!: number;

  @Field(() => Int, { description: 'People checked in at the door.' })
  attended!: number;

  @Field(() => Float, { nullable: true, description: 'confirmed ÷ seats, from 0 to 1; null when there are no seats.' })
  fillRate!: number | null;
}

@ObjectType('ProgramOverview', { ...PLAIN_FIELDS, description: 'One program: the occurrences of a recurring series together, or a one-off event.' })
export class ProgramOverview {
  @Field(() => String, { description: 'The series id (Event.seriesId), or the event\'s own id for a one-off.' })
  key!: string;

  @Field(() => String, { description: 'The title of its first occurrence.' })
  title!: string;

  @Field(() => [Event], { description: 'Its occurrences in the range, in start order.' })
  occurrences!: Event[];

  @Field(() => SeatTotals, { description: 'Seats and people over those occurrences.' })
  totals!: SeatTotals;
}

@ObjectType('AttentionItem', { ...PLAIN_FIELDS, description: 'An event a program manager should look at now, and why.' })
export class AttentionItem {
  @Field(() => Event, { description: 'The event.' })
  event!: Event;

  @Field(() => AttentionReason, { description: 'Why it needs a look.' })
  reason!: AttentionReason;
}

@ObjectType('RegistrationOverview', { ...PLAIN_FIELDS, description: 'Registrations over a range of events: totals, one row per program, and what needs attention.' })
export class RegistrationOverview {
  @Field(() => SeatTotals, { description: 'Over every counted event.' })
  totals!: SeatTotals;

  @Field(() => [ProgramOverview], { description: 'One row per program, in the order each first occurs.' })
  programs!: ProgramOverview[];

  @Field(() => [AttentionItem], { description: 'Full with no waiting list, under a quarter filled within 72 hours, or registration not open yet within a week; in start order.' })
  needsAttention!: AttentionItem[];

  @Field(() => Boolean, { description: 'False when more events matched than one overview reads (500): narrow the filter for exact totals.' })
  complete!: boolean;
}
