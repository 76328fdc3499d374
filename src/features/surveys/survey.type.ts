import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ServiceArea, SurveyRound } from '../../domain/survey';
import { PLAIN_FIELDS } from '../../schema/plain-fields';
import { DateTime } from '../../schema/scalars';

registerEnumType(ServiceArea, {
  name: 'ServiceArea',
  description: 'A Project Outcome service area: which four statements a survey asks.',
  valuesConfig: {
    CIVIC_COMMUNITY_ENGAGEMENT: { description: 'Civic and community engagement.' },
    DIGITAL_LEARNING: { description: 'Digital learning: technology skills.' },
    ECONOMIC_DEVELOPMENT: { description: 'Economic development: small business and personal finance.' },
    EDUCATION_LIFELONG_LEARNING: { description: 'Education and lifelong learning.' },
    EARLY_CHILDHOOD_LITERACY: { description: 'Early childhood literacy: caregivers helping young children learn.' },
    JOB_SKILLS: { description: 'Job skills: finding, keeping and growing work.' },
    SUMMER_READING: { description: 'Summer reading.' },
  },
});

registerEnumType(SurveyRound, {
  name: 'SurveyRound',
  description: 'When a survey is asked.',
  valuesConfig: {
    IMMEDIATE: { description: 'Right after the program.' },
    FOLLOW_UP: { description: 'Weeks later: whether the outcome lasted.' },
  },
});

/** Registered here, so a type using them imports them from this file. */
export { ServiceArea, SurveyRound };

@ObjectType('SurveyQuestions', { ...PLAIN_FIELDS, description: 'What an outcome survey asks: four statements to rate and two open questions.' })
export class SurveyQuestions {
  @Field(() => ServiceArea, { description: 'The service area the statements come from.' })
  serviceArea!: ServiceArea;

  @Field(() => SurveyRound, { description: 'The round.' })
  round!: SurveyRound;

  @Field(() => [String], { description: 'The four statements, in the order respondToSurvey takes ratings; each rated 1 (strongly disagree) to 5 (strongly agree).' })
  statements!: string[];

  @Field(() => Int, { description: 'The lowest rating: strongly disagree.' })
  scaleMin!: number;

  @Field(() => Int, { description: 'The highest rating: strongly agree.' })
  scaleMax!: number;

  @Field(() => String, { description: 'The first open question (respondToSurvey\'s liked).' })
  likedQuestion!: string;

  @Field(() => String, { description: 'The second open question (respondToSurvey\'s improve).' })
  improveQuestion!: string;
}

@ObjectType('Survey', { ...PLAIN_FIELDS, description: 'An outcome survey a partner asks, attached to an occurrence, a series or a category.' })
export class Survey {
  @Field(() => ID, { description: 'Global id (for deleteSurvey).' })
  id!: string;

  @Field(() => ServiceArea, { description: 'The service area of its statements.' })
  serviceArea!: ServiceArea;

  @Field(() => SurveyRound, { description: 'The round it is asked in.' })
  round!: SurveyRound;

  @Field(() => ID, { nullable: true, description: 'The occurrence it is attached to, if that.' })
  eventId!: string | null;

  @Field(() => String, { nullable: true, description: 'The series (Event.seriesId) it is attached to, if that.' })
  seriesId!: string | null;

  @Field(() => String, { nullable: true, description: 'The category (lower-cased) of the partner\'s events it is attached to, if that.' })
  category!: string | null;

  @Field(() => SurveyQuestions, { description: 'What it asks.' })
  questions!: SurveyQuestions;

  @Field(() => DateTime, { description: 'When it was created.' })
  createdAt!: Date;
}

@InputType('CreateSurveyInput', { description: 'A survey to attach: exactly one of eventId, seriesId or category.' })
export class CreateSurveyInput {
  @Field(() => ID, { description: 'The partner asking; its PARTNER key or an ADMIN key.' })
  partnerId!: string;

  @Field(() => ServiceArea, { description: 'Which four statements to ask.' })
  serviceArea!: ServiceArea;

  @Field(() => SurveyRound, { description: 'The round; an occurrence, series or category takes one survey per round.' })
  round!: SurveyRound;

  @Field(() => ID, { nullable: true, description: 'One of the partner\'s occurrences (global Event id).' })
  eventId?: string | null;

  @Field(() => ID, { nullable: true, description: 'One of the partner\'s series (Event.seriesId): every occurrence of it.' })
  seriesId?: string | null;

  @Field(() => String, { nullable: true, description: 'A category (compared lower-cased, at most 200 characters): every occurrence of the partner with it.' })
  category?: string | null;
}

@InputType('RespondToSurveyInput', { description: 'One anonymous answer to an occurrence\'s survey. Nothing that names the respondent is stored.' })
export class RespondToSurveyInput {
  @Field(() => ID, { description: 'The occurrence answered for (global Event id); its survey opens when it starts.' })
  eventId!: string;

  @Field(() => SurveyRound, { description: 'The round answered.' })
  round!: SurveyRound;

  @Field(() => [Int], { nullable: 'itemsAndList', description: 'Up to four ratings, 1 to 5, in the order of SurveyQuestions.statements; null (or missing) for a statement skipped.' })
  ratings?: Array<number | null> | null;

  @Field(() => String, { nullable: true, description: 'What they liked most: plain text without control characters (line breaks allowed), trimmed, at most 1000 characters.' })
  liked?: string | null;

  @Field(() => String, { nullable: true, description: 'What the library could do to help them learn more; as liked.' })
  improve?: string | null;

  @Field(() => String, { nullable: true, description: 'A registrant\'s one-use survey link token (from the survey mail); a drop-in answers without one. A used token answers CONFLICT.' })
  token?: string | null;
}
