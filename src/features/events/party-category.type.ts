import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { PLAIN_FIELDS } from '../../schema/plain-fields';

@ObjectType('PartyCategory', { ...PLAIN_FIELDS, description: 'A kind of people a party is counted by at this event (adults, teens, …).' })
export class PartyCategory {
  @Field(() => String, { description: 'What RegisterInput.party names and Registration.party reports, e.g. adults.' })
  key!: string;

  @Field(() => String, { description: 'What registrants read, e.g. Adults.' })
  label!: string;
}

@InputType('PartyCategoryInput', { description: 'A kind of people the event\'s parties are counted by.' })
export class PartyCategoryInput {
  @Field(() => String, { description: '1 to 32 characters: a-z first, then a-z, 0-9 or _; each key once per event.' })
  key!: string;

  @Field(() => String, { description: 'What registrants read: 1 to 60 characters, trimmed.' })
  label!: string;
}

@ObjectType('CategoryCount', { ...PLAIN_FIELDS, description: 'People counted in one party category (attendance and impact figures).' })
export class CategoryCount {
  @Field(() => String, { description: 'A party category key (adults, teens, …), or uncategorised for people counted without one.' })
  category!: string;

  @Field(() => Int, { description: 'People in it, at least 1 (categories without people are not listed).' })
  count!: number;
}
