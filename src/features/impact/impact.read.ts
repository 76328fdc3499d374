import type { SqlReader } from '../../db/sql-reader';
import { AGREE_FROM } from '../../domain/survey';
import { SurveyEntity } from '../../model/survey.entity';
import type { PartyCountEntry } from '../../domain/party';
import { AttendedMakeups, EventRegistrationTally } from './impact-figures';
import { EventSurveyTally } from './impact-surveys';

/** A checked-in party, as the statement below tests for it. */
const CAME = `r."status" = 'CONFIRMED' AND r."attended" = TRUE`;
/** A party that was ever on the waitlist: still waiting, promoted, or gone from the line without a seat. */
const WAITED = `(r."status" = 'WAITLISTED' OR r."promotedAt" IS NOT NULL OR r."waitlistLeftAt" IS NOT NULL)`;

/**
 * Registrations per event over the same events as eventsStartingIn, in one grouped statement: parties
 * that stand and parties cancelled (the tallies), and who came of the checked-in parties (the
 * attendees). Parties alike in their makeup and in who of them came share a row (a storytime's many
 * "one adult, two children" are one), and parties not checked in share their event's row, so the
 * report reads far fewer rows than registrations, and no person's own: no personal column is read.
 */
export async function registrationTallies(
  reader: SqlReader, from: Date, to: Date, partnerIds: readonly string[] | null,
): Promise<{ tallies: EventRegistrationTally[]; attendees: AttendedMakeups[] }> {
  const partners = partnerIds ? ` AND ${reader.keyIn('e."partnerId"')}` : '';
  const rows = await reader.all<{
    eventId: string; party: string | null; attendedParty: string | null; cancelled: unknown; total: unknown; came: unknown; people: unknown;
    waited: unknown; promoted: unknown;
  }>(
    `SELECT r."eventId" AS "eventId",
       CASE WHEN ${CAME} THEN r."party" END AS "party", CASE WHEN ${CAME} THEN r."attendedParty" END AS "attendedParty",
       SUM(CASE WHEN r."status" = 'CANCELLED' THEN 1 ELSE 0 END) AS "cancelled", COUNT(*) AS "total",
       SUM(CASE WHEN ${CAME} THEN 1 ELSE 0 END) AS "came", SUM(CASE WHEN ${CAME} THEN r."partySize" ELSE 0 END) AS "people",
       SUM(CASE WHEN ${WAITED} THEN 1 ELSE 0 END) AS "waited", SUM(CASE WHEN r."promotedAt" IS NOT NULL THEN 1 ELSE 0 END) AS "promoted"
     FROM "registration" r JOIN "event" e ON e."id" = r."eventId"
     WHERE e."startsAt" >= ? AND e."startsAt" < ? AND e."removedAt" IS NULL AND e."status" <> 'CANCELLED'${partners}
     GROUP BY 1, 2, 3`,
    [from.toISOString(), to.toISOString(), ...(partnerIds ? [reader.keys(partnerIds)] : [])],
  );
  const tallies = new Map<string, EventRegistrationTally>();
  const attendees: AttendedMakeups[] = [];
  const parsed = (text: string | null) => (text ? JSON.parse(text) as PartyCountEntry[] : null);
  // PostgreSQL answers COUNT and SUM as strings.
  for (const r of rows) {
    const tally = tallies.get(r.eventId) ?? { eventId: r.eventId, parties: 0, cancelled: 0, waited: 0, promoted: 0 };
    tally.cancelled += Number(r.cancelled);
    tally.waited += Number(r.waited);
    tally.promoted += Number(r.promoted);
    tally.parties += Number(r.total) - Number(r.cancelled);
    tallies.set(r.eventId, tally);
    if (Number(r.came) > 0) {
      attendees.push({ eventId: r.eventId, party: parsed(r.party), attendedParty: parsed(r.attendedParty), parties: Number(r.came), people: Number(r.people) });
    }
  }
  return { tallies: [...tallies.values()], attendees };
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
