import { Field, Int, ObjectType } from 'type-graphql';
import { RegistrationStatus } from '../../schema/enums';
import { DateTime } from '../../schema/scalars';
import { PLAIN_FIELDS } from '../../schema/plain-fields';

@ObjectType('Registration', { ...PLAIN_FIELDS, description: 'A party\'s place at a NATIVE event. Name and email are for the event\'s partner only.' })
export class Registration {
  @Field(() => RegistrationStatus, { description: 'Where the party stands: a seat, a waitlist place, or cancelled.' })
  status!: RegistrationStatus;

  @Field(() => Int, { description: 'People in the party (1 to the event\'s maxPartySize); each takes a seat.' })
  partySize!: number;

  @Field(() => DateTime, { nullable: true, description: 'INVITE waitlists: the party is invited to claim a seat until this instant (UTC); null when no invitation is open.' })
  invitedUntil!: Date | null;

  @Field(() => Boolean, { description: 'Checked in by staff.' })
  attended!: boolean;

  @Field(() => DateTime, { description: 'When the party registered (UTC).' })
  createdAt!: Date;
}
