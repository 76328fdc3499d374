import { ArgsType, Field, Int } from 'type-graphql';
import { DEFAULT_PAGE_SIZE } from '../../schema/connection';
import { ServiceFilter } from './service-filter.input';

@ArgsType()
export class ServicesArgs {
  @Field(() => ServiceFilter, { nullable: true, description: 'Which listings; omitted: every listing that is not DEFUNCT.' })
  filter?: ServiceFilter | null;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: 'Page size, 0 to 100.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'An endCursor from a previous page.' })
  after?: string | null;
}
