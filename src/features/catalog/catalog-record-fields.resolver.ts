import { responsePathAsArray } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Context } from '../../context';
import { toIsbn10 } from '../../datasources/shared/isbn';
import { toGlobalId } from '../../domain/global-id';
import { CatalogRecordEntity } from '../../model/catalog-record.entity';
import { EventEntity } from '../../model/event.entity';
import { PartnerEntity } from '../../model/partner.entity';
import { LiveHolding, RecordAvailability, RecordHoldings } from './availability.service';
import { Availability, Holding } from './holding.type';
import { CatalogRecord, Isbn } from './catalog-record.type';
import { Event } from '../events/event.type';
import { Partner } from '../partners/partner.type';
import { AvailabilityService } from './availability.service';
import { CatalogLinksService } from './catalog-links.service';
import { PartnerService } from '../partners/partner.service';

/** Holdings come with a PARTNER_UNAVAILABLE error at this field's path when the library's ILS did not answer. */
function reportFailure(availability: AvailabilityService, ctx: Context, info: GraphQLResolveInfo, result: RecordHoldings): void {
  if (result.failure) (ctx.partialErrors ??= []).push(availability.unavailableError(result.failure, responsePathAsArray(info.path)));
}

@Resolver(() => CatalogRecord)
export class CatalogRecordFieldsResolver {
  constructor(private readonly partnerService: PartnerService, private readonly availabilityService: AvailabilityService, private readonly catalogLinkService: CatalogLinksService) {}

  @FieldResolver(() => ID, { description: 'Global id of the record (see Node).' })
  id(@Root() record: CatalogRecordEntity): string {
    return toGlobalId('CatalogRecord', record.id);
  }

  @FieldResolver(() => [String], { description: 'ISBN-13s, compact (no hyphens).' })
  isbns(@Root() record: CatalogRecordEntity): string[] {
    return record.isbns.map((i) => i.isbn13);
  }

  @FieldResolver(() => [Isbn], { description: 'The same ISBNs with their ISBN-10 form and qualifier.' })
  isbnDetails(@Root() record: CatalogRecordEntity): Isbn[] {
    return record.isbns.map((i) => ({ isbn13: i.isbn13, isbn10: toIsbn10(i.isbn13), qualifier: i.qualifier }));
  }

  @FieldResolver(() => Partner, { description: 'The library whose catalog holds the record.' })
  async library(@Ctx() ctx: Context, @Root() record: CatalogRecordEntity): Promise<PartnerEntity> {
    const partner = await this.partnerService.organizerOf(ctx, record.partnerId);
    if (!partner) throw new Error(`Catalog record ${record.id} references missing partner ${record.partnerId}`);
    return partner;
  }

  @FieldResolver(() => [Holding], { description: 'Copies at this library, with live status from its ILS (one batched call per library per request).' })
  async holdings(@Ctx() ctx: Context, @Root() record: CatalogRecordEntity, @Info() info: GraphQLResolveInfo): Promise<LiveHolding[]> {
    const result = await this.availabilityService.holdingsOf(ctx, record);
    reportFailure(this.availabilityService, ctx, info, result);
    return result.holdings;
  }

  @FieldResolver(() => Availability, { description: 'The copies summed up: live from the ILS when it answers, else as of the last catalog sync.' })
  async availability(@Ctx() ctx: Context, @Root() record: CatalogRecordEntity, @Info() info: GraphQLResolveInfo): Promise<RecordAvailability> {
    const result = await this.availabilityService.holdingsOf(ctx, record);
    reportFailure(this.availabilityService, ctx, info, result);
    return result.availability;
  }

  @FieldResolver(() => [Holding], { description: 'Copies of the same work (same ISBN or OCLC number) at the other libraries.' })
  async otherHoldings(@Ctx() ctx: Context, @Root() record: CatalogRecordEntity, @Info() info: GraphQLResolveInfo): Promise<LiveHolding[]> {
    const others = await this.catalogLinkService.sameWorkElsewhere(ctx, record);
    const results = await Promise.all(others.map((other) => this.availabilityService.holdingsOf(ctx, other)));
    const failed = results.find((r) => r.failure);
    if (failed) reportFailure(this.availabilityService, ctx, info, failed);
    return results.flatMap((r) => r.holdings);
  }

  @FieldResolver(() => [Event], { description: 'Upcoming events that name this work or share its subject (rule in docs/ARCHITECTURE.md).' })
  relatedEvents(
    @Ctx() ctx: Context,
    @Root() record: CatalogRecordEntity,
    @Arg('first', () => Int, { defaultValue: 5, description: 'How many events, best evidence first, then soonest: 0 to 50 (larger values are read as 50).' }) first: number,
  ): Promise<EventEntity[]> {
    return this.catalogLinkService.relatedEvents(ctx, record, Math.max(0, Math.min(first, 50)));
  }
}
