import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PLAIN_FIELDS } from '../../schema/plain-fields';
import { Audience } from '../../schema/enums';
import { DateTime } from '../../schema/scalars';
import { ImpactDimension } from './impact-figures';
import { ServiceArea } from '../surveys/survey.type';
import { CategoryCount } from '../events/party-category.type';

registerEnumType(ImpactDimension, {
  name: 'ImpactDimension',
  description: 'What an impact report is broken down by.',
  valuesConfig: {
    PARTNER: { description: 'The partner that runs the occurrence.' },
    SERIES: { description: 'The program: a recurring series, or a one-off event on its own.' },
    CATEGORY: { description: 'Each of the occurrence\'s categories (lower-cased); an occurrence counts in each of its own.' },
    AUDIENCE: { description: 'Each of the occurrence\'s audiences; an occurrence counts in each of its own.' },
    MONTH: { description: 'The month it starts in, on its own clock (YYYY-MM).' },
    BRANCH: { description: 'Where it takes place (the Location); null when no place was named.' },
    SERVICE_AREA: { description: 'The service area of the outcome survey it asks (IMMEDIATE round, else FOLLOW_UP); null when it asks none.' },
  },
});

@ObjectType('StatementAgreement', { ...PLAIN_FIELDS, description: 'How many agreed with one of the four survey statements (the same outcome in every service area).' })
export class StatementAgreement {
  @Field(() => String, { description: 'The statement\'s outcome: knowledge, confidence, application or awareness (statements 1 to 4).' })
  outcome!: string;

  @Field(() => Float, {
    nullable: true,
    description: 'Share of the ratings given that agree (4 or 5 of 5), 0 to 1; null when the group is suppressed (surveySuppressed) or nobody rated it.',
  })
  agreeShare!: number | null;

  @Field(() => Int, { description: 'Ratings given for it (skipped ones left out).' })
  answered!: number;
}

@ObjectType('ImpactFigures', { ...PLAIN_FIELDS, description: 'What a set of occurrences did. Counts only, never a person.' })
export class ImpactFigures {
  @Field(() => Int, { description: 'Occurrences that started in the range (cancelled ones are left out).' })
  occurrences!: number;

  @Field(() => Int, { description: 'Of those, the ones taking registrations here (NATIVE).' })
  registrable!: number;

  @Field(() => Int, { description: 'Registrations (parties) that stand: confirmed or waitlisted.' })
  registrations!: number;

  @Field(() => Int, { description: 'Registrations (parties) cancelled, by the party or the library.' })
  cancellations!: number;

  @Field(() => Int, { description: 'People holding a seat.' })
  confirmed!: number;

  @Field(() => Int, { description: 'People still on a waiting list.' })
  waitlisted!: number;

  @Field(() => Int, { description: 'Seats offered by occurrences with a seat limit.' })
  seats!: number;

  @Field(() => Int, { description: 'People checked in at the door.' })
  attended!: number;

  @Field(() => Int, { description: 'Ended occurrences with at least one check-in: those the no-show rate speaks for.' })
  checkedInOccurrences!: number;

  @Field(() => Float, { nullable: true, description: 'confirmed ÷ seats over occurrences with a seat limit, 0 to 1; null without seats.' })
  fillRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Share of confirmed people who did not come, over ended occurrences with at least one check-in (an occurrence where '
      + 'nobody was checked in says nothing about no-shows), 0 to 1; null without any.',
  })
  noShowRate!: number | null;

  @Field(() => Int, { description: 'People who came without registering, added at the door (addWalkIns).' })
  walkIns!: number;

  @Field(() => Int, { description: 'People in the head counts staff took (setHeadCount), e.g. at drop-in programs.' })
  headCount!: number;

  @Field(() => Int, { description: 'Everyone who came: attended + walkIns + headCount.' })
  attendedTotal!: number;

  @Field(() => [CategoryCount], {
    description: 'attendedTotal by party category, by key: checked-in people by the categories they came as, walk-ins and head counts; '
      + 'people of a party registered without a makeup and checked in whole count as uncategorised.',
  })
  attendanceByCategory!: CategoryCount[];

  @Field(() => Int, { description: 'Parties that waited on the waitlist of an ended occurrence (waits are recorded since this figure was added).' })
  waitlistJoined!: number;

  @Field(() => Int, { description: 'Of those, the parties that got seats (promoted, or claimed an invitation).' })
  waitlistPromoted!: number;

  @Field(() => Float, { nullable: true, description: 'waitlistPromoted ÷ waitlistJoined, 0 to 1; null when nobody waited.' })
  waitlistConversion!: number | null;

  @Field(() => Int, { description: 'Outcome survey responses for these occurrences (anonymous; counts only).' })
  surveyResponses!: number;

  @Field(() => Boolean, {
    description: 'True when fewer than 5 responses stand behind these figures: agreement shares are then null, never zero, so a small '
      + 'group\'s answers cannot be told apart (k-anonymity).',
  })
  surveySuppressed!: boolean;

  @Field(() => [StatementAgreement], { description: 'Agreement per statement, always four, in statement order.' })
  agreement!: StatementAgreement[];
}

@ObjectType('ImpactGroup', { description: 'One row of a breakdown: the values of the dimensions asked for, and its figures. Dimensions not asked for are null.' })
export class ImpactGroup {
  @Field(() => String, { nullable: true, description: 'SERIES: the program\'s key (the series id, or the event\'s own id for a one-off).' })
  seriesKey!: string | null;

  @Field(() => String, { nullable: true, description: 'SERIES: the title of the program\'s first occurrence in the range.' })
  seriesTitle!: string | null;

  @Field(() => String, { nullable: true, description: 'CATEGORY: the category, lower-cased; null for occurrences without one.' })
  category!: string | null;

  @Field(() => Audience, { nullable: true, description: 'AUDIENCE: the audience; null for occurrences without one.' })
  audience!: Audience | null;

  @Field(() => String, { nullable: true, description: 'MONTH: YYYY-MM.' })
  month!: string | null;

  @Field(() => ServiceArea, { nullable: true, description: 'SERVICE_AREA: the service area of the survey its occurrences ask; null for those asking none.' })
  serviceArea!: ServiceArea | null;

  @Field(() => ImpactFigures, { description: 'What this group\'s occurrences did.' })
  figures!: ImpactFigures;
}

@ObjectType('ImpactReport', { description: 'What programs did over a range, for their staff: totals and the breakdown asked for.' })
export class ImpactReport {
  @Field(() => DateTime, { description: 'Start of the range (occurrences starting at or after it).' })
  from!: Date;

  @Field(() => DateTime, { description: 'End of the range (occurrences starting before it).' })
  to!: Date;

  @Field(() => [ImpactDimension], { description: 'The dimensions of the breakdown, as asked.' })
  groupBy!: ImpactDimension[];

  @Field(() => ImpactFigures, { description: 'Over every occurrence in the range, each counted once.' })
  totals!: ImpactFigures;

  @Field(() => [ImpactGroup], { description: 'One row per combination of values that occurs, in the order each first occurs (months in time, programs by their first date). Empty without groupBy.' })
  groups!: ImpactGroup[];
}
