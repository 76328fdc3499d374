import { Field, Float, ID, InputType } from 'type-graphql';
import { EventFilterInput, NearInput } from '../domain/event-filter';
import { Audience, EventStatus, PartnerKind } from './enums';
import { DateTime } from './scalars';

@InputType('NearFilter', { description: 'Events at a location within `km` of a point.' })
export class NearFilter implements NearInput {
  @Field(() => Float)
  lat!: number;

  @Field(() => Float)
  lon!: number;

  @Field(() => Float)
  km!: number;
}

@InputType('EventFilter')
export class EventFilter implements EventFilterInput {
  @Field(() => DateTime, { nullable: true, description: 'Events still on at or after this instant. Default: now.' })
  from?: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'Events starting before this instant.' })
  to?: Date | null;

  @Field(() => [ID], { nullable: true })
  partnerIds?: string[] | null;

  @Field(() => [PartnerKind], { nullable: true })
  kinds?: PartnerKind[] | null;

  @Field(() => [Audience], { nullable: true, description: 'Any of these age bands.' })
  audiences?: Audience[] | null;

  @Field(() => [String], { nullable: true, description: 'Any of these categories (case-insensitive).' })
  categories?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of title or description.' })
  text?: string | null;

  @Field(() => [EventStatus], { nullable: true })
  status?: EventStatus[] | null;

  @Field(() => NearFilter, { nullable: true })
  near?: NearFilter | null;
}
