import { Field, ObjectType } from 'type-graphql';
import { CatalogRecord } from './catalog-record.type';
import { PageInfo } from '../../schema/page-info.type';
import { PLAIN_FIELDS } from '../../schema/plain-fields';

@ObjectType('CatalogRecordEdge', { ...PLAIN_FIELDS, description: 'One catalog record of a page, with its cursor.' })
export class CatalogRecordEdge {
  @Field(() => String, { description: 'Opaque position of this record; pass it as `after` to continue the same query or listing.' })
  cursor!: string;

  @Field(() => CatalogRecord, { description: 'The catalog record.' })
  node!: CatalogRecord;
}

@ObjectType('CatalogRecordConnection', { ...PLAIN_FIELDS, description: 'One page of catalog records (a Relay connection).' })
export class CatalogRecordConnection {
  @Field(() => [CatalogRecordEdge], { description: 'Best matches first (catalog), or in id order (catalogRecords).' })
  edges!: CatalogRecordEdge[];

  @Field(() => PageInfo, { description: 'Whether more records follow, and the cursor to continue from.' })
  pageInfo!: PageInfo;
}
