import { ArgsType, Field, Int } from 'type-graphql';
import { DEFAULT_PAGE_SIZE } from '../../schema/connection';
import { CatalogFilter } from './catalog-filter.input';

@ArgsType()
export class CatalogRecordsArgs {
  @Field(() => CatalogFilter, { nullable: true, description: 'Narrows the records (formats, languages, libraries, shelf availability); omitted: no narrowing.' })
  filter?: CatalogFilter | null;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: 'Page size, 0 to 100.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'An endCursor from a previous page.' })
  after?: string | null;
}

/** The search adds its words to the listing's arguments. */
@ArgsType()
export class CatalogArgs extends CatalogRecordsArgs {
  @Field(() => String, { description: 'Words of a title, author, subject or series, or an ISBN in any form.' })
  query!: string;
}
