import { Field, ObjectType } from 'type-graphql';
import { PartnerKind } from '../../schema/enums';
import { Node } from '../../schema/node.interface';
import { PLAIN_FIELDS } from '../../schema/plain-fields';

@ObjectType('Partner', { ...PLAIN_FIELDS, implements: Node, description: 'An organization whose programs and data the graph carries.' })
export class Partner extends Node {
  @Field(() => String, { description: 'URL-safe handle, unique, e.g. millbrook-library; used in /embed and feed URLs and in Query.partner(slug:).' })
  slug!: string;

  @Field(() => String, { description: 'The organization\'s name, as it wants it shown.' })
  name!: string;

  @Field(() => PartnerKind, { description: 'What kind of organization this is.' })
  kind!: PartnerKind;

  @Field(() => String, { nullable: true, description: 'The organization\'s own website (http or https URL); null when none was given.' })
  website!: string | null;

  @Field(() => String, { description: 'IANA time zone, e.g. America/Chicago.' })
  timezone!: string;

  @Field(() => [String], {
    description: 'Web origins allowed to frame /embed pages and read feeds from browser scripts (CORS). Empty: any origin.',
  })
  allowedOrigins!: string[];
}
