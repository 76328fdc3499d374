import { Field, ObjectType } from 'type-graphql';
import { PLAIN_FIELDS } from '../../schema/plain-fields';

@ObjectType('Language', { ...PLAIN_FIELDS, description: 'A language a service is offered in, however the directory spelled it ("Spanish", "es", "spa").' })
export class Language {
  @Field(() => String, { description: 'BCP 47 tag, canonical (`es`, `zh-Hant`, `ase`); `und` when the published text names no language known to Unicode CLDR.' })
  tag!: string;

  @Field(() => String, { description: 'Name in English ("Spanish"); the published text when the tag is `und`.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Name in the language itself ("español"), for a language picker; null when CLDR has none.' })
  nativeName!: string | null;
}
