import { Field, ObjectType } from 'type-graphql';
import { PLAIN_FIELDS } from './plain-fields';

@ObjectType('PageInfo', { ...PLAIN_FIELDS, description: 'Where a page of a connection sits. Pages go forward only: ask for the next one with `after: endCursor`.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'More items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'True when this page was asked for with `after` (items come before it).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of this page; null when the page is empty.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of this page, to pass as `after` for the next page; null when the page is empty.' })
  endCursor!: string | null;
}
