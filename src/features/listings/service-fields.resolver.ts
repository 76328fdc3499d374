import { Arg, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { Context } from '../../context';
import { LocationEntity } from '../../model/location.entity';
import { PartnerEntity } from '../../model/partner.entity';
import { ServiceEntity } from '../../model/service.entity';
import { toGlobalId } from '../../domain/global-id';
import { Location } from '../../model/location.type';
import { Partner } from '../partners/partner.type';
import { DateTime } from '../../schema/scalars';
import { OpeningHours, Service } from './service.type';
import { Language } from './language.type';
import { languagesOf } from '../../domain/language';
import { ServiceListingService } from './service-listing.service';

const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

@Resolver(() => Service)
export class ServiceFieldsResolver {
  constructor(private readonly listingService: ServiceListingService) {}

  @FieldResolver(() => ID, { description: 'Global id of the listing (see Node).' })
  id(@Root() service: ServiceEntity): string {
    return toGlobalId('Service', service.id);
  }

  @FieldResolver(() => Partner, { description: 'The nonprofit partner that offers the service.' })
  organization(@Ctx() ctx: Context, @Root() service: ServiceEntity): Promise<PartnerEntity> {
    return this.listingService.organizationOf(ctx, service);
  }

  @FieldResolver(() => [Location], { description: 'Where the service is offered, with accessibility notes.' })
  locations(@Ctx() ctx: Context, @Root() service: ServiceEntity): Promise<LocationEntity[]> {
    return this.listingService.locationsOf(ctx, service);
  }

  @FieldResolver(() => [OpeningHours], { description: 'Regular opening hours; dated sessions are Events of the organization.' })
  hours(@Root() service: ServiceEntity): OpeningHours[] {
    return service.hours.map((rule) => ({
      ...rule,
      byDay: rule.byDay.map((d) => `${d.nth ?? ''}${WEEKDAY_CODES[d.weekday - 1]}`),
    }));
  }

  @FieldResolver(() => [Language], { description: 'Languages the service is offered in, one entry per language however the directory spelled it ("Spanish" and "es" are one).' })
  languages(@Root() service: ServiceEntity): Language[] {
    return languagesOf(service.languages);
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'Open at this instant, in the location\'s own time. Null when the listing publishes no hours.',
  })
  isOpenAt(@Ctx() ctx: Context, @Root() service: ServiceEntity, @Arg('at', () => DateTime, { description: 'The instant to check (RFC 3339 with an offset).' }) at: Date): boolean | null {
    return this.listingService.isOpenAt(ctx, service, at);
  }
}
