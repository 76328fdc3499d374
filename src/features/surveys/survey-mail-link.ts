import { toGlobalId } from '../../domain/global-id';
import { DomainError, ErrorCode } from '../../domain/errors';
import { SurveyRound } from '../../domain/survey';
import { surveyPagePath } from '../../domain/survey-link';
import type { SurveyLinkService } from './survey-link.service';
import type { SurveyService } from './survey.service';

/**
 * For the survey mail: a registrant's own link to an occurrence's survey page, `<base>/s/<code>?token=…`
 * with a fresh one-use token, or null when the occurrence asks none of our surveys (the mail then falls
 * back to the event's surveyUrl). The mail goes an hour after the end, so it asks the IMMEDIATE round.
 * Each call issues a token: a mail sent again after a failure carries a new one, the old one still good.
 */
export function surveyMailLink(
  surveys: SurveyService, links: SurveyLinkService, baseUrl: () => string,
): (eventId: string, now: Date) => Promise<string | null> {
  return async (eventId, now) => {
    try {
      if (!(await surveys.surveyFor(toGlobalId('Event', eventId), SurveyRound.IMMEDIATE))) return null;
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.NOT_FOUND) return null;
      throw error;
    }
    const code = await links.codeFor(eventId, now);
    const token = await surveys.issueToken(eventId);
    return `${baseUrl()}${surveyPagePath(code)}?token=${token}`;
  };
}
