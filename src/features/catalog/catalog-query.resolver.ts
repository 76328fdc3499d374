import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { CatalogRecordEntity } from '../../model/catalog-record.entity';
import { Connection } from '../../schema/connection';
import { CatalogArgs, CatalogRecordsArgs } from './catalog.args';
import { CatalogRecordConnection } from './catalog-connection.type';
import { CatalogRecord } from './catalog-record.type';
import { CatalogService } from './catalog.service';
import { ROOT_LIST_FIELD_NOTE } from '../../schema/root-list-field';

@Resolver()
export class CatalogQueryResolver {
  constructor(private readonly catalogService: CatalogService) {}

  @Query(() => CatalogRecordConnection, { nullable: true, description: 'Search every library\'s catalog, best matches first.' + ROOT_LIST_FIELD_NOTE })
  catalog(@Ctx() ctx: Context, @Args(() => CatalogArgs) args: CatalogArgs): Promise<Connection<CatalogRecordEntity>> {
    return this.catalogService.search(ctx, args.query, args.filter, args);
  }

  @Query(() => CatalogRecordConnection, {
    nullable: true,
    description: 'Every library\'s catalog records in a stable order (by id), for harvesting page by page.' + ROOT_LIST_FIELD_NOTE,
  })
  catalogRecords(@Ctx() ctx: Context, @Args(() => CatalogRecordsArgs) args: CatalogRecordsArgs): Promise<Connection<CatalogRecordEntity>> {
    return this.catalogService.list(ctx, args.filter, args);
  }

  @Query(() => CatalogRecord, { nullable: true, description: 'One catalog record (null once its library deleted it).' })
  record(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'Global id of the catalog record.' }) id: string): Promise<CatalogRecordEntity | null> {
    return this.catalogService.byId(ctx, id);
  }
}
