import type { SqlReader } from '../../db/sql-reader';
import { AGREE_FROM } from '../../domain/survey';
import { SurveyEntity } from '../../model/survey.entity';
import { EventRegistrationTally } from './impact-figures';
import { EventSurveyTally } from './impact-surveys';

/**
 * Registrations per event over the same events as eventsStartingIn, in one grouped statement: parties
 * that stand and parties cancelled. No personal column is read.
 */
export async function registrationTallies(reader: SqlReader, from: Date, to: Date, partnerIds: readonly string[] | null): Promise<EventRegistrationTally[]> {
  const partners = partnerIds ? ` AND ${reader.keyIn('e."partnerId"')}` : '';
  const rows = await reader.all<{ eventId: string; cancelled: unknown; total: unknown }>(
    `SELECT r."eventId" AS "eventId", SUM(CASE WHEN r."status" = 'CANCELLED' THEN 1 ELSE 0 END) AS "cancelled", COUNT(*) AS "total"
     FROM "registration" r JOIN "event" e ON e."id" = r."eventId"
     WHERE e."startsAt" >= ? AND e."startsAt" < ? AND e."removedAt" IS NULL AND e."status" <> 'CANCELLED'${partners}
     GROUP BY r."eventId"`,
    [from.toISOString(), to.toISOString(), ...(partnerIds ? [reader.keys(partnerIds)] : [])],
  );
  // PostgreSQL answers COUNT and SUM as strings.
  return rows.map((r) => ({ eventId: r.eventId, cancelled: Number(r.cancelled), parties: Number(r.total) - Number(r.cancelled) }));
}

const RATINGS = [1, 2, 3, 4];

/**
 * Survey answers per occurrence over the same events as eventsStartingIn, in one grouped statement:
 * responses, and per statement the ratings given and those agreeing. No answer text is read.
 */
export async function surveyTallies(reader: SqlReader, from: Date, to: Date, partnerIds: readonly string[] | null): Promise<EventSurveyTally[]> {
  const partners = partnerIds ? ` AND ${reader.keyIn('e."partnerId"')}` : '';
  const perStatement = RATINGS.map((n) => `SUM(CASE WHEN s."rating${n}" IS NOT NULL THEN 1 ELSE 0 END) AS "answered${n}", `
    + `SUM(CASE WHEN s."rating${n}" >= ${AGREE_FROM} THEN 1 ELSE 0 END) AS "agreed${n}"`).join(', ');
  const rows = await reader.all<Record<string, unknown>>(
    `SELECT s."eventId" AS "eventId", COUNT(*) AS "responses", ${perStatement}
     FROM "survey_response" s JOIN "event" e ON e."id" = s."eventId"
     WHERE e."startsAt" >= ? AND e."startsAt" < ? AND e."removedAt" IS NULL AND e."status" <> 'CANCELLED'${partners}
     GROUP BY s."eventId"`,
    [from.toISOString(), to.toISOString(), ...(partnerIds ? [reader.keys(partnerIds)] : [])],
  );
  // PostgreSQL answers COUNT and SUM as strings.
  return rows.map((r) => ({
    eventId: String(r.eventId), responses: Number(r.responses),
    answered: RATINGS.map((n) => Number(r[`answered${n}`])), agreed: RATINGS.map((n) => Number(r[`agreed${n}`])),
  }));
}

/** The surveys the report's partners ask (a town's are few): one statement, matched to occurrences in memory. */
export function surveysOfPartners(reader: SqlReader, partnerIds: readonly string[] | null): Promise<SurveyEntity[]> {
  const partners = partnerIds ? ` WHERE ${reader.keyIn('"partnerId"')}` : '';
  return reader.all<SurveyEntity>(
    `SELECT "id", "partnerId", "serviceArea", "round", "eventId", "seriesId", "category" FROM "survey"${partners}`,
    partnerIds ? [reader.keys(partnerIds)] : [],
  );
}
