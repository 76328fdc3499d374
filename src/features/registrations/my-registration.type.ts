import { Field, Int, ObjectType } from 'type-graphql';
import { RegistrationStatus } from '../../schema/enums';
import { PLAIN_FIELDS } from '../../schema/plain-fields';
import { DateTime } from '../../schema/scalars';

/**
 * A registration as its cancel token's holder sees it. A type of its own, not Registration, so no
 * name, email or other personal field can ever be selected through a bearer token: whoever holds the
 * token (a forwarded email, a shared screen) learns the place, never the person.
 */
@ObjectType('MyRegistration', {
  ...PLAIN_FIELDS,
  description: 'A registration as the holder of its cancel token sees it: the event, the party size and where it stands. No personal data.',
})
export class MyRegistration {
  @Field(() => RegistrationStatus, { description: 'Where the party stands: a seat, a waitlist place, or cancelled.' })
  status!: RegistrationStatus;

  @Field(() => Int, { description: 'People in the party; each takes a seat.' })
  partySize!: number;

  @Field(() => DateTime, {
    nullable: true,
    description: 'INVITE waitlists: a seat is offered and held until this instant (UTC); claimInvitation takes it. Null when no invitation is open.',
  })
  invitedUntil!: Date | null;
}
