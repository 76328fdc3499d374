import { DomainError, ErrorCode } from '../../domain/errors';
import { MAX_OPEN_ANSWER_LENGTH } from '../../domain/survey';

/**
 * A refused answer said to the person at the form rather than to a developer: respondToSurvey's
 * messages name arguments and echo JSON, which the page's reader never wrote. CONFLICT messages (a used
 * link, a survey not yet open) are already in plain words.
 */
export function surveyErrorWords(error: DomainError): string {
  if (error.code !== ErrorCode.BAD_USER_INPUT) return error.message;
  const argument = String(error.details.argument ?? '');
  if (argument === 'ratings') {
    return error.message.includes('at least one')
      ? 'Nothing was answered: choose a point of the scale for at least one statement, or write an answer.'
      : 'Each rating is one of the five points of the scale.';
  }
  if (argument === 'liked' || argument === 'improve') {
    return `Answers are plain text of at most ${MAX_OPEN_ANSWER_LENGTH} characters.`;
  }
  if (argument.endsWith('token')) return 'This survey link is not one of this event\'s. Check the link in your mail, or answer from the event\'s own survey page.';
  return error.message;
}
