import { DateTime, IANAZone } from 'luxon';
import type { SqlReader } from '../../db/sql-reader';
import { InvalidArgumentError } from '../../domain/errors';

/**
 * `EventFilter.on`: one calendar day, read in the client's time zone or, by default, in each partner's
 * own (a town's partners may not share one, and "Saturday" means the partner's Saturday).
 */
export interface DayCriterion {
  /** YYYY-MM-DD. */
  date: string;
  /** The zones the day is read in: the client's one, or every partner's (filled by withPartnerZones). */
  zones: string[];
  /** True when each event is read in its partner's zone; false when the client named one zone. */
  perPartnerZone: boolean;
}

/** Checks `on` and `timeZone` together; a time zone without a day would be silently ignored, so it is refused. */
export function dayCriterion(on: Date | null | undefined, timeZone: string | null | undefined): DayCriterion | null {
  const zone = timeZone?.trim() || null;
  if (zone && !IANAZone.isValidZone(zone)) throw new InvalidArgumentError('filter.timeZone', zone.slice(0, 60), 'an IANA time zone such as America/Chicago');
  if (!on) {
    if (zone) throw new InvalidArgumentError('filter.timeZone', zone, 'a time zone only together with filter.on (it says in which zone that day is read)');
    return null;
  }
  const date = on.toISOString().slice(0, 10);
  return zone ? { date, zones: [zone], perPartnerZone: false } : { date, zones: [], perPartnerZone: true };
}

/** Fills in every partner's zone when the day is read per partner (one small statement). */
export async function withPartnerZones(reader: SqlReader, day: DayCriterion | null): Promise<DayCriterion | null> {
  if (!day?.perPartnerZone) return day;
  const rows = await reader.all<{ timezone: string }>('SELECT DISTINCT p."timezone" AS "timezone" FROM "partner" p', []);
  return { ...day, zones: rows.map((row) => row.timezone) };
}

/** [start, end) of a local day in a zone, as ISO instants; a day can be 23 or 25 hours long. */
function dayBounds(date: string, zone: string): [string, string] {
  const start = DateTime.fromISO(date, { zone }).startOf('day');
  return [start.toUTC().toISO()!, start.plus({ days: 1 }).toUTC().toISO()!];
}

/**
 * SQL over `e` for "on that day": an all-day event by its own calendar dates (an all-day event on the
 * 10th is on the 10th wherever it is read); a timed one when it is on at any moment of the local day.
 */
export function daySql(day: DayCriterion): [string, ...unknown[]] {
  const params: unknown[] = [day.date, day.date, day.date];
  const timed = day.zones.map((zone) => {
    const [start, end] = dayBounds(day.date, zone);
    params.push(start, start, end);
    const window = '(e."endsAt" > ? OR e."startsAt" >= ?) AND e."startsAt" < ?';
    if (!day.perPartnerZone) return `(${window})`;
    params.push(zone);
    return `(${window} AND e."partnerId" IN (SELECT p."id" FROM "partner" p WHERE p."timezone" = ?))`;
  });
  const allDay = '(e."startDate" IS NOT NULL AND e."startDate" <= ? AND (e."endDate" > ? OR (e."endDate" IS NULL AND e."startDate" = ?)))';
  const sql = timed.length ? `(${allDay} OR (e."startDate" IS NULL AND (${timed.join(' OR ')})))` : allDay;
  return [sql, ...params];
}
