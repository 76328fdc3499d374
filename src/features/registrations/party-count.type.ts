import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { PLAIN_FIELDS } from '../../schema/plain-fields';

@ObjectType('PartyCount', { ...PLAIN_FIELDS, description: 'How many people of one category a party brings.' })
export class PartyCount {
  @Field(() => String, { description: 'A key of the event\'s registration.partyCategories, e.g. children.' })
  category!: string;

  @Field(() => Int, { description: 'People of that category, at least 1 (categories without people are not listed).' })
  count!: number;
}

@InputType('PartyCountInput', { description: 'How many people of one of the event\'s party categories come.' })
export class PartyCountInput {
  @Field(() => String, { description: 'A key of the event\'s registration.partyCategories (default: adults, teens, children, babies).' })
  category!: string;

  @Field(() => Int, { description: 'People of that category, 0 to 100.' })
  count!: number;
}
