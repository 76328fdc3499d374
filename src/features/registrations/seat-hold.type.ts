import { createUnionType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateTime } from '../../schema/scalars';
import { PLAIN_FIELDS } from '../../schema/plain-fields';
import { RegistrationRejected } from './register-payload.type';

@ObjectType('SeatHold', {
  ...PLAIN_FIELDS,
  description: 'Seats set aside while a form is filled in: nobody else can take them until expiresAt. Send holdId with register to '
    + 'register on them; after expiresAt they are free again by themselves.',
})
export class SeatHold {
  @Field(() => String, { description: 'What register (RegisterInput.holdId) and releaseSeatHold take; whoever has it may use the seats.' })
  holdId!: string;

  @Field(() => ID, { description: 'Global id of the event.' })
  eventId!: string;

  @Field(() => Int, { description: 'People the seats are held for.' })
  partySize!: number;

  @Field(() => DateTime, { description: 'When the hold ends: 10 minutes plus a minute per person after it was made (UTC).' })
  expiresAt!: Date;
}

export const HoldSeatsPayload = createUnionType({
  name: 'HoldSeatsPayload',
  description: 'The answer to holdSeats: the hold, or a typed refusal (WAITLIST_ONLY when only the waitlist has room).',
  types: () => [SeatHold, RegistrationRejected] as const,
  resolveType: (value) => ('holdId' in value ? 'SeatHold' : 'RegistrationRejected'),
});

@InputType('HoldSeatsInput', { description: 'Seats to hold at a NATIVE event while the party fills in the form. No API key is needed.' })
export class HoldSeatsInput {
  @Field(() => ID, { description: 'Global id of a NATIVE event.' })
  eventId!: string;

  @Field(() => Int, { defaultValue: 1, description: 'People in the party, 1 to the event\'s maxPartySize.' })
  partySize!: number;
}

@InputType('ReleaseSeatHoldInput', { description: 'A hold to end early (the form was closed).' })
export class ReleaseSeatHoldInput {
  @Field(() => ID, { description: 'Global id of the event.' })
  eventId!: string;

  @Field(() => String, { description: 'SeatHold.holdId.' })
  holdId!: string;
}
