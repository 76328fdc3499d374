import { Field, Int, ObjectType } from 'type-graphql';
import { RegistrationStatus } from './enums';
import { DateTime } from './scalars';

@ObjectType('Registration', { description: 'A party\'s place at a NATIVE event. Name and email are for the event\'s partner only.' })
export class Registration {
  @Field(() => RegistrationStatus)
  status!: RegistrationStatus;

  @Field(() => Int)
  partySize!: number;

  @Field(() => Boolean, { description: 'Checked in by staff.' })
  attended!: boolean;

  @Field(() => DateTime)
  createdAt!: Date;
}
