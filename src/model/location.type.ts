import { Field, Float, ObjectType } from 'type-graphql';
import { Node } from '../schema/node.interface';
import { PLAIN_FIELDS } from '../schema/plain-fields';

@ObjectType('Location', { ...PLAIN_FIELDS, implements: Node, description: 'A place where events happen: a branch, a school, a gallery.' })
export class Location extends Node {
  @Field(() => String, { description: 'The place\'s name, e.g. "Main Library" or "Room 204, Lincoln Elementary".' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Street address as one line, as the partner published it; null when unknown.' })
  address!: string | null;

  @Field(() => Float, { nullable: true, description: 'Latitude in decimal degrees (WGS 84); null when the partner published no coordinates (then `near` filters never match it).' })
  lat!: number | null;

  @Field(() => Float, { nullable: true, description: 'Longitude in decimal degrees (WGS 84); null when the partner published no coordinates.' })
  lon!: number | null;

  @Field(() => String, { nullable: true, description: 'Accessibility notes, as the partner wrote them.' })
  accessibility!: string | null;
}
