import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../context';
import { Audience } from '../../domain/enums';
import { ServiceArea } from '../../domain/survey';
import { LocationEntity } from '../../model/location.entity';
import { Location } from '../../model/location.type';
import { PartnerEntity } from '../../model/partner.entity';
import { DateTime } from '../../schema/scalars';
import { Partner } from '../partners/partner.type';
import { PartnerService } from '../partners/partner.service';
import { ImpactDimension, ImpactFigures as Figures } from './impact-figures';
import { ImpactGroup, ImpactReport } from './impact.type';
import { ImpactService } from './impact.service';

/** A row of the breakdown as the schema reads it: each dimension's value under its own name. */
export interface ImpactGroupRow {
  partnerId: string | null;
  seriesKey: string | null;
  seriesTitle: string | null;
  category: string | null;
  audience: Audience | null;
  month: string | null;
  locationId: string | null;
  serviceArea: ServiceArea | null;
  figures: Figures;
}

@Resolver(() => ImpactReport)
export class ImpactResolver {
  constructor(private readonly impactService: ImpactService) {}

  @Query(() => ImpactReport, {
    description: 'What programs did over a range, for staff: an ADMIN key over any partners, a PARTNER key over its own. Occurrences '
      + 'count by their start; each joint occurrence counts once in the totals. Counts only: no person and no answer joined to one.',
  })
  async impact(
    @Ctx() ctx: Context,
    @Arg('from', () => DateTime, { description: 'Occurrences starting at or after this instant.' }) from: Date,
    @Arg('to', () => DateTime, { description: 'Occurrences starting before this instant; at most 400 days after from.' }) to: Date,
    @Arg('partnerIds', () => [ID], { nullable: true, description: 'Only these partners; omitted: every partner the key acts for.' }) partnerIds?: string[] | null,
    @Arg('groupBy', () => [ImpactDimension], { nullable: true, description: 'The breakdown, each dimension once; omitted or empty: totals only.' }) groupBy?: ImpactDimension[] | null,
  ): Promise<object> {
    const report = await this.impactService.report(ctx, { from, to, partnerIds, groupBy });
    const dimensions = [...new Set(groupBy ?? [])];
    const rows: ImpactGroupRow[] = report.groups.map((g) => ({
      partnerId: g.key.PARTNER ?? null,
      seriesKey: g.key.SERIES ?? null,
      seriesTitle: g.key.SERIES ? g.firstTitle : null,
      category: g.key.CATEGORY ?? null,
      audience: (g.key.AUDIENCE as Audience | undefined) ?? null,
      month: g.key.MONTH ?? null,
      locationId: g.key.BRANCH ?? null,
      serviceArea: (g.key.SERVICE_AREA as ServiceArea | undefined) ?? null,
      figures: g.figures,
    }));
    return { from, to, groupBy: dimensions, totals: report.totals, groups: rows };
  }
}

@Resolver(() => ImpactGroup)
export class ImpactGroupFieldsResolver {
  constructor(private readonly partners: PartnerService) {}

  @FieldResolver(() => Partner, { nullable: true, description: 'PARTNER: the partner.' })
  partner(@Ctx() ctx: Context, @Root() row: ImpactGroupRow): Promise<PartnerEntity | null> {
    return row.partnerId ? this.partners.organizerOf(ctx, row.partnerId) : Promise.resolve(null);
  }

  @FieldResolver(() => Location, { nullable: true, description: 'BRANCH: where its occurrences take place; null when not asked for or no place was named.' })
  branch(@Ctx() ctx: Context, @Root() row: ImpactGroupRow): Promise<LocationEntity | null> {
    return this.partners.locationOf(ctx, row.locationId);
  }
}
