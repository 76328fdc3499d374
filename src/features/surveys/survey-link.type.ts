import { Field, ObjectType } from 'type-graphql';
import { PLAIN_FIELDS } from '../../schema/plain-fields';

@ObjectType('SurveyLink', { ...PLAIN_FIELDS, description: 'An occurrence\'s public survey page (docs/impact.md): a short link and its QR code, for posters, slides and tables at the door.' })
export class SurveyLink {
  @Field(() => String, { description: 'The short code (8 URL-safe characters): the page is /s/<code>.' })
  code!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The page\'s absolute address (PUBLIC_URL, else the address this request reached); null over graphql-ws without PUBLIC_URL.',
  })
  url!: string | null;

  @Field(() => String, { nullable: true, description: 'The QR code of url as an SVG image (/s/<code>.svg); null when url is.' })
  qrSvgUrl!: string | null;
}
