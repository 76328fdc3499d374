import { Field, ID, InputType, Int } from 'type-graphql';
import { Audience, WaitlistMode } from '../../schema/enums';
import { DateTime } from '../../schema/scalars';
import { PartyCategoryInput } from './party-category.type';

/** What a partner sets on a new event of its own, alone or as a series (the window differs: instants or hours). */
@InputType()
export abstract class NewNativeEventFields {
  @Field(() => ID, { description: 'Global id of the partner that runs the event; needs that partner\'s PARTNER key or an ADMIN key.' })
  partnerId!: string;

  @Field(() => String, { description: 'The event\'s name: 1 to 500 characters, trimmed.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Plain text, at most 10,000 characters; markup is removed.' })
  description?: string | null;

  @Field(() => DateTime, { description: 'When it starts (RFC 3339 with an offset).' })
  startsAt!: Date;

  @Field(() => DateTime, { description: 'When it ends; must be after startsAt.' })
  endsAt!: Date;

  @Field(() => String, { nullable: true, description: 'IANA time zone; default: the partner\'s.' })
  timezone?: string | null;

  @Field(() => ID, { nullable: true, description: 'One of the partner\'s own locations.' })
  locationId?: string | null;

  @Field(() => [Audience], { nullable: true, description: 'Who it is for; duplicates are dropped. Default: none.' })
  audiences?: Audience[] | null;

  @Field(() => [String], { nullable: true, description: 'Subjects or types, e.g. "Storytime": at most 20, each at most 64 characters, trimmed, duplicates dropped.' })
  categories?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Seats (people), 0 to 100,000; null = no limit.' })
  capacity?: number | null;

  @Field(() => Int, { nullable: true, description: 'Waitlist places (people), 0 to 100,000; default 0.' })
  waitlistCapacity?: number | null;

  @Field(() => Int, { nullable: true, description: 'Largest party one registration may bring, 1 to 100; default 1.' })
  maxPartySize?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Hours before the start that each confirmed registrant gets a reminder email, 0 to 336; 0 sends none. Default (null): 24.',
  })
  reminderHours?: number | null;

  @Field(() => String, { nullable: true, description: 'An http(s) link to a survey: each registrant who came (or every confirmed one, when nobody was checked in) gets it by email an hour after the event ends. Default: none.' })
  surveyUrl?: string | null;

  @Field(() => WaitlistMode, { nullable: true, description: 'What a freed seat does for the waitlist. Default: AUTO_PROMOTE.' })
  waitlistMode?: WaitlistMode | null;

  @Field(() => Int, { nullable: true, description: 'INVITE waitlists: hours an invited party has to claim the seat, 1 to 336. Default (null): 24.' })
  inviteHours?: number | null;

  @Field(() => [PartyCategoryInput], {
    nullable: true,
    description: 'The kinds of people its parties are counted by (RegisterInput.party), in the order registrants see them. Default (null): adults, teens, children, babies.',
  })
  partyCategories?: PartyCategoryInput[] | null;
}

@InputType('CreateEventInput', { description: 'A partner\'s own event; registration through this API (NATIVE).' })
export class CreateEventInput extends NewNativeEventFields {
  @Field(() => DateTime, { nullable: true, description: 'Registration opens at this instant. Default: open from now.' })
  registrationOpensAt?: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'Default: registration stays open until the event ends.' })
  registrationClosesAt?: Date | null;
}

@InputType('UpdateEventInput', { description: 'Only the fields given change; null clears an optional field.' })
export class UpdateEventInput {
  @Field(() => String, { nullable: true, description: '1 to 500 characters, trimmed; cannot be cleared.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Plain text, at most 10,000 characters; markup is removed. Null clears it.' })
  description?: string | null;

  @Field(() => DateTime, { nullable: true, description: 'New start; cannot be cleared. endsAt must stay after it.' })
  startsAt?: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'New end, after startsAt; cannot be cleared.' })
  endsAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone the event is held in; cannot be cleared.' })
  timezone?: string | null;

  @Field(() => ID, { nullable: true, description: 'One of the partner\'s own locations; null clears it.' })
  locationId?: string | null;

  @Field(() => [Audience], { nullable: true, description: 'Replaces the audiences ([] for none); cannot be null.' })
  audiences?: Audience[] | null;

  @Field(() => [String], { nullable: true, description: 'Replaces the categories ([] for none): at most 20, each at most 64 characters.' })
  categories?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Seats (people), up to 100,000, not below the seats already confirmed; added seats promote the waitlist. Null: no limit.' })
  capacity?: number | null;

  @Field(() => Int, { nullable: true, description: 'Waitlist places (people, 0 to 100,000); cannot be null (0 for no waitlist).' })
  waitlistCapacity?: number | null;

  @Field(() => DateTime, { nullable: true, description: 'Null: open from now on.' })
  registrationOpensAt?: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'After registrationOpensAt. Null: open until the event ends.' })
  registrationClosesAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'Largest party per registration (1 to 100); cannot be null.' })
  maxPartySize?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Hours before the start that each confirmed registrant gets a reminder email, 0 to 336; 0 sends none; null: the default, 24. '
      + 'A registration is reminded once: one reminded already gets no second after a change.',
  })
  reminderHours?: number | null;

  @Field(() => String, { nullable: true, description: 'An http(s) link to a survey sent to registrants by email an hour after the event ends; null: none.' })
  surveyUrl?: string | null;

  @Field(() => WaitlistMode, { nullable: true, description: 'What a freed seat does for the waitlist from now on; cannot be cleared. Open invitations stay open.' })
  waitlistMode?: WaitlistMode | null;

  @Field(() => Int, { nullable: true, description: 'INVITE waitlists: hours an invited party has to claim the seat, 1 to 336; null: the default, 24. Open invitations keep their end.' })
  inviteHours?: number | null;

  @Field(() => [PartyCategoryInput], {
    nullable: true,
    description: 'The kinds of people its parties are counted by, from now on; null: the defaults (adults, teens, children, babies). '
      + 'Registrations already made keep the makeup they gave.',
  })
  partyCategories?: PartyCategoryInput[] | null;
}
