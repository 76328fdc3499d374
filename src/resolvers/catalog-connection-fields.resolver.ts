import { FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { CatalogRecordEntity } from '../entities';
import { Connection } from '../services/connection';
import { CatalogRecordConnection } from '../schema/catalog-connection.type';

@Resolver(() => CatalogRecordConnection)
export class CatalogConnectionFieldsResolver {
  @FieldResolver(() => Int, { description: 'Matching records across all pages (one extra query).' })
  totalCount(@Root() connection: Connection<CatalogRecordEntity>): Promise<number> {
    return connection.countTotal();
  }
}
