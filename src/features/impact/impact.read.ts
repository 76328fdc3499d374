import type { SqlReader } from '../../db/sql-reader';
import { EventRegistrationTally } from './impact-figures';

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
