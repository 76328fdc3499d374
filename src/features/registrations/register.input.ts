import { Field, ID, InputType, Int } from 'type-graphql';

@InputType('RegisterInput', { description: 'A party asking for seats at a NATIVE event. No API key is needed.' })
export class RegisterInput {
  @Field(() => ID, { description: 'Global id of a NATIVE event.' })
  eventId!: string;

  @Field(() => String, { description: '1 to 200 characters; shown only to the event\'s partner.' })
  name!: string;

  @Field(() => String, { description: 'An email address (at most 320 characters, compared case-insensitively); shown only to the event\'s partner; one registration per email and event.' })
  email!: string;

  @Field(() => Int, { defaultValue: 1, description: 'People in the party, 1 to the event\'s maxPartySize.' })
  partySize!: number;
}

@InputType('CancelRegistrationInput', { description: 'Which registration to cancel, and the proof of owning it.' })
export class CancelRegistrationInput {
  @Field(() => ID, { description: 'Global id of the registration (RegistrationTicket.registration.id).' })
  registrationId!: string;

  @Field(() => String, { description: 'The token handed out with the RegistrationTicket.' })
  cancelToken!: string;
}
