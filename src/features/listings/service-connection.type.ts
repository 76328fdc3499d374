import { Field, ObjectType } from 'type-graphql';
import { PageInfo } from '../../schema/page-info.type';
import { Service } from './service.type';
import { PLAIN_FIELDS } from '../../schema/plain-fields';

@ObjectType('ServiceEdge', { ...PLAIN_FIELDS, description: 'One listing of a page, with its cursor.' })
export class ServiceEdge {
  @Field(() => String, { description: 'Opaque position of this listing in the list; pass it as `after` to read the listings that follow.' })
  cursor!: string;

  @Field(() => Service, { description: 'The listing.' })
  node!: Service;
}

@ObjectType('ServiceConnection', { ...PLAIN_FIELDS, description: 'One page of nonprofit listings (a Relay connection), ordered by name, then id.' })
export class ServiceConnection {
  @Field(() => [ServiceEdge], { description: 'The listings of this page, by name; at most `first` of them.' })
  edges!: ServiceEdge[];

  @Field(() => PageInfo, { description: 'Whether more listings follow, and the cursor to continue from.' })
  pageInfo!: PageInfo;
}
