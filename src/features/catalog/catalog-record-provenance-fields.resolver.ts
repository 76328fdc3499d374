import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Context } from '../../context';
import { CatalogRecordEntity } from '../../model/catalog-record.entity';
import { CatalogRecord } from './catalog-record.type';
import { CatalogRecordProvenance } from '../sources/source.type';
import { SourceService } from '../sources/source.service';

@Resolver(() => CatalogRecord)
export class CatalogRecordProvenanceFieldsResolver {
  constructor(private readonly sourceService: SourceService) {}

  @FieldResolver(() => CatalogRecordProvenance, { description: 'Where the record came from, and whether that source is still answering.' })
  async provenance(@Ctx() ctx: Context, @Root() record: CatalogRecordEntity): Promise<CatalogRecordProvenance> {
    // Every record is synced from a Source, so there is always an answer.
    return (await this.sourceService.provenanceOf(ctx, record))!;
  }
}
