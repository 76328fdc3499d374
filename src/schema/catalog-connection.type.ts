import { Field, ObjectType } from 'type-graphql';
import { CatalogRecord } from './catalog-record.type';
import { PageInfo } from './page-info.type';

@ObjectType('CatalogRecordEdge')
export class CatalogRecordEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => CatalogRecord)
  node!: CatalogRecord;
}

@ObjectType('CatalogRecordConnection')
export class CatalogRecordConnection {
  @Field(() => [CatalogRecordEdge], { description: 'Best matches first (catalog), or in id order (catalogRecords).' })
  edges!: CatalogRecordEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
