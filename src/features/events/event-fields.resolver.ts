import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { Context } from '../../context';
import { EventEntity } from '../../model/event.entity';
import { LocationEntity } from '../../model/location.entity';
import { PartnerEntity } from '../../model/partner.entity';
import { toGlobalId } from '../../domain/global-id';
import { registrationInfo, RegistrationInfo as Info } from './registration-info';
import { Event } from './event.type';
import { Location } from '../../model/location.type';
import { Offer } from './offer.type';
import { Partner } from '../partners/partner.type';
import { RegistrationInfo } from './registration-info.type';
import { webLinkAsStored } from '../../domain/web-url';
import { PartnerService } from '../partners/partner.service';
import { RegistrationMode } from '../../domain/enums';

@Resolver(() => Event)
export class EventFieldsResolver {
  constructor(private readonly partnerService: PartnerService) {}

  @FieldResolver(() => ID, { description: 'Global id of the event (see Node); one id per occurrence of a recurring series.' })
  id(@Root() event: EventEntity): string {
    return toGlobalId('Event', event.id);
  }

  @FieldResolver(() => Partner, { description: 'The partner that runs the event.' })
  async organizer(@Ctx() ctx: Context, @Root() event: EventEntity): Promise<PartnerEntity> {
    const partner = await this.partnerService.organizerOf(ctx, event.partnerId);
    if (!partner) throw new Error(`Event ${event.id} references missing partner ${event.partnerId}`);
    return partner;
  }

  @FieldResolver(() => Location, { nullable: true, description: 'Where it takes place; null when the partner named no place (often so for online events).' })
  location(@Ctx() ctx: Context, @Root() event: EventEntity): Promise<LocationEntity | null> {
    return this.partnerService.locationOf(ctx, event.locationId);
  }

  @FieldResolver(() => [Offer], { description: 'Offers (price, currency, url, availability) as the partner published them.' })
  offers(@Root() event: EventEntity): Offer[] {
    return (event.offers ?? []).map((o) => ({ ...o, url: webLinkAsStored(o.url) }));
  }

  // url and imageUrl keep their Event type definitions; these resolvers answer null for a stored
  // link that is not http(s) (a row from before adapters checked them), so no client is handed one.
  @FieldResolver()
  url(@Root() event: EventEntity): string | null {
    return webLinkAsStored(event.url);
  }

  @FieldResolver()
  imageUrl(@Root() event: EventEntity): string | null {
    return webLinkAsStored(event.imageUrl);
  }

  @FieldResolver(() => [String], {
    description: 'NATIVE events in a series: the fields this occurrence was given on its own (updateEvent), which updateEventSeries leaves alone. '
      + 'Empty otherwise.',
  })
  overriddenFields(@Root() event: EventEntity): string[] {
    return event.registrationMode === RegistrationMode.NATIVE ? event.overriddenFields ?? [] : [];
  }

  @FieldResolver(() => RegistrationInfo, { description: 'Whether and how to register, with the seat counts.' })
  registration(@Ctx() ctx: Context, @Root() event: EventEntity): Info {
    return registrationInfo(event, ctx.now);
  }
}
