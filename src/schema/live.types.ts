import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EventChangeType, PartnerKind } from '../domain/enums';
import { DateTime } from './scalars';

registerEnumType(EventChangeType, {
  name: 'EventChangeType',
  description: 'REMOVED: the event left its partner\'s feed (it stays readable, marked removed).',
});

@ObjectType('RegistrationCounts', { description: 'Seat counts of one event, pushed after every change commits.' })
export class RegistrationCounts {
  @Field(() => Int, { nullable: true, description: 'Seats in total; null means no limit.' })
  capacity!: number | null;

  @Field(() => Int)
  confirmed!: number;

  @Field(() => Int)
  waitlisted!: number;

  @Field(() => Int, { nullable: true, description: 'Seats left; null when there is no limit.' })
  remaining!: number | null;

  @Field(() => DateTime)
  changedAt!: Date;
}

@ObjectType('EventChange', { description: 'An event was created, edited, cancelled or removed (native edits and partner syncs).' })
export class EventChange {
  @Field(() => EventChangeType)
  type!: EventChangeType;

  @Field(() => PartnerKind)
  partnerKind!: PartnerKind;

  @Field(() => DateTime)
  changedAt!: Date;
}
