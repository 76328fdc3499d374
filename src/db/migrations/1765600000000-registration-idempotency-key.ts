import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { RegisterPartyFunction1765500000000 } from './1765500000000-register-party-function';
import { col } from './table-helpers';

/** The function as this migration creates it (1766100000000's down restores it). */
export const REGISTER_PARTY_WITH_KEY = `
CREATE OR REPLACE FUNCTION "register_party"(
  p_id varchar, p_event_id varchar, p_name varchar, p_email varchar, p_party_size integer,
  p_cancel_token_hash varchar, p_now varchar, p_staff_of_every_partner boolean, p_staff_of_partner varchar,
  p_idempotency_key_hash varchar
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
  -- Read after the lock, so a racing first call with the same key has committed its row by now.
  IF p_idempotency_key_hash IS NOT NULL THEN
    SELECT "id", "eventId", "name", "email", "partySize", "status", "waitlistPosition", "cancelTokenHash",
           "idempotencyKeyHash", "attended", "createdAt", "updatedAt"
      INTO reg FROM "registration" WHERE "eventId" = p_event_id AND "idempotencyKeyHash" = p_idempotency_key_hash;
    IF FOUND THEN
      RETURN json_build_object('outcome', 'EXISTING', 'event', to_json(ev), 'registration', to_json(reg));
    END IF;
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
                                "idempotencyKeyHash", "attended", "createdAt", "updatedAt")
      VALUES (p_id, p_event_id, p_name, p_email, p_party_size, outcome, v_position, p_cancel_token_hash,
              p_idempotency_key_hash, false, p_now, p_now)
      RETURNING "id", "eventId", "name", "email", "partySize", "status", "waitlistPosition", "cancelTokenHash",
                "idempotencyKeyHash", "attended", "createdAt", "updatedAt" INTO reg;
    RETURN json_build_object('outcome', outcome, 'event', to_json(ev), 'registration', to_json(reg));
  END IF;
  RETURN json_build_object('outcome', outcome, 'event', to_json(ev), 'registration', NULL);
END
$$`;

/**
 * Idempotency keys for register (issue 17): a registration made with RegisterInput.idempotencyKey
 * stores SHA-256 of the key (src/features/registrations/idempotency-key.ts), unique per event, so a
 * retry finds the first call's row instead of registering again.
 *
 * On PostgreSQL `register_party` takes the key's hash as a tenth argument and, once it holds the event
 * row's lock, answers `{ outcome: 'EXISTING', event, registration }` when a registration of that event
 * already has it (the caller compares the input and builds the replay), before any rule or seat claim;
 * otherwise it is 1765500000000's function, inserting the hash with the row. The lock serialises racing
 * calls with one key (each statement of the VOLATILE function reads after it, see 1765500000000), and
 * the unique index stands behind it. The nine-argument function is dropped: an overload beside it would
 * let a stale caller register without the key.
 */
export class RegistrationIdempotencyKey1765600000000 implements MigrationInterface {
  name = 'RegistrationIdempotencyKey1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('registration', new TableColumn(col.text('idempotencyKeyHash', 64, true)));
    await q.createIndex('registration', new TableIndex({
      name: 'registration_event_idempotency_key', columnNames: ['eventId', 'idempotencyKeyHash'], isUnique: true,
    }));
    if (q.connection.options.type !== 'postgres') return;
    await q.query('DROP FUNCTION IF EXISTS "register_party"(varchar, varchar, varchar, varchar, integer, varchar, varchar, boolean, varchar)');
    await q.query(REGISTER_PARTY_WITH_KEY);
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type === 'postgres') {
      await q.query('DROP FUNCTION IF EXISTS "register_party"(varchar, varchar, varchar, varchar, integer, varchar, varchar, boolean, varchar, varchar)');
      await new RegisterPartyFunction1765500000000().up(q);
    }
    await q.dropIndex('registration', 'registration_event_idempotency_key');
    await q.dropColumn('registration', 'idempotencyKeyHash');
  }
}
