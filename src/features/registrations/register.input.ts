import { Field, ID, InputType, Int } from 'type-graphql';
import { PartyCountInput } from './party-count.type';

@InputType('RegisterInput', { description: 'A party asking for seats at a NATIVE event. No API key is needed.' })
export class RegisterInput {
  @Field(() => ID, { description: 'Global id of a NATIVE event.' })
  eventId!: string;

  @Field(() => String, { description: '1 to 200 characters; shown only to the event\'s partner.' })
  name!: string;

  @Field(() => String, { description: 'An email address (at most 320 characters, compared case-insensitively); shown only to the event\'s partner; one registration per email and event.' })
  email!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'People in the party, 1 to the event\'s maxPartySize. Default: the sum of party when it is given, else 1.',
  })
  partySize?: number | null;

  @Field(() => [PartyCountInput], {
    nullable: true,
    description: 'Optional: who comes, by the event\'s registration.partyCategories (each category once; zeros allowed). '
      + 'The seats taken are the sum, at least 1; partySize may be left out, and when sent must equal the sum.',
  })
  party?: PartyCountInput[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Optional: a fresh random key per registration attempt (a UUID will do: 32 to 128 characters of A-Z, a-z, 0-9, - and _), '
      + 'sent again unchanged when retrying that attempt. A retry answers the registration the first call made, as it is now '
      + '(with the same cancelToken), instead of registering again; the same key with another name, email, partySize or party is CONFLICT. '
      + 'Keep it as secret as the cancel token: it yields it.',
  })
  idempotencyKey?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Optional: SeatHold.holdId from holdSeats. While the hold lasts, a party of its size or smaller registers on the held '
      + 'seats (confirmed, even if a waitlist formed meanwhile); the rest of the hold is freed. An ended or unknown hold counts for nothing: '
      + 'the registration is then like one without it.',
  })
  holdId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Optional: the BCP 47 language tag the registrant reads (e.g. es-MX), for the registration\'s emails. '
      + 'Mail is written in English and Spanish; another tag falls back to its primary language, then to English.',
  })
  language?: string | null;
}

@InputType('CancelRegistrationInput', { description: 'Which registration to cancel, and the proof of owning it.' })
export class CancelRegistrationInput {
  @Field(() => ID, { description: 'Global id of the registration (RegistrationTicket.registration.id).' })
  registrationId!: string;

  @Field(() => String, { description: 'The token handed out with the RegistrationTicket.' })
  cancelToken!: string;
}
