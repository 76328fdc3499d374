import { Field, ID, InputType, Int } from 'type-graphql';

@InputType('RegisterInput')
export class RegisterInput {
  @Field(() => ID)
  eventId!: string;

  @Field(() => String, { description: 'Shown only to the event\'s partner.' })
  name!: string;

  @Field(() => String, { description: 'Shown only to the event\'s partner; one registration per email and event.' })
  email!: string;

  @Field(() => Int, { defaultValue: 1, description: 'People in the party, 1 to the event\'s maxPartySize.' })
  partySize!: number;
}

@InputType('CancelRegistrationInput')
export class CancelRegistrationInput {
  @Field(() => ID)
  registrationId!: string;

  @Field(() => String, { description: 'The token handed out with the RegistrationTicket.' })
  cancelToken!: string;
}
