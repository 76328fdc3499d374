import { InvalidArgumentError } from '../../domain/errors';
import { MAX_OPEN_ANSWER_LENGTH, RATING_MAX, RATING_MIN, STATEMENTS_PER_SURVEY } from '../../domain/survey';

/**
 * Controls other than tab and line breaks (C0, DEL, C1): an open answer is plain text someone typed, and
 * staff read it in reports and exports where a control character could hide or reorder text.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export interface SurveyAnswers {
  ratings: [number | null, number | null, number | null, number | null];
  liked: string | null;
  improve: string | null;
}

/** One open answer: trimmed, null when empty; BAD_USER_INPUT with a control character or past the length. */
function openAnswer(argument: string, value: string | null | undefined): string | null {
  if (value == null) return null;
  if (CONTROL.test(value)) throw new InvalidArgumentError(argument, value.slice(0, 40), 'plain text without control characters');
  const text = value.trim();
  if (text.length > MAX_OPEN_ANSWER_LENGTH) throw new InvalidArgumentError(argument, `${text.length} characters`, `at most ${MAX_OPEN_ANSWER_LENGTH} characters`);
  return text || null;
}

/**
 * A response as stored: one rating per statement in statement order (null where skipped, missing ones
 * too), the open answers cleaned. Pure, so the rules are tested without a database.
 */
export function surveyAnswers(input: { ratings?: ReadonlyArray<number | null> | null; liked?: string | null; improve?: string | null }): SurveyAnswers {
  const given = input.ratings ?? [];
  const expected = `at most ${STATEMENTS_PER_SURVEY} ratings, each null or a whole number from ${RATING_MIN} to ${RATING_MAX}`;
  if (given.length > STATEMENTS_PER_SURVEY) throw new InvalidArgumentError('ratings', `${given.length} values`, expected);
  for (const r of given) {
    if (r != null && (!Number.isInteger(r) || r < RATING_MIN || r > RATING_MAX)) throw new InvalidArgumentError('ratings', given, expected);
  }
  const at = (i: number): number | null => given[i] ?? null;
  const answers: SurveyAnswers = {
    ratings: [at(0), at(1), at(2), at(3)],
    liked: openAnswer('liked', input.liked),
    improve: openAnswer('improve', input.improve),
  };
  if (answers.ratings.every((r) => r === null) && !answers.liked && !answers.improve) {
    throw new InvalidArgumentError('ratings', given, 'at least one rating or open answer');
  }
  return answers;
}
