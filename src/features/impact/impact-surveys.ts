import { ServiceArea, STATEMENTS_PER_SURVEY, SurveyRound } from '../../domain/survey';
import type { EventEntity } from '../../model/event.entity';
import type { SurveyEntity } from '../../model/survey.entity';
import { pickSurvey } from '../surveys/survey-target';

/**
 * Fewer responses than this in a group and its agreement is not shown (k-anonymity): with two or three
 * answers from one small program, a percentage tells staff how a known person answered.
 */
export const MIN_SURVEY_RESPONSES = 5;

/** The four statements' outcomes, the same position in every service area (src/domain/survey.ts). */
export const STATEMENT_OUTCOMES = ['knowledge', 'confidence', 'application', 'awareness'] as const;

/** The survey answers given for one occurrence, as one grouped statement counts them. */
export interface EventSurveyTally {
  eventId: string;
  responses: number;
  /** Per statement: ratings given (not skipped). */
  answered: number[];
  /** Per statement: ratings of AGREE_FROM (4) or more. */
  agreed: number[];
}

/** What the report knows about surveys, per occurrence. */
export interface ImpactSurveys {
  tallies: ReadonlyMap<string, EventSurveyTally>;
  /** The service area of the survey an occurrence asks (IMMEDIATE, else FOLLOW_UP); absent: none. */
  areas: ReadonlyMap<string, ServiceArea>;
}

export const NO_SURVEYS: ImpactSurveys = { tallies: new Map(), areas: new Map() };

/**
 * The report's survey facts: answers by occurrence, and, when the report is broken down by service area
 * (`withAreas`), the service area each occurrence's survey asks (IMMEDIATE first). A survey belongs to
 * its partner's occurrences only, so each occurrence looks among its partner's surveys alone.
 */
export function impactSurveys(
  events: readonly EventEntity[], surveys: readonly SurveyEntity[], tallies: readonly EventSurveyTally[], withAreas: boolean,
): ImpactSurveys {
  const areas = new Map<string, ServiceArea>();
  if (withAreas && surveys.length) {
    const byPartner = new Map<string, SurveyEntity[]>();
    for (const survey of surveys) byPartner.set(survey.partnerId, [...(byPartner.get(survey.partnerId) ?? []), survey]);
    for (const e of events) {
      const own = byPartner.get(e.partnerId) ?? [];
      const survey = pickSurvey(e, SurveyRound.IMMEDIATE, own) ?? pickSurvey(e, SurveyRound.FOLLOW_UP, own);
      if (survey) areas.set(e.id, survey.serviceArea);
    }
  }
  return { tallies: new Map(tallies.map((t) => [t.eventId, t])), areas };
}

export interface StatementAgreement {
  outcome: string;
  /** Share of the ratings given that agree (4 or 5), 0 to 1; null when the group is suppressed or nobody rated it. */
  agreeShare: number | null;
  answered: number;
}

export interface SurveyFigures {
  surveyResponses: number;
  /** True when the group has fewer than MIN_SURVEY_RESPONSES responses: its shares are null, never zero. */
  surveySuppressed: boolean;
  agreement: StatementAgreement[];
}

export interface SurveySums {
  responses: number;
  answered: number[];
  agreed: number[];
}

export const emptySurveySums = (): SurveySums => ({
  responses: 0, answered: Array(STATEMENTS_PER_SURVEY).fill(0), agreed: Array(STATEMENTS_PER_SURVEY).fill(0),
});

export function addSurveys(sums: SurveySums, tally: EventSurveyTally | undefined): void {
  if (!tally) return;
  sums.responses += tally.responses;
  for (let i = 0; i < STATEMENTS_PER_SURVEY; i++) {
    sums.answered[i] += tally.answered[i];
    sums.agreed[i] += tally.agreed[i];
  }
}

export function surveyFiguresOf(s: SurveySums): SurveyFigures {
  const suppressed = s.responses < MIN_SURVEY_RESPONSES;
  return {
    surveyResponses: s.responses,
    surveySuppressed: suppressed,
    agreement: STATEMENT_OUTCOMES.map((outcome, i) => ({
      outcome,
      agreeShare: suppressed || s.answered[i] === 0 ? null : s.agreed[i] / s.answered[i],
      answered: s.answered[i],
    })),
  };
}
