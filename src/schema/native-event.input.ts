import { Field, ID, InputType, Int } from 'type-graphql';
import { Audience } from './enums';
import { DateTime } from './scalars';

@InputType('CreateEventInput', { description: 'A partner\'s own event; registration through this API (NATIVE).' })
export class CreateEventInput {
  @Field(() => ID)
  partnerId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true, description: 'Plain text; markup is removed.' })
  description?: string | null;

  @Field(() => DateTime)
  startsAt!: Date;

  @Field(() => DateTime)
  endsAt!: Date;

  @Field(() => String, { nullable: true, description: 'IANA time zone; default: the partner\'s.' })
  timezone?: string | null;

  @Field(() => ID, { nullable: true, description: 'One of the partner\'s own locations.' })
  locationId?: string | null;

  @Field(() => [Audience], { nullable: true })
  audiences?: Audience[] | null;

  @Field(() => [String], { nullable: true })
  categories?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Seats (people); null = no limit.' })
  capacity?: number | null;

  @Field(() => Int, { nullable: true, description: 'Waitlist places (people); default 0.' })
  waitlistCapacity?: number | null;

  @Field(() => DateTime, { nullable: true })
  registrationOpensAt?: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'Default: registration stays open until the event ends.' })
  registrationClosesAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'Largest party one registration may bring; default 1.' })
  maxPartySize?: number | null;
}

@InputType('UpdateEventInput', { description: 'Only the fields given change; null clears an optional field.' })
export class UpdateEventInput {
  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => DateTime, { nullable: true })
  startsAt?: Date | null;

  @Field(() => DateTime, { nullable: true })
  endsAt?: Date | null;

  @Field(() => String, { nullable: true })
  timezone?: string | null;

  @Field(() => ID, { nullable: true })
  locationId?: string | null;

  @Field(() => [Audience], { nullable: true })
  audiences?: Audience[] | null;

  @Field(() => [String], { nullable: true })
  categories?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Not below the seats already confirmed; added seats promote the waitlist.' })
  capacity?: number | null;

  @Field(() => Int, { nullable: true })
  waitlistCapacity?: number | null;

  @Field(() => DateTime, { nullable: true })
  registrationOpensAt?: Date | null;

  @Field(() => DateTime, { nullable: true })
  registrationClosesAt?: Date | null;

  @Field(() => Int, { nullable: true })
  maxPartySize?: number | null;
}
