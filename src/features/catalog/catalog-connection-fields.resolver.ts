import { FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { CatalogRecordEntity } from '../../model/catalog-record.entity';
import { Connection } from '../../schema/connection';
import { CatalogRecordConnection } from './catalog-connection.type';

@Resolver(() => CatalogRecordConnection)
export class CatalogConnectionFieldsResolver {
  @FieldResolver(() => Int, { description: 'Matching records across all pages (one extra query).' })
  totalCount(@Root() connection: Connection<CatalogRecordEntity>): Promise<number> {
    return connection.countTotal();
  }
}
