import { Field, Int, ObjectType } from 'type-graphql';
import { RegistrationMode } from './enums';
import { DateTime } from './scalars';

@ObjectType('RegistrationInfo', { description: 'How to register, and the live seat counts.' })
export class RegistrationInfo {
  @Field(() => RegistrationMode)
  mode!: RegistrationMode;

  @Field(() => String, { nullable: true, description: 'Where to register, for EXTERNAL events.' })
  url!: string | null;

  @Field(() => Int, { nullable: true, description: 'Seats in total; null means no limit.' })
  capacity!: number | null;

  @Field(() => Int)
  waitlistCapacity!: number;

  @Field(() => Boolean, {
    nullable: true,
    description: 'A waiting list is taken once the seats are gone: NATIVE events with waitlist places, EXTERNAL events as the partner says (LibCal wait_list). Null when unknown or without registration.',
  })
  waitlistAvailable!: boolean | null;

  @Field(() => Int)
  confirmed!: number;

  @Field(() => Int)
  waitlisted!: number;

  @Field(() => Int, { description: 'People checked in by staff (NATIVE events).' })
  attended!: number;

  @Field(() => Int, { nullable: true, description: 'Seats left; null when there is no limit.' })
  remaining!: number | null;

  @Field(() => Int)
  maxPartySize!: number;

  @Field(() => DateTime, { nullable: true })
  opensAt!: Date | null;

  @Field(() => DateTime, { nullable: true })
  closesAt!: Date | null;

  @Field(() => Boolean, { description: 'Registration is possible right now (mode, window, status).' })
  isOpen!: boolean;
}
