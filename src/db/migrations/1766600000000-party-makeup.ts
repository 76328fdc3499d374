import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { col } from './table-helpers';

/**
 * Party makeup by category (issue 19). `event.partyCategories`: JSON `[{ key, label }]`, null for the
 * defaults (src/features/events/party-categories.ts). `registration.party`: JSON `[{ category, count }]`
 * as the registrant gave it (only the categories with people, in the event's order), null when none
 * was given; partySize stays the seats taken, the sum.
 *
 * On PostgreSQL `register_party_makeup(result, party)` wraps register_party's answer in the same
 * statement (src/features/registrations/register-party.ts), so the makeup commits with the row or not
 * at all. A function rather than a data-modifying WITH: a sibling WITH reads the statement's snapshot,
 * taken before register_party inserted the row, while a VOLATILE function's statements see it. For a
 * new registration it stores the makeup; for a retry (EXISTING) it reads the stored one, so the
 * caller can tell a retry with another makeup (CONFLICT). Either way the answer's registration
 * carries `party`. register_party itself is unchanged: restating its hundred lines for one column
 * would make a fourth copy to keep in step.
 */
export class PartyMakeup1766600000000 implements MigrationInterface {
  name = 'PartyMakeup1766600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('event', new TableColumn(col.longText('partyCategories')));
    await q.addColumn('registration', new TableColumn(col.longText('party')));
    if (q.connection.options.type !== 'postgres') return;
    await q.query(`
CREATE OR REPLACE FUNCTION "register_party_makeup"(p_result json, p_party text) RETURNS json LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_id varchar := p_result->'registration'->>'id';
  v_party text := p_party;
BEGIN
  IF v_id IS NULL THEN
    RETURN p_result;
  END IF;
  IF p_result->>'outcome' = 'EXISTING' THEN
    SELECT "party" INTO v_party FROM "registration" WHERE "id" = v_id;
  ELSIF p_party IS NOT NULL THEN
    UPDATE "registration" SET "party" = p_party WHERE "id" = v_id;
  END IF;
  RETURN jsonb_set(p_result::jsonb, '{registration,party}', COALESCE(to_jsonb(v_party), 'null'::jsonb))::json;
END
$$`);
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type === 'postgres') await q.query('DROP FUNCTION IF EXISTS "register_party_makeup"(json, text)');
    await q.dropColumn('registration', 'party');
    await q.dropColumn('event', 'partyCategories');
  }
}
