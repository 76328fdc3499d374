import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ServiceStatus } from './enums';
import { Node } from './node.interface';
import { DateTime } from './scalars';

@ObjectType('ServicePhone')
export class ServicePhone {
  @Field(() => String)
  number!: string;

  @Field(() => String, { nullable: true })
  extension!: string | null;

  @Field(() => String, { nullable: true, description: 'voice, fax, text, cell, video, pager, textphone (HSDS).' })
  type!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => [String], { description: 'Languages spoken on this line.' })
  languages!: string[];
}

@ObjectType('ServiceContact')
export class ServiceContact {
  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => String, { nullable: true })
  department!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => [ServicePhone])
  phones!: ServicePhone[];
}

@ObjectType('ServiceCostOption')
export class ServiceCostOption {
  @Field(() => String, { nullable: true, description: 'Who or what the price applies to.' })
  option!: string | null;

  @Field(() => Float, { nullable: true })
  amount!: number | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 code.' })
  currency!: string | null;

  @Field(() => String, { nullable: true })
  amountDescription!: string | null;

  @Field(() => String, { nullable: true })
  validFrom!: string | null;

  @Field(() => String, { nullable: true })
  validTo!: string | null;
}

@ObjectType('OpeningHours', { description: 'One opening-hours rule (RFC 5545 terms, as HSDS schedules publish them).' })
export class OpeningHours {
  @Field(() => String, { nullable: true, description: 'WEEKLY or MONTHLY; null for a rule without recurrence.' })
  freq!: string | null;

  @Field(() => Int)
  interval!: number;

  @Field(() => [String], { description: 'RRULE BYDAY tokens: MO, 2MO (second Monday), -1FR (last Friday).' })
  byDay!: string[];

  @Field(() => [Int])
  byMonthDay!: number[];

  @Field(() => String, { nullable: true, description: 'Local opening time, HH:mm[:ss].' })
  opensAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Local closing time; earlier than opensAt means after midnight.' })
  closesAt!: string | null;

  @Field(() => String, { nullable: true })
  validFrom!: string | null;

  @Field(() => String, { nullable: true })
  validTo!: string | null;

  @Field(() => String, { nullable: true })
  until!: string | null;

  @Field(() => Int, { nullable: true })
  count!: number | null;

  @Field(() => Float, { nullable: true, description: 'A fixed UTC offset the times are in; null: the location\'s own zone.' })
  utcOffsetHours!: number | null;

  @Field(() => String, { nullable: true })
  description!: string | null;
}

@ObjectType('Service', { implements: Node, description: 'A nonprofit\'s listing (an Open Referral HSDS service).' })
export class Service extends Node {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  alternateName!: string | null;

  @Field(() => String, { nullable: true, description: 'Plain text.' })
  description!: string | null;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => ServiceStatus)
  status!: ServiceStatus;

  @Field(() => String, { nullable: true, description: 'The organization name as the directory published it.' })
  organizationName!: string | null;

  @Field(() => String, { nullable: true })
  eligibilityDescription!: string | null;

  @Field(() => Float, { nullable: true })
  minimumAge!: number | null;

  @Field(() => Float, { nullable: true })
  maximumAge!: number | null;

  @Field(() => String, { nullable: true })
  applicationProcess!: string | null;

  @Field(() => String, { nullable: true, description: 'Fees as the listing describes them.' })
  fees!: string | null;

  @Field(() => [ServiceCostOption])
  costOptions!: ServiceCostOption[];

  @Field(() => [String], { description: 'Languages the service is offered in (names and ISO codes as published).' })
  languages!: string[];

  @Field(() => [String], { description: 'Taxonomy term names.' })
  categories!: string[];

  @Field(() => [String], { description: 'Taxonomy term codes, where the taxonomy has them.' })
  categoryCodes!: string[];

  @Field(() => [ServicePhone])
  phones!: ServicePhone[];

  @Field(() => [ServiceContact])
  contacts!: ServiceContact[];

  @Field(() => String, { description: 'IANA zone the opening hours are read in.' })
  timezone!: string;

  @Field(() => DateTime)
  updatedAt!: Date;
}
