import { Field, Float, ObjectType } from 'type-graphql';
import { Node } from './node.interface';

@ObjectType('Location', { implements: Node, description: 'A place where events happen: a branch, a school, a gallery.' })
export class Location extends Node {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  address!: string | null;

  @Field(() => Float, { nullable: true })
  lat!: number | null;

  @Field(() => Float, { nullable: true })
  lon!: number | null;

  @Field(() => String, { nullable: true, description: 'Accessibility notes, as the partner wrote them.' })
  accessibility!: string | null;
}
