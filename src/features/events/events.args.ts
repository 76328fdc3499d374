import { ArgsType, Field, Int } from 'type-graphql';
import { DEFAULT_PAGE_SIZE } from '../../schema/connection';
import { EventFilter } from './event-filter.input';

@ArgsType()
export class EventsArgs {
  @Field(() => EventFilter, { nullable: true, description: 'Which events; omitted: every event still on at or after now.' })
  filter?: EventFilter | null;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: 'Page size, 0 to 100.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'An endCursor from a previous page.' })
  after?: string | null;
}
