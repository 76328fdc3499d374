import { Field, ObjectType } from 'type-graphql';
import { PartnerKind } from './enums';
import { Node } from './node.interface';

@ObjectType('Partner', { implements: Node, description: 'An organization whose programs and data the graph carries.' })
export class Partner extends Node {
  @Field(() => String)
  slug!: string;

  @Field(() => String)
  name!: string;

  @Field(() => PartnerKind)
  kind!: PartnerKind;

  @Field(() => String, { nullable: true })
  website!: string | null;

  @Field(() => String, { description: 'IANA time zone, e.g. America/Chicago.' })
  timezone!: string;

  @Field(() => [String], {
    description: 'Web origins allowed to frame /embed pages and read feeds from browser scripts (CORS). Empty: any origin.',
  })
  allowedOrigins!: string[];
}
