import { Field, Int, ObjectType } from 'type-graphql';
import { CatalogFormat } from './enums';
import { Node } from './node.interface';

@ObjectType('Isbn', { description: 'An ISBN with its qualifier ("pbk.", "v. 2") kept apart.' })
export class Isbn {
  @Field(() => String)
  isbn13!: string;

  @Field(() => String, { nullable: true, description: 'The ISBN-10 form, for 978- ISBNs.' })
  isbn10!: string | null;

  @Field(() => String, { nullable: true })
  qualifier!: string | null;
}

@ObjectType('CatalogLink')
export class CatalogLink {
  @Field(() => String)
  url!: string;

  @Field(() => String, { nullable: true })
  label!: string | null;
}

@ObjectType('CatalogRecord', { implements: Node, description: 'A bibliographic record of a library\'s catalog.' })
export class CatalogRecord extends Node {
  @Field(() => String, { description: 'The MARC 001 control number.' })
  controlNumber!: string;

  @Field(() => String)
  title!: string;

  @Field(() => [String], { description: 'The title in its original script (MARC 880), beside the romanized title.' })
  alternateTitles!: string[];

  @Field(() => String, { nullable: true })
  subtitle!: string | null;

  @Field(() => String, { nullable: true, description: 'MARC 245 $c, e.g. "by Peter Brown".' })
  statementOfResponsibility!: string | null;

  @Field(() => [String])
  authors!: string[];

  @Field(() => [String])
  issns!: string[];

  @Field(() => [String])
  oclcNumbers!: string[];

  @Field(() => [String], { description: 'Subject headings, subdivisions joined with " -- ".' })
  subjects!: string[];

  @Field(() => [String])
  series!: string[];

  @Field(() => CatalogFormat)
  format!: CatalogFormat;

  @Field(() => String, { nullable: true, description: 'MARC language code (ISO 639-2/B), e.g. eng.' })
  language!: string | null;

  @Field(() => Int, { nullable: true })
  year!: number | null;

  @Field(() => String, { nullable: true })
  publisher!: string | null;

  @Field(() => String, { nullable: true })
  edition!: string | null;

  @Field(() => String, { nullable: true, description: 'Physical description (MARC 300).' })
  extent!: string | null;

  @Field(() => String, { nullable: true })
  summary!: string | null;

  @Field(() => [CatalogLink])
  links!: CatalogLink[];
}
