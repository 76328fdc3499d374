import { Field, Int, ObjectType } from 'type-graphql';
import { RegistrationMode, RegistrationState, WaitlistMode } from '../../schema/enums';
import { DateTime } from '../../schema/scalars';
import { PLAIN_FIELDS } from '../../schema/plain-fields';
import { PartyCategory } from './party-category.type';

@ObjectType('RegistrationInfo', { ...PLAIN_FIELDS, description: 'How to register, and the live seat counts.' })
export class RegistrationInfo {
  @Field(() => RegistrationMode, { description: 'How registration works for this event.' })
  mode!: RegistrationMode;

  @Field(() => String, { nullable: true, description: 'Where to register, for EXTERNAL events.' })
  url!: string | null;

  @Field(() => Int, { nullable: true, description: 'Seats in total; null means no limit.' })
  capacity!: number | null;

  @Field(() => Int, { description: 'Waitlist places in people (NATIVE events); 0 for no waitlist.' })
  waitlistCapacity!: number;

  @Field(() => Boolean, {
    nullable: true,
    description: 'A waiting list is taken once the seats are gone: NATIVE events with waitlist places, EXTERNAL events as the partner says (LibCal wait_list). Null when unknown or without registration.',
  })
  waitlistAvailable!: boolean | null;

  @Field(() => Int, { description: 'People (not registrations) holding a confirmed seat.' })
  confirmed!: number;

  @Field(() => Int, { description: 'People on the waitlist.' })
  waitlisted!: number;

  @Field(() => Int, { description: 'People checked in by staff (NATIVE events).' })
  attended!: number;

  @Field(() => Int, { description: 'People whose seats are held while they fill in the form (holdSeats); not among remaining.' })
  held!: number;

  @Field(() => Int, { nullable: true, description: 'Seats left (neither confirmed nor held); null when there is no limit.' })
  remaining!: number | null;

  @Field(() => Int, { description: 'Largest party one registration may bring (people, 1 to 100).' })
  maxPartySize!: number;

  @Field(() => WaitlistMode, { description: 'What a freed seat does for the waitlist: confirm the next party (AUTO_PROMOTE) or invite it to claim (INVITE).' })
  waitlistMode!: WaitlistMode;

  @Field(() => Int, { description: 'INVITE waitlists: hours an invited party has to claim its seat.' })
  inviteHours!: number;

  @Field(() => String, { nullable: true, description: 'NATIVE events: the survey registrants are sent by email an hour after the event ends; null: none.' })
  surveyUrl!: string | null;

  @Field(() => [PartyCategory], { description: 'The kinds of people a party is counted by (RegisterInput.party), in the order registrants see them.' })
  partyCategories!: PartyCategory[];

  @Field(() => DateTime, { nullable: true, description: 'Registration opens at this instant (UTC); null: it is open from the start.' })
  opensAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'Registration closes at this instant (UTC); null: it stays open until the event ends.' })
  closesAt!: Date | null;

  @Field(() => Boolean, { description: 'Registration is possible right now (mode, window, status); false for drop-in events too, so prefer state.' })
  isOpen!: boolean;

  @Field(() => RegistrationState, { description: 'Where registration stands right now: NOT_REQUIRED for drop-in events, NOT_YET_OPEN before opensAt, OPEN, WAITLIST_OPEN or FULL once the seats are gone, CLOSED after closesAt, the end, or a cancellation.' })
  state!: RegistrationState;
}
