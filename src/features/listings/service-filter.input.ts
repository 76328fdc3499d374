import { Field, Float, ID, InputType } from 'type-graphql';
import { ServiceFilterInput } from './service-filter';
import { ServiceStatus } from '../../schema/enums';
import { NearFilter } from '../events/event-filter.input';
import { DateTime } from '../../schema/scalars';

@InputType('ServiceFilter', { description: 'Which listings to list. Every criterion given must hold; a list matches any of its values; an omitted, null or empty criterion does not narrow.' })
export class ServiceFilter implements ServiceFilterInput {
  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of name, alternate name or description.' })
  text?: string | null;

  @Field(() => [String], { nullable: true, description: 'Any of these taxonomy terms (name or code, case-insensitive).' })
  categories?: string[] | null;

  @Field(() => NearFilter, { nullable: true, description: 'Offered at a location within km of the point.' })
  near?: NearFilter | null;

  @Field(() => DateTime, { nullable: true, description: 'Open at this instant, in each location\'s own time.' })
  openAt?: Date | null;

  @Field(() => Float, { nullable: true, description: 'Admits someone of this age in years.' })
  age?: number | null;

  @Field(() => String, { nullable: true, description: 'Offered in this language, however the directory spelled it: "Spanish", "es", "spa" and "español" find the same listings (case-insensitive).' })
  language?: string | null;

  @Field(() => [ServiceStatus], { nullable: true, description: 'Default: every status but DEFUNCT.' })
  status?: ServiceStatus[] | null;

  @Field(() => [ID], { nullable: true, description: 'Listings of any of these partners (global Partner ids).' })
  partnerIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Listings of any of these partners, by slug (`millbrook-library`; case-insensitive). An unknown slug matches nothing. Given with `partnerIds`, a listing must match both.' })
  partnerSlugs?: string[] | null;
}
