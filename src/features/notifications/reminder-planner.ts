import { DataSource } from 'typeorm';
import { RegistrationStatus } from '../../domain/enums';
import { MAX_REMINDER_HOURS } from '../../domain/input-bounds';
import { exec, isPostgres, runWriteTransaction } from '../../db/write-transaction';
import { MailPlanner } from './mail-sender';
import { registrationMailsInsert } from './outbox';
import { REMINDED_EVENT_STATUSES, REMINDER_TEMPLATE } from './reminder-mail';

/** The reminder lead of an event whose reminderHours is null. */
export const DEFAULT_REMINDER_HOURS = 24;

/**
 * `?` plus the event's reminder hours, as stored instants are written (24-character UTC ISO text), so it
 * compares with "startsAt" as text. The one backend-specific part: date arithmetic has no common spelling.
 */
const WINDOW_END = {
  sqlite: `strftime('%Y-%m-%dT%H:%M:%fZ', ?, '+' || COALESCE(e."reminderHours", ${DEFAULT_REMINDER_HOURS}) || ' hours')`,
  postgres: `to_char(CAST(? AS timestamptz) AT TIME ZONE 'UTC' + make_interval(hours => COALESCE(e."reminderHours", ${DEFAULT_REMINDER_HOURS})), `
    + `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
};

const plannerSql = (windowEnd: string): string => registrationMailsInsert('reminder', REMINDER_TEMPLATE,
  `FROM "registration" r JOIN "event" e ON e."id" = r."eventId" WHERE r."status" = '${RegistrationStatus.CONFIRMED}'`
  + ` AND e."status" IN (${REMINDED_EVENT_STATUSES.map((s) => `'${s}'`).join(', ')})`
  + ` AND e."startsAt" > ? AND e."startsAt" <= ? AND COALESCE(e."reminderHours", ${DEFAULT_REMINDER_HOURS}) > 0`
  + ` AND e."startsAt" <= ${windowEnd}`);

const PLANNER_SQL = { sqlite: plannerSql(WINDOW_END.sqlite), postgres: plannerSql(WINDOW_END.postgres) };

/**
 * Reminders are planned, not stored at registration: a reschedule, a change of reminderHours or a
 * promotion then needs no bookkeeping. Before each look of the sender, one idempotent statement adds a
 * `reminder:<registrationId>` row for every confirmed registration of an event that takes place, has not
 * started and starts within its reminder window (waitlisted people get none). A registration gets one
 * reminder, ever: a later reschedule does not plan a second.
 */
export class ReminderPlanner implements MailPlanner {
  constructor(private readonly db: DataSource) {}

  async plan(now: Date): Promise<void> {
    const sql = isPostgres(this.db) ? PLANNER_SQL.postgres : PLANNER_SQL.sqlite;
    const at = now.toISOString();
    // A fixed bound on "startsAt" narrows the events before any per-row arithmetic.
    const horizon = new Date(now.getTime() + MAX_REMINDER_HOURS * 3_600_000).toISOString();
    await runWriteTransaction(this.db, function* () {
      yield* exec(sql, [at, at, at, horizon, at]);
    });
  }
}
