import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Context } from '../../context';
import { CatalogRecordEntity } from '../../model/catalog-record.entity';
import { EventEntity } from '../../model/event.entity';
import { CatalogRecord } from './catalog-record.type';
import { Event } from '../events/event.type';
import { CatalogLinksService } from './catalog-links.service';

@Resolver(() => Event)
export class EventCatalogFieldsResolver {
  constructor(private readonly catalogLinkService: CatalogLinksService) {}

  @FieldResolver(() => [CatalogRecord], { description: 'Catalog records the event names (ISBN or title) or whose subjects match its categories (rule in docs/ARCHITECTURE.md).' })
  relatedRecords(
    @Ctx() ctx: Context,
    @Root() event: EventEntity,
    @Arg('first', () => Int, { defaultValue: 5, description: 'How many records, best evidence first: 0 to 50 (larger values are read as 50).' }) first: number,
  ): Promise<CatalogRecordEntity[]> {
    return this.catalogLinkService.relatedRecords(ctx, event, Math.max(0, Math.min(first, 50)));
  }
}
