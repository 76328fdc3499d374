import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `register_party`: a registration on PostgreSQL in one round trip (issue 17). The client's transaction
 * used to take eight round trips with the event row locked throughout, so at 9:00 every registrant of
 * one program queued behind seven network waits of the one ahead. Here the lock is held only inside
 * the server, for a few index lookups.
 *
 * A function rather than one data-modifying CTE: within a single statement every part reads the
 * snapshot taken when the statement began, before it waited for the row lock, so
 * `MAX("waitlistPosition") + 1` and the "already registered" lookup would miss the rows written by
 * whoever held the lock just before (READ COMMITTED re-reads only the locked row,
 * https://www.postgresql.org/docs/current/transaction-iso.html#XACT-READ-COMMITTED): measured, 320
 * waitlist claims by `WITH claim AS (UPDATE … RETURNING) INSERT … SELECT MAX(pos) + 1 …`, 32 at a
 * time, stored 86 distinct positions.
 * In a VOLATILE PL/pgSQL function each statement takes a fresh snapshot, so both are read after the
 * lock, as the client-side transaction read them.
 *
 * The rules restate `rejectionFor` and `claimSeats` (src/features/registrations/registration-programs.ts,
 * src/features/events/seats.ts), which SQLite runs: the caller recomputes `rejectionFor` on the row
 * this returns and fails loudly on any disagreement (src/features/registrations/register-party.ts),
 * and test/features/registrations/registration-rules.test.ts runs every rule on both backends.
 * Instants are ISO-8601 text (`col.instant`): compared byte-wise (COLLATE "C"), as JavaScript compares
 * strings; an empty text counts as unset, as it is falsy there.
 *
 * Returns `{ outcome, event, registration }`: outcome is CONFIRMED, WAITLISTED, MISSING or a
 * RegistrationRejectionCode; event the seat columns as they are at the end (null when MISSING);
 * registration the inserted row (null unless registered).
 */
export class RegisterPartyFunction1765500000000 implements MigrationInterface {
  name = 'RegisterPartyFunction1765500000000';

  async up(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== 'postgres') return;
    await q.query(`
CREATE OR REPLACE FUNCTION "register_party"(
  p_id varchar, p_event_id varchar, p_name varchar, p_email varchar, p_party_size integer,
  p_cancel_token_hash varchar, p_now varchar, p_staff_of_every_partner boolean, p_staff_of_partner varchar
) RETURNS json LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  ev record;
  reg record;
  closes varchar;
  outcome varchar;
  v_position integer;
  -- RETURNING … INTO sets its target to NULL when no row matched: the counts go to ev only once one did.
  v_count integer;
BEGIN
  SELECT "id", "partnerId", "status", "registrationMode", "capacity", "waitlistCapacity", "maxPartySize",
         "confirmedCount", "waitlistedCount", "attendedCount", "registrationOpensAt", "registrationClosesAt", "endsAt"
    INTO ev FROM "event" WHERE "id" = p_event_id FOR UPDATE;
  IF NOT FOUND THEN
    RETURN json_build_object('outcome', 'MISSING', 'event', NULL, 'registration', NULL);
  END IF;
  closes := CASE WHEN NULLIF(ev."registrationClosesAt", '') IS NOT NULL AND ev."registrationClosesAt" COLLATE "C" < ev."endsAt"
                 THEN ev."registrationClosesAt" ELSE ev."endsAt" END;
  outcome := CASE
    WHEN ev."registrationMode" <> 'NATIVE' THEN 'NOT_REGISTRABLE'
    WHEN ev."status" = 'CANCELLED' THEN 'EVENT_CANCELLED'
    WHEN ev."status" = 'POSTPONED' THEN 'REGISTRATION_CLOSED'
    WHEN NULLIF(ev."registrationOpensAt", '') IS NOT NULL AND p_now COLLATE "C" < ev."registrationOpensAt" THEN 'REGISTRATION_CLOSED'
    WHEN p_now COLLATE "C" >= closes THEN 'REGISTRATION_CLOSED'
    WHEN p_party_size > ev."maxPartySize" THEN 'PARTY_TOO_LARGE'
  END;
  IF outcome IS NULL AND (p_staff_of_every_partner OR p_staff_of_partner = ev."partnerId") AND EXISTS (
    SELECT 1 FROM "registration" WHERE "eventId" = p_event_id AND "email" = p_email AND "status" <> 'CANCELLED'
  ) THEN
    outcome := 'ALREADY_REGISTERED';
  END IF;
  IF outcome IS NULL THEN
    -- claimSeats: conditional UPDATEs, so the counters cannot pass capacity even without the lock;
    -- a seat only while nobody waits (waitlist first), else a waitlist place.
    UPDATE "event" SET "confirmedCount" = "confirmedCount" + p_party_size, "updatedAt" = p_now
      WHERE "id" = p_event_id AND "waitlistedCount" = 0 AND ("capacity" IS NULL OR "confirmedCount" + p_party_size <= "capacity")
      RETURNING "confirmedCount" INTO v_count;
    IF FOUND THEN
      ev."confirmedCount" := v_count;
      outcome := 'CONFIRMED';
    ELSE
      UPDATE "event" SET "waitlistedCount" = "waitlistedCount" + p_party_size, "updatedAt" = p_now
        WHERE "id" = p_event_id AND "waitlistedCount" + p_party_size <= "waitlistCapacity"
        RETURNING "waitlistedCount" INTO v_count;
      IF FOUND THEN
        ev."waitlistedCount" := v_count;
        outcome := 'WAITLISTED';
        SELECT COALESCE(MAX("waitlistPosition"), 0) + 1 INTO v_position FROM "registration" WHERE "eventId" = p_event_id;
      ELSE
        outcome := 'EVENT_FULL';
      END IF;
    END IF;
  END IF;
  IF outcome IN ('CONFIRMED', 'WAITLISTED') THEN
    INSERT INTO "registration" ("id", "eventId", "name", "email", "partySize", "status", "waitlistPosition", "cancelTokenHash",
                                "attended", "createdAt", "updatedAt")
      VALUES (p_id, p_event_id, p_name, p_email, p_party_size, outcome, v_position, p_cancel_token_hash, false, p_now, p_now)
      RETURNING "id", "eventId", "name", "email", "partySize", "status", "waitlistPosition", "cancelTokenHash",
                "attended", "createdAt", "updatedAt" INTO reg;
    RETURN json_build_object('outcome', outcome, 'event', to_json(ev), 'registration', to_json(reg));
  END IF;
  RETURN json_build_object('outcome', outcome, 'event', to_json(ev), 'registration', NULL);
END
$$`);
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== 'postgres') return;
    await q.query('DROP FUNCTION IF EXISTS "register_party"(varchar, varchar, varchar, varchar, integer, varchar, varchar, boolean, varchar)');
  }
}
