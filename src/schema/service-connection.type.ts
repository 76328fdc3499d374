import { Field, ObjectType } from 'type-graphql';
import { PageInfo } from './page-info.type';
import { Service } from './service.type';

@ObjectType('ServiceEdge')
export class ServiceEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Service)
  node!: Service;
}

@ObjectType('ServiceConnection')
export class ServiceConnection {
  @Field(() => [ServiceEdge])
  edges!: ServiceEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
