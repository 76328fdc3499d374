import { toGlobalId } from '../../domain/global-id';
import { OPEN_QUESTIONS, RATING_MAX, RATING_MIN, STATEMENTS } from '../../domain/survey';
import { SurveyEntity } from '../../model/survey.entity';
import type { Survey, SurveyQuestions } from './survey.type';

/** What a survey asks, as the schema reads it. */
export function surveyQuestions(survey: Pick<SurveyEntity, 'serviceArea' | 'round'>): SurveyQuestions {
  return {
    serviceArea: survey.serviceArea, round: survey.round, statements: [...STATEMENTS[survey.serviceArea]],
    scaleMin: RATING_MIN, scaleMax: RATING_MAX, likedQuestion: OPEN_QUESTIONS.liked, improveQuestion: OPEN_QUESTIONS.improve,
  };
}

/** A survey row as the schema reads it: global ids, and its questions. */
export function surveyView(survey: SurveyEntity): Survey {
  return {
    id: toGlobalId('Survey', survey.id), serviceArea: survey.serviceArea, round: survey.round,
    eventId: survey.eventId ? toGlobalId('Event', survey.eventId) : null, seriesId: survey.seriesId, category: survey.category,
    questions: surveyQuestions(survey), createdAt: survey.createdAt,
  };
}
