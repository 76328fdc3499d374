import type { SchemaSection } from '../../schema/schema-section';

/** This feature's part of the API: where its fields and types stand in the committed SDL. */
export const surveysSection: SchemaSection = {
  sdl: {
    name: 'Surveys',
    summary: 'Outcome surveys (Project Outcome\'s service areas): staff attach them, anyone answers anonymously.',
    query: ['surveyFor'],
    mutation: ['createSurvey', 'deleteSurvey', 'respondToSurvey'],
    subscription: [],
    types: ['ServiceArea', 'SurveyRound', 'SurveyQuestions', 'Survey', 'CreateSurveyInput', 'RespondToSurveyInput', 'SurveyLink'],
  },
  nodes: {},
};
