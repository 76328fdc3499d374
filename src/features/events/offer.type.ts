import { Field, Float, ObjectType } from 'type-graphql';
import { PLAIN_FIELDS } from '../../schema/plain-fields';

@ObjectType({ ...PLAIN_FIELDS, description: 'A schema.org Offer the partner published for an event (price, where to get it, availability).' })
export class Offer {
  @Field(() => String, { nullable: true, description: 'What the offer is for, e.g. "Adult" or "Members"; null when the partner gave no name.' })
  name!: string | null;

  @Field(() => Float, { nullable: true, description: 'Price in `currency`; 0 for a free event.' })
  price!: number | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 currency code, e.g. USD.' })
  currency!: string | null;

  @Field(() => String, { nullable: true, description: 'Where to buy or claim it; null when the partner gave no link.' })
  url!: string | null;

  @Field(() => String, { nullable: true, description: 'schema.org ItemAvailability term, e.g. InStock, SoldOut.' })
  availability!: string | null;
}
