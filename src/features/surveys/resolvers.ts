import { SurveyResolver } from './survey.resolver';
import type { SurveyService } from './survey.service';
import type { SurveyLinkService } from './survey-link.service';
import { EventSurveyLinkFieldsResolver } from './event-survey-link-fields.resolver';

/** The services the survey resolvers are built with (src/compose-schema.ts passes its own). */
export interface SurveyResolverServices {
  surveys: SurveyService;
  surveyLinks: SurveyLinkService;
}

/** This feature's resolvers, each given its services through its constructor. */
export function surveyResolvers(s: SurveyResolverServices): object[] {
  return [new SurveyResolver(s.surveys), new EventSurveyLinkFieldsResolver(s.surveyLinks)];
}
