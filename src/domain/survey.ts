/**
 * Outcome surveys (issue 19), shaped after PLA's Project Outcome so libraries can compare with what they
 * collected there: seven service areas, four statements per area rated on a 5-point agreement scale
 * (1 strongly disagree … 5 strongly agree), two open questions, and an IMMEDIATE and a FOLLOW_UP round.
 * The statements follow Project Outcome's four outcomes (knowledge, confidence, application,
 * awareness); the wording is ours.
 */
export enum ServiceArea {
  CIVIC_COMMUNITY_ENGAGEMENT = 'CIVIC_COMMUNITY_ENGAGEMENT',
  DIGITAL_LEARNING = 'DIGITAL_LEARNING',
  ECONOMIC_DEVELOPMENT = 'ECONOMIC_DEVELOPMENT',
  EDUCATION_LIFELONG_LEARNING = 'EDUCATION_LIFELONG_LEARNING',
  EARLY_CHILDHOOD_LITERACY = 'EARLY_CHILDHOOD_LITERACY',
  JOB_SKILLS = 'JOB_SKILLS',
  SUMMER_READING = 'SUMMER_READING',
}

export enum SurveyRound {
  /** Right after the program. */
  IMMEDIATE = 'IMMEDIATE',
  /** Weeks later: did it last? */
  FOLLOW_UP = 'FOLLOW_UP',
}

/** Ratings per response: one per statement, in statement order. */
export const STATEMENTS_PER_SURVEY = 4;
export const RATING_MIN = 1;
export const RATING_MAX = 5;
/** A rating that counts as agreeing ("agree" or "strongly agree"), as Project Outcome reports it. */
export const AGREE_FROM = 4;
/** Longest open answer, after trimming. */
export const MAX_OPEN_ANSWER_LENGTH = 1000;

/** Knowledge, confidence, application, awareness: the same four outcomes in every area, worded for it. */
export const STATEMENTS: Readonly<Record<ServiceArea, readonly [string, string, string, string]>> = {
  CIVIC_COMMUNITY_ENGAGEMENT: [
    'I learned something useful about my community.',
    'I feel more able to take part in my community.',
    'I plan to get more involved in my community.',
    'I know more about what the library offers for taking part in community life.',
  ],
  DIGITAL_LEARNING: [
    'I learned a new digital skill.',
    'I feel more at ease using technology.',
    'I will use what I learned on my own devices.',
    'I know more about the library\'s technology help and resources.',
  ],
  ECONOMIC_DEVELOPMENT: [
    'I learned something new about running a business or managing money.',
    'I feel more sure of myself about business or money decisions.',
    'I intend to put what I learned to work.',
    'I know more about the library\'s business and money resources.',
  ],
  EDUCATION_LIFELONG_LEARNING: [
    'I learned something new.',
    'I feel more confident about what I learned.',
    'I intend to apply what I learned.',
    'I am more aware of what the library provides for learning.',
  ],
  EARLY_CHILDHOOD_LITERACY: [
    'I learned a new way to help my child learn.',
    'I feel more able to help my child learn.',
    'I will try what I learned with my child at home.',
    'I know more about the library\'s resources for young children.',
  ],
  JOB_SKILLS: [
    'I learned something that helps in finding or keeping a job.',
    'I feel more confident in looking for work or building my career.',
    'I plan to use what I learned in my job search or at work.',
    'I know more about the library\'s job and career resources.',
  ],
  SUMMER_READING: [
    'My child (or I) learned something new this summer.',
    'My child (or I) feels more confident as a reader.',
    'My child (or I) will keep reading after the summer.',
    'I know more about what the library offers for readers.',
  ],
};

/** The two open questions, the same in every area. */
export const OPEN_QUESTIONS = {
  liked: 'What did you like most?',
  improve: 'What could the library do to help you learn more?',
} as const;
