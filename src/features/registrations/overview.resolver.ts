import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../context';
import { PartnerEntity } from '../../model/partner.entity';
import { EventFilter } from '../events/event-filter.input';
import { EventService } from '../events/event.service';
import { Partner } from '../partners/partner.type';
import { PartnerService } from '../partners/partner.service';
import { hasSeats, ProgramOverview as Program, registrationOverview, RegistrationOverview as Overview } from './overview';
import { ProgramOverview, RegistrationOverview } from './overview.type';

/** Events one overview reads at most, and pages it may pass over events without seats. */
export const OVERVIEW_MAX_EVENTS = 500;
const PAGES_WITHOUT_SEATS = 20;

@Resolver(() => RegistrationOverview)
export class RegistrationOverviewResolver {
  constructor(private readonly events: EventService) {}

  @Query(() => RegistrationOverview, {
    description: 'The program dashboard\'s numbers: seats and people over the events matching the filter that take registrations with a seat limit. Counts only, no personal data.',
  })
  async registrationOverview(
    @Ctx() ctx: Context,
    @Arg('filter', () => EventFilter, { nullable: true, description: 'Which events; omitted: every event still on at or after now.' }) filter?: EventFilter | null,
  ): Promise<Overview & { complete: boolean }> {
    const { events, complete } = await this.events.collect(ctx, filter ?? {}, OVERVIEW_MAX_EVENTS, { keep: hasSeats, extraPages: PAGES_WITHOUT_SEATS });
    return { ...registrationOverview(events, ctx.now), complete };
  }
}

@Resolver(() => ProgramOverview)
export class ProgramOverviewFieldsResolver {
  constructor(private readonly partners: PartnerService) {}

  @FieldResolver(() => Partner, { description: 'The partner that runs it.' })
  async organizer(@Ctx() ctx: Context, @Root() program: Program): Promise<PartnerEntity> {
    const partner = await this.partners.organizerOf(ctx, program.partnerId);
    if (!partner) throw new Error(`Program ${program.key} references missing partner ${program.partnerId}`);
    return partner;
  }

}
