import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EventChangeType, PartnerKind } from '../../domain/enums';
import { DateTime } from '../../schema/scalars';
import { PLAIN_FIELDS } from '../../schema/plain-fields';

registerEnumType(EventChangeType, {
  name: 'EventChangeType',
  description: 'What happened to an event.',
  valuesConfig: {
    CREATED: { description: 'A new event: created natively, or new in a partner\'s feed.' },
    UPDATED: { description: 'Its content changed (an edit, or a changed feed item).' },
    CANCELLED: { description: 'It was cancelled (status CANCELLED).' },
    REMOVED: { description: 'It left its partner\'s feed; it stays readable, marked CANCELLED.' },
  },
});

@ObjectType('RegistrationCounts', { ...PLAIN_FIELDS, description: 'Seat counts of one event, pushed after every change commits.' })
export class RegistrationCounts {
  @Field(() => Int, { nullable: true, description: 'Seats in total; null means no limit.' })
  capacity!: number | null;

  @Field(() => Int, { description: 'People holding a confirmed seat.' })
  confirmed!: number;

  @Field(() => Int, { description: 'People on the waitlist.' })
  waitlisted!: number;

  @Field(() => Int, { description: 'People whose seats are held while they fill in the form (holdSeats), counted when the change committed.' })
  held!: number;

  @Field(() => Int, { nullable: true, description: 'Seats left (neither confirmed nor held); null when there is no limit.' })
  remaining!: number | null;

  @Field(() => DateTime, { description: 'When the change that produced these counts committed (UTC).' })
  changedAt!: Date;
}

@ObjectType('EventChange', { ...PLAIN_FIELDS, description: 'An event was created, edited, cancelled or removed (native edits and partner syncs).' })
export class EventChange {
  @Field(() => EventChangeType, { description: 'What happened to the event.' })
  type!: EventChangeType;

  @Field(() => PartnerKind, { description: 'The kind of the event\'s partner (what the `kinds` argument filters on).' })
  partnerKind!: PartnerKind;

  @Field(() => DateTime, { description: 'When the change committed (UTC).' })
  changedAt!: Date;
}
