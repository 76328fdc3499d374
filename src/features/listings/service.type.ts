import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ServiceStatus } from '../../schema/enums';
import { Node } from '../../schema/node.interface';
import { DateTime } from '../../schema/scalars';
import { PLAIN_FIELDS } from '../../schema/plain-fields';

@ObjectType('ServicePhone', { ...PLAIN_FIELDS, description: 'A phone line of a listing or of one of its contacts.' })
export class ServicePhone {
  @Field(() => String, { description: 'The number as published (not reformatted).' })
  number!: string;

  @Field(() => String, { nullable: true, description: 'Extension to dial after the number; null when none.' })
  extension!: string | null;

  @Field(() => String, { nullable: true, description: 'voice, fax, text, cell, video, pager, textphone (HSDS).' })
  type!: string | null;

  @Field(() => String, { nullable: true, description: 'What the line is for, e.g. "After hours"; null when not given.' })
  description!: string | null;

}

@ObjectType('ServiceContact', { ...PLAIN_FIELDS, description: 'A person or desk to contact about a listing.' })
export class ServiceContact {
  @Field(() => String, { nullable: true, description: 'Person\'s or desk\'s name; null when not given.' })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'Job title, e.g. "Case Manager"; null when not given.' })
  title!: string | null;

  @Field(() => String, { nullable: true, description: 'Department within the organization; null when not given.' })
  department!: string | null;

  @Field(() => String, { nullable: true, description: 'Contact email address as published; null when not given.' })
  email!: string | null;

  @Field(() => [ServicePhone], { description: 'The contact\'s own phone lines.' })
  phones!: ServicePhone[];
}

@ObjectType('ServiceCostOption', { ...PLAIN_FIELDS, description: 'One price of a listing (HSDS cost_option).' })
export class ServiceCostOption {
  @Field(() => String, { nullable: true, description: 'Who or what the price applies to.' })
  option!: string | null;

  @Field(() => Float, { nullable: true, description: 'The price in `currency`; null when only described in words.' })
  amount!: number | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 code.' })
  currency!: string | null;

  @Field(() => String, { nullable: true, description: 'The price in words, e.g. "Sliding scale"; null when not given.' })
  amountDescription!: string | null;

  @Field(() => String, { nullable: true, description: 'First date the price applies (YYYY-MM-DD, as published); null: no start.' })
  validFrom!: string | null;

  @Field(() => String, { nullable: true, description: 'Last date the price applies (YYYY-MM-DD, as published); null: no end.' })
  validTo!: string | null;
}

@ObjectType('OpeningHours', { ...PLAIN_FIELDS, description: 'One opening-hours rule (RFC 5545 terms, as HSDS schedules publish them).' })
export class OpeningHours {
  @Field(() => String, { nullable: true, description: 'WEEKLY or MONTHLY; null for a rule without recurrence.' })
  freq!: string | null;

  @Field(() => Int, { description: 'Every how many weeks or months the rule repeats (1 = every).' })
  interval!: number;

  @Field(() => [String], { description: 'RRULE BYDAY tokens: MO, 2MO (second Monday), -1FR (last Friday).' })
  byDay!: string[];

  @Field(() => [Int], { description: 'Days of the month the rule applies on; -1 = the last day. Empty: not limited by day of month.' })
  byMonthDay!: number[];

  @Field(() => String, { nullable: true, description: 'Local opening time, HH:mm[:ss].' })
  opensAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Local closing time; earlier than opensAt means after midnight.' })
  closesAt!: string | null;

  @Field(() => String, { nullable: true, description: 'First local date the rule applies (YYYY-MM-DD); null: no start.' })
  validFrom!: string | null;

  @Field(() => String, { nullable: true, description: 'Last local date the rule applies (YYYY-MM-DD, inclusive); null: no end.' })
  validTo!: string | null;

  @Field(() => String, { nullable: true, description: 'RRULE UNTIL: the recurrence stops after this date (or date-time); null: no end.' })
  until!: string | null;

  @Field(() => Int, { nullable: true, description: 'RRULE COUNT: the recurrence stops after this many occurrences; null: no limit.' })
  count!: number | null;

  @Field(() => Float, { nullable: true, description: 'A fixed UTC offset the times are in; null: the location\'s own zone.' })
  utcOffsetHours!: number | null;

  @Field(() => String, { nullable: true, description: 'The hours in words, as the directory published them (e.g. "Closed on holidays"); null when none.' })
  description!: string | null;
}

@ObjectType('Service', { ...PLAIN_FIELDS, implements: Node, description: 'A nonprofit\'s listing (an Open Referral HSDS service).' })
export class Service extends Node {
  @Field(() => String, { description: 'The service\'s name, as the directory published it.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Another name it is known by; null when none.' })
  alternateName!: string | null;

  @Field(() => String, { nullable: true, description: 'Plain text.' })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'The service\'s own web page; null when none.' })
  url!: string | null;

  @Field(() => String, { nullable: true, description: 'Email address of the service as published; null when none.' })
  email!: string | null;

  @Field(() => ServiceStatus, { description: 'Whether the service is running.' })
  status!: ServiceStatus;

  @Field(() => String, { nullable: true, description: 'The organization name as the directory published it.' })
  organizationName!: string | null;

  @Field(() => String, { nullable: true, description: 'Who may use the service, in the directory\'s words; null when not given.' })
  eligibilityDescription!: string | null;

  @Field(() => Float, { nullable: true, description: 'Youngest age admitted, in years; null: no lower limit published.' })
  minimumAge!: number | null;

  @Field(() => Float, { nullable: true, description: 'Oldest age admitted, in years; null: no upper limit published.' })
  maximumAge!: number | null;

  @Field(() => String, { nullable: true, description: 'How to apply or get referred, in the directory\'s words; null when not given.' })
  applicationProcess!: string | null;

  @Field(() => String, { nullable: true, description: 'Fees as the listing describes them.' })
  fees!: string | null;

  @Field(() => [ServiceCostOption], { description: 'Prices, when the directory lists them; see `fees` for prices in words.' })
  costOptions!: ServiceCostOption[];

  @Field(() => [String], { description: 'Taxonomy term names.' })
  categories!: string[];

  @Field(() => [String], { description: 'Taxonomy term codes, where the taxonomy has them.' })
  categoryCodes!: string[];

  @Field(() => [ServicePhone], { description: 'Phone lines of the service.' })
  phones!: ServicePhone[];

  @Field(() => [ServiceContact], { description: 'People or desks to contact.' })
  contacts!: ServiceContact[];

  @Field(() => String, { description: 'IANA zone the opening hours are read in.' })
  timezone!: string;

  @Field(() => DateTime, { description: 'When this listing last changed in the graph (UTC).' })
  updatedAt!: Date;
}
