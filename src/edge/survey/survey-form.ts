import { InvalidArgumentError } from '../../domain/errors';
import { STATEMENTS_PER_SURVEY } from '../../domain/survey';

/** What the survey form sent, as the page shows it again: a rating per statement (null unchosen), the two texts. */
export interface SurveyFormValues {
  ratings: Array<number | null>;
  liked: string;
  improve: string;
  token: string | null;
}

export const EMPTY_FORM: SurveyFormValues = { ratings: [], liked: '', improve: '', token: null };

/** One field: absent is empty; a repeated field (`a=1&a=2`) is not something our form sends. */
function field(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (value === undefined) return '';
  if (typeof value !== 'string') throw new InvalidArgumentError(name, '(repeated)', 'one value');
  return value;
}

/**
 * The urlencoded body of the survey form (rating1..rating4, liked, improve, token). A rating that is
 * not a number stays NaN here so the service's own check (surveyAnswers) refuses it in its own words,
 * as it refuses respondToSurvey's.
 */
export function parseSurveyForm(body: unknown): SurveyFormValues {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const ratings = Array.from({ length: STATEMENTS_PER_SURVEY }, (_, i) => {
    const raw = field(b, `rating${i + 1}`);
    return raw === '' ? null : /^\d$/.test(raw) ? Number(raw) : Number.NaN;
  });
  const token = field(b, 'token');
  return { ratings, liked: field(b, 'liked'), improve: field(b, 'improve'), token: token || null };
}
