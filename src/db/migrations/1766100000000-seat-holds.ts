import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { REGISTER_PARTY_WITH_KEY } from './1765600000000-registration-idempotency-key';
import { col } from './table-helpers';

/**
 * Seat holds (issue 20; src/features/events/seat-holds.ts): `event.seatHolds`, a JSON list of
 * `{ id, n, until }`, next to the counts they reduce.
 *
 * On PostgreSQL `register_party` takes the hold's id as an eleventh argument (null: none). Under the
 * event row's lock it reads the holds still in force at p_now. A party that brings a hold of its size
 * or more is confirmed on it, even if a waitlist formed since (the seat was set aside before anyone
 * waited); otherwise seats are claimed as before, leaving the other holds' seats alone. On success it
 * writes the list back without the expired holds and without the party's own. Otherwise it is
 * 1765600000000's function. The ten-argument function is dropped: a stale caller must fail, not
 * register past the held seats.
 */
export class SeatHolds1766100000000 implements MigrationInterface {
  name = 'SeatHolds1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('event', new TableColumn(col.jsonList('seatHolds')));
    if (q.connection.options.type !== 'postgres') return;
    await q.query('DROP FUNCTION IF EXISTS "register_party"(varchar, varchar, varchar, varchar, integer, varchar, varchar, boolean, varchar, varchar)');
    await q.query(`
CREATE OR REPLACE FUNCTION "register_party"(
  p_id varchar, p_event_id varchar, p_name varchar, p_email varchar, p_party_size integer,
  p_cancel_token_hash varchar, p_now varchar, p_staff_of_every_partner boolean, p_staff_of_partner varchar,
  p_idempotency_key_hash varchar, p_hold_id varchar
) RETURNS json LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  ev record;
  reg record;
  closes varchar;
  outcome varchar;
  v_position integer;
  v_count integer;
  -- The holds in force without the party's own, the people they hold, and the people the party's own holds.
  v_holds jsonb;
  v_held integer;
  v_own integer;
BEGIN
  SELECT "id", "partnerId", "status", "registrationMode", "capacity", "waitlistCapacity", "maxPartySize",
         "confirmedCount", "waitlistedCount", "attendedCount", "registrationOpensAt", "registrationClosesAt", "endsAt", "seatHolds"
    INTO ev FROM "event" WHERE "id" = p_event_id FOR UPDATE;
  IF NOT FOUND THEN
    RETURN json_build_object('outcome', 'MISSING', 'event', NULL, 'registration', NULL);
  END IF;
  IF p_idempotency_key_hash IS NOT NULL THEN
    SELECT "id", "eventId", "name", "email", "partySize", "status", "waitlistPosition", "cancelTokenHash",
           "idempotencyKeyHash", "attended", "createdAt", "updatedAt"
      INTO reg FROM "registration" WHERE "eventId" = p_event_id AND "idempotencyKeyHash" = p_idempotency_key_hash;
    IF FOUND THEN
      RETURN json_build_object('outcome', 'EXISTING', 'event', to_json(ev), 'registration', to_json(reg));
    END IF;
  END IF;
  SELECT COALESCE(jsonb_agg(h) FILTER (WHERE h->>'id' IS DISTINCT FROM p_hold_id), '[]'::jsonb),
         COALESCE(SUM((h->>'n')::integer) FILTER (WHERE h->>'id' IS DISTINCT FROM p_hold_id), 0),
         COALESCE(SUM((h->>'n')::integer) FILTER (WHERE h->>'id' = p_hold_id), 0)
    INTO v_holds, v_held, v_own
    FROM jsonb_array_elements(COALESCE(NULLIF(ev."seatHolds", ''), '[]')::jsonb) AS h
    WHERE p_now COLLATE "C" < (h->>'until') COLLATE "C";
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
    -- claimSeats (src/features/events/seats.ts): on the party's own hold even if a waitlist formed since,
    -- else on a free seat only while nobody waits; never on another party's held seat (the capacity
    -- test also keeps a hold from outliving a capacity cut); else a waitlist place.
    UPDATE "event" SET "confirmedCount" = "confirmedCount" + p_party_size, "seatHolds" = v_holds::text, "updatedAt" = p_now
      WHERE "id" = p_event_id AND (v_own >= p_party_size OR "waitlistedCount" = 0)
        AND ("capacity" IS NULL OR "confirmedCount" + v_held + p_party_size <= "capacity")
      RETURNING "confirmedCount" INTO v_count;
    IF FOUND THEN
      ev."confirmedCount" := v_count;
      ev."seatHolds" := v_holds::text;
      outcome := 'CONFIRMED';
    ELSE
      UPDATE "event" SET "waitlistedCount" = "waitlistedCount" + p_party_size, "seatHolds" = v_holds::text, "updatedAt" = p_now
        WHERE "id" = p_event_id AND "waitlistedCount" + p_party_size <= "waitlistCapacity"
        RETURNING "waitlistedCount" INTO v_count;
      IF FOUND THEN
        ev."waitlistedCount" := v_count;
        ev."seatHolds" := v_holds::text;
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
$$`);
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type === 'postgres') {
      await q.query('DROP FUNCTION IF EXISTS "register_party"(varchar, varchar, varchar, varchar, integer, varchar, varchar, boolean, varchar, varchar, varchar)');
      await q.query(REGISTER_PARTY_WITH_KEY);
    }
    await q.dropColumn('event', 'seatHolds');
  }
}
