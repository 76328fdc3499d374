import { DataSource } from 'typeorm';
import { isPostgres, runWriteTransaction } from '../../db/write-transaction';
import { SeatRow, toSeatRow } from '../events/seats';
import {
  ALREADY_REGISTERED_MESSAGE, EVENT_FULL_MESSAGE, NewRegistration, RegisterOutcome, registerProgram, RegistrationRejectionCode,
  rejectionFor, toRegistration,
} from './registration-programs';

/**
 * One registration, on either backend. SQLite runs registerProgram synchronously under BEGIN
 * IMMEDIATE (one tick, no round trips). PostgreSQL calls register_party (migration 1765500000000,
 * given the idempotency key by 1765600000000), one round trip with the event row locked only inside
 * the server for the call: no retry loop is needed, as a single row lock taken first cannot deadlock.
 */
export function registerParty(db: DataSource, input: NewRegistration): Promise<RegisterOutcome> {
  return isPostgres(db) ? registerOnPostgres(db, input) : runWriteTransaction(db, () => registerProgram(input));
}

/** What register_party returns (see its migration). */
export interface RegisterPartyResult {
  outcome: string;
  event: Record<string, unknown> | null;
  registration: Record<string, unknown> | null;
}

async function registerOnPostgres(db: DataSource, input: NewRegistration): Promise<RegisterOutcome> {
  const [row] = await db.query('SELECT "register_party"($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) AS "result"', [
    input.id, input.eventId, input.name, input.email, input.partySize, input.cancelTokenHash, input.now.toISOString(),
    input.staffOf.everyPartner, input.staffOf.partnerId, input.idempotencyKeyHash,
  ]) as { result: RegisterPartyResult }[];
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
