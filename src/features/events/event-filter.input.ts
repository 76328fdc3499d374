import { Field, Float, ID, InputType } from 'type-graphql';
import { EventFilterInput, NearInput } from '../../domain/event-filter';
import { Audience, EventStatus, PartnerKind } from '../../schema/enums';
import { DateScalar, DateTime } from '../../schema/scalars';

@InputType('NearFilter', { description: 'Events at a location within `km` of a point.' })
export class NearFilter implements NearInput {
  @Field(() => Float, { description: 'Latitude of the centre, in decimal degrees (WGS 84), from -90 to 90.' })
  lat!: number;

  @Field(() => Float, { description: 'Longitude of the centre, in decimal degrees (WGS 84), from -180 to 180.' })
  lon!: number;

  @Field(() => Float, { description: 'Radius in kilometres: above 0, at most 500.' })
  km!: number;
}

@InputType('EventFilter', { description: 'Which events to list. Every criterion given must hold; a list matches any of its values; an omitted, null or empty criterion does not narrow.' })
export class EventFilter implements EventFilterInput {
  @Field(() => DateTime, { nullable: true, description: 'Events still on at or after this instant. Default: now, or no bound when `on` is given.' })
  from?: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'Events starting before this instant.' })
  to?: Date | null;

  @Field(() => [ID], { nullable: true, description: 'Events of any of these partners (global Partner ids).' })
  partnerIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Events of any of these partners, by slug (`millbrook-library`; case-insensitive). An unknown slug matches nothing. Given with `partnerIds`, an event must match both.' })
  partnerSlugs?: string[] | null;

  @Field(() => [PartnerKind], { nullable: true, description: 'Events of partners of any of these kinds.' })
  kinds?: PartnerKind[] | null;

  @Field(() => [Audience], { nullable: true, description: 'Any of these age bands.' })
  audiences?: Audience[] | null;

  @Field(() => [String], { nullable: true, description: 'Any of these categories (case-insensitive).' })
  categories?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of title or description, at most 200 characters.' })
  text?: string | null;

  @Field(() => [EventStatus], { nullable: true, description: 'Events in any of these statuses. Default: every status, cancelled events included (calendars show them struck through).' })
  status?: EventStatus[] | null;

  @Field(() => NearFilter, { nullable: true, description: 'Events at a location inside this circle; events without a location, or whose location has no coordinates, never match.' })
  near?: NearFilter | null;

  @Field(() => DateScalar, { nullable: true, description: 'Events on this calendar day (`2026-12-10`), read in `timeZone`, by default in each partner\'s own zone: a timed event when it is on at any moment of that local day, an all-day event when the day is one of its dates. The whole day, past hours included, unless `from` is given too.' })
  on?: Date | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone (`America/Chicago`) that `on` is read in; only with `on`. Default: each partner\'s own zone.' })
  timeZone?: string | null;
}
