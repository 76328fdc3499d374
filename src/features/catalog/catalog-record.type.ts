import { Field, Int, ObjectType } from 'type-graphql';
import { CatalogFormat } from '../../schema/enums';
import { Node } from '../../schema/node.interface';
import { PLAIN_FIELDS } from '../../schema/plain-fields';

@ObjectType('Isbn', { ...PLAIN_FIELDS, description: 'An ISBN with its qualifier ("pbk.", "v. 2") kept apart.' })
export class Isbn {
  @Field(() => String, { description: 'The ISBN-13, compact (13 digits, no hyphens); ISBN-10s are converted.' })
  isbn13!: string;

  @Field(() => String, { nullable: true, description: 'The ISBN-10 form, for 978- ISBNs.' })
  isbn10!: string | null;

  @Field(() => String, { nullable: true, description: 'What this ISBN identifies, as the record says ("pbk.", "v. 2"); null when unqualified.' })
  qualifier!: string | null;
}

@ObjectType('CatalogLink', { ...PLAIN_FIELDS, description: 'A link the record carries (MARC 856): an e-book, a stream, a table of contents.' })
export class CatalogLink {
  @Field(() => String, { description: 'The http(s) URL.' })
  url!: string;

  @Field(() => String, { nullable: true, description: 'What the link leads to, as the catalog words it; null when unlabelled.' })
  label!: string | null;
}

@ObjectType('CatalogRecord', { ...PLAIN_FIELDS, implements: Node, description: 'A bibliographic record of a library\'s catalog.' })
export class CatalogRecord extends Node {
  @Field(() => String, { description: 'The MARC 001 control number; for a record without one, its fallback id (035:, 020:, 010: or sha256: prefix).' })
  controlNumber!: string;

  @Field(() => String, { description: 'The title (MARC 245 $a $n $p), without the subtitle.' })
  title!: string;

  @Field(() => [String], { description: 'The title in its original script (MARC 880), beside the romanized title.' })
  alternateTitles!: string[];

  @Field(() => String, { nullable: true, description: 'The rest of the title (MARC 245 $b); null when there is none.' })
  subtitle!: string | null;

  @Field(() => String, { nullable: true, description: 'MARC 245 $c, e.g. "by Peter Brown".' })
  statementOfResponsibility!: string | null;

  @Field(() => [String], { description: 'Authors and other creators, persons or bodies (MARC 100, 110, 700, 710), main entry first.' })
  authors!: string[];

  @Field(() => [String], { description: 'ISSNs of serials, hyphenated (NNNN-NNNN).' })
  issns!: string[];

  @Field(() => [String], { description: 'OCLC control numbers (MARC 035 "(OCoLC)"), digits only.' })
  oclcNumbers!: string[];

  @Field(() => [String], { description: 'Subject headings, subdivisions joined with " -- ".' })
  subjects!: string[];

  @Field(() => [String], { description: 'Series statements and added entries (MARC 490, 830).' })
  series!: string[];

  @Field(() => CatalogFormat, { description: 'What kind of item it is.' })
  format!: CatalogFormat;

  @Field(() => String, { nullable: true, description: 'MARC language code (ISO 639-2/B), e.g. eng.' })
  language!: string | null;

  @Field(() => Int, { nullable: true, description: 'Year of publication (MARC 008, else 264/260 $c); null when unknown.' })
  year!: number | null;

  @Field(() => String, { nullable: true, description: 'Publisher name (MARC 264/260 $b); null when not recorded.' })
  publisher!: string | null;

  @Field(() => String, { nullable: true, description: 'Edition statement (MARC 250), e.g. "2nd ed."; null when not recorded.' })
  edition!: string | null;

  @Field(() => String, { nullable: true, description: 'Physical description (MARC 300).' })
  extent!: string | null;

  @Field(() => String, { nullable: true, description: 'Summary or abstract (MARC 520); null when not recorded.' })
  summary!: string | null;

  @Field(() => [CatalogLink], { description: 'Links the record carries (MARC 856), http(s) only.' })
  links!: CatalogLink[];
}
