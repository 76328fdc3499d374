import { DataSource } from 'typeorm';
import { Settled, TickBatcher } from '../../db/tick-batcher';
import { isPostgres, MAX_GROUP_COMMIT, runWriteTransaction } from '../../db/write-transaction';
import { SeatRow, toSeatRow } from '../events/seats';
import {
  ALREADY_REGISTERED_MESSAGE, EVENT_FULL_MESSAGE, NewRegistration, RegisterOutcome, registerProgram, RegistrationRejectionCode,
  rejectionFor, toRegistration,
} from './registration-programs';
import { storedMakeup } from './party-makeup';

/**
 * One registration, on either backend. SQLite runs registerProgram synchronously under BEGIN
 * IMMEDIATE, grouped with the other writers of the same turn (write-transaction.ts). PostgreSQL
 * calls register_party (migration 1765500000000; the idempotency key since 1765600000000, seat holds since 1766100000000;
 * its answer wrapped by register_party_makeup, which stores the party makeup, since 1766600000000): the
 * registrations that arrive in one turn of the event loop go as one statement, one call per party
 * in arrival order, so they share one commit. The event row is locked only inside the server, from
 * the first call that reaches it to that commit: no retry loop is needed, as calls lock one row each
 * and a batch touching several events falls back to single calls if the database reports a deadlock.
 */
export function registerParty(db: DataSource, input: NewRegistration): Promise<RegisterOutcome> {
  if (!isPostgres(db)) return runWriteTransaction(db, () => registerProgram(input));
  let batcher = postgresBatches.get(db);
  if (!batcher) postgresBatches.set(db, (batcher = new TickBatcher((inputs) => registerManyOnPostgres(db, inputs), MAX_GROUP_COMMIT)));
  return batcher.add(input);
}

const postgresBatches = new WeakMap<DataSource, TickBatcher<NewRegistration, RegisterOutcome>>();

/**
 * register_party once per row of the arrays, in their order (WITH ORDINALITY keeps each answer with its
 * call), its party makeup stored (or, for a retry, read) by register_party_makeup around it (migration
 * 1766600000000), and each registration's confirmation stored by the same statement, so in the same transaction:
 * a data-modifying WITH runs to completion whether or not the outer SELECT reads it.
 */
const REGISTER_MANY_SQL = `WITH "calls" AS MATERIALIZED (
  SELECT a."n", a."now", a."mailId", a."mailKey", a."email", a."mailTemplate", a."mailContext", a."mailLanguage",
    "register_party_makeup"("register_party"(a."id", a."eventId", a."name", a."email", a."partySize", a."cancelTokenHash", a."now",
      a."everyPartner", a."partnerId", a."idempotencyKeyHash", a."holdId"), a."party") AS "result"
  FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::integer[], $6::varchar[], $7::varchar[], $8::boolean[],
    $9::varchar[], $10::varchar[], $11::varchar[], $12::varchar[], $13::varchar[], $14::varchar[], $15::text[], $16::varchar[], $17::text[])
    WITH ORDINALITY AS a("id", "eventId", "name", "email", "partySize", "cancelTokenHash", "now", "everyPartner", "partnerId",
      "idempotencyKeyHash", "holdId", "mailId", "mailKey", "mailTemplate", "mailContext", "mailLanguage", "party", "n")
), "confirmations" AS (
  INSERT INTO "mail_outbox" ("id", "idempotencyKey", "to", "template", "context", "language", "createdAt", "sendAfter")
  SELECT c."mailId", c."mailKey", c."email", c."mailTemplate", c."mailContext", c."mailLanguage", c."now", c."now"
  FROM "calls" c WHERE c."result"->>'outcome' IN ('CONFIRMED', 'WAITLISTED')
  ON CONFLICT ("idempotencyKey") DO NOTHING
)
SELECT "n", "result" FROM "calls" ORDER BY "n"`;

const callArguments = (input: NewRegistration): unknown[] => [
  input.id, input.eventId, input.name, input.email, input.partySize, input.cancelTokenHash, input.now.toISOString(),
  input.staffOf.everyPartner, input.staffOf.partnerId, input.idempotencyKeyHash, input.holdId ?? null,
  input.confirmation.id, input.confirmation.idempotencyKey, input.confirmation.template, input.confirmation.context,
  input.confirmation.language, storedMakeup(input.party),
];

/** The calls' arguments as one array per parameter, in call order. */
async function callMany(db: DataSource, inputs: NewRegistration[]): Promise<{ n: string | number; result: RegisterPartyResult }[]> {
  const calls = inputs.map(callArguments);
  const columns = calls[0].map((_, k) => calls.map((call) => call[k]));
  return await db.query(REGISTER_MANY_SQL, columns) as { n: string | number; result: RegisterPartyResult }[];
}

async function registerManyOnPostgres(db: DataSource, inputs: NewRegistration[]): Promise<Settled<RegisterOutcome>[]> {
  if (inputs.length > 1) {
    try {
      const rows = await callMany(db, inputs);
      return rows.map((row) => settle(() => outcomeOf(row.result, inputs[Number(row.n) - 1])));
    } catch (error) {
      // The database refused the statement (one call raised, or a deadlock between two batches): it
      // committed none of it, so each registration goes again alone and gets its own answer. Any
      // other failure (a lost connection) may have come after the commit: it is not retried.
      if (!(error as { driverError?: { code?: string } }).driverError?.code) throw error;
    }
  }
  return Promise.all(inputs.map((input) => registerOnPostgres(db, input).then(
    (value): Settled<RegisterOutcome> => ({ ok: true, value }),
    (error: unknown): Settled<RegisterOutcome> => ({ ok: false, error }),
  )));
}

function settle<O>(make: () => O): Settled<O> {
  try {
    return { ok: true, value: make() };
  } catch (error) {
    return { ok: false, error };
  }
}

/** What register_party returns (see its migration). */
export interface RegisterPartyResult {
  outcome: string;
  event: Record<string, unknown> | null;
  registration: Record<string, unknown> | null;
}

async function registerOnPostgres(db: DataSource, input: NewRegistration): Promise<RegisterOutcome> {
  const [row] = await callMany(db, [input]);
  return outcomeOf(row.result, input);
}

/**
 * The function's answer as a RegisterOutcome, checked against rejectionFor, the rules' statement in
 * TypeScript (SQLite's): the messages come from there, and a disagreement is a bug in one of the two
 * that must not pass quietly (by then the database has committed whatever it decided).
 */
export function outcomeOf(result: RegisterPartyResult, input: Pick<NewRegistration, 'partySize' | 'now'>): RegisterOutcome {
  if (result.outcome === 'MISSING' || !result.event) return { kind: 'missing' };
  const event: SeatRow = toSeatRow(result.event);
  // An earlier call's registration, found by its idempotency key before any rule ran: no rule to check.
  if (result.outcome === 'EXISTING' && result.registration) return { kind: 'existing', registration: toRegistration(result.registration), event };
  const rule = rejectionFor(event, input.partySize, input.now);
  const disagree = () => new Error(
    `register_party answered ${result.outcome} for event ${event.id} where rejectionFor answers ${rule?.code ?? 'no rejection'}`,
  );
  switch (result.outcome) {
    case 'CONFIRMED':
    case 'WAITLISTED':
      if (rule || !result.registration) throw disagree();
      return { kind: 'registered', registration: toRegistration(result.registration), event };
    case RegistrationRejectionCode.ALREADY_REGISTERED:
    case RegistrationRejectionCode.EVENT_FULL:
      if (rule) throw disagree();
      return {
        kind: 'rejected', code: result.outcome, event,
        message: result.outcome === RegistrationRejectionCode.EVENT_FULL ? EVENT_FULL_MESSAGE : ALREADY_REGISTERED_MESSAGE,
      };
    default:
      if (rule?.code !== result.outcome) throw disagree();
      return { kind: 'rejected', ...rule, event };
  }
}
