import { SurveyResolver } from './survey.resolver';
import type { SurveyService } from './survey.service';

/** The services the survey resolvers are built with (src/compose-schema.ts passes its own). */
export interface SurveyResolverServices {
  surveys: SurveyService;
}

/** This feature's resolvers, each given its services through its constructor. */
export function surveyResolvers(s: SurveyResolverServices): object[] {
  return [new SurveyResolver(s.surveys)];
}
