import { createUnionType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RegistrationRejectionCode } from './registration-programs';
import { Registration } from './registration.type';
import { PLAIN_FIELDS } from '../../schema/plain-fields';

registerEnumType(RegistrationRejectionCode, {
  name: 'RegistrationRejectionCode',
  description: 'Why a registration was refused; expected outcomes, not errors.',
  valuesConfig: {
    EVENT_FULL: { description: 'Every seat and waitlist place is taken.' },
    REGISTRATION_CLOSED: { description: 'Outside the registration window, or the event is over or postponed.' },
    NOT_REGISTRABLE: { description: 'The event registers elsewhere (EXTERNAL) or needs no registration (NONE).' },
    ALREADY_REGISTERED: { description: 'This email already holds a registration for this event. Answered only to the event\'s own staff (its PARTNER key or ADMIN): the public answer never depends on whether an email is known.' },
    EVENT_CANCELLED: { description: 'The event is cancelled.' },
    PARTY_TOO_LARGE: { description: 'The party is larger than the event\'s maxPartySize.' },
    WAITLIST_ONLY: { description: 'holdSeats only: no seat is free to hold, but the waitlist has places; register to join it.' },
  },
});

@ObjectType('RegistrationTicket', { ...PLAIN_FIELDS, description: 'A CONFIRMED or WAITLISTED registration, and the only copy of its cancel token. A retry with the same '
  + 'RegisterInput.idempotencyKey answers the same registration as it is now (perhaps since promoted or CANCELLED), with the same token.' })
export class RegistrationTicket {
  @Field(() => Registration, { description: 'The registration: CONFIRMED with seats, or WAITLISTED with its waitlistPosition.' })
  registration!: Registration;

  @Field(() => String, { description: 'Keep it: cancelling needs it, and only its hash is stored.' })
  cancelToken!: string;
}

@ObjectType('RegistrationRejected', { ...PLAIN_FIELDS, description: 'The registration was refused for an expected reason; nothing was stored.' })
export class RegistrationRejected {
  @Field(() => RegistrationRejectionCode, { description: 'Why, for programs to branch on.' })
  code!: RegistrationRejectionCode;

  @Field(() => String, { description: 'Why, in a sentence to show the person registering (English).' })
  message!: string;
}

export const RegisterPayload = createUnionType({
  name: 'RegisterPayload',
  description: 'The answer to register: a ticket, or a typed rejection (an expected outcome, not an error).',
  types: () => [RegistrationTicket, RegistrationRejected] as const,
  resolveType: (value) => ('cancelToken' in value ? 'RegistrationTicket' : 'RegistrationRejected'),
});

@ObjectType('CancelPayload', { ...PLAIN_FIELDS, description: 'A cancelled registration, and what it freed.' })
export class CancelPayload {
  @Field(() => Registration, { description: 'Now CANCELLED.' })
  registration!: Registration;

  @Field(() => Int, { description: 'Waitlisted registrations this cancellation confirmed.' })
  promoted!: number;
}
