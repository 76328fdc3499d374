import { exec, select, TxProgram } from '../../db/write-transaction';
import { PartyCountEntry, tallyInto, tallyList } from '../../domain/party';

/**
 * The door's counts kept on the event row (walk-ins added, a head count set), each a read and a write
 * under the event's row lock, so two staff phones adding walk-ins at once both count.
 */
const LOCK_SQL = 'SELECT "id", "walkIns", "headCount" FROM "event" WHERE "id" = ?';
const WRITE_SQL = { walkIns: 'UPDATE "event" SET "walkIns" = ? WHERE "id" = ?', headCount: 'UPDATE "event" SET "headCount" = ? WHERE "id" = ?' };

const parsed = (value: unknown): PartyCountEntry[] | null => (typeof value === 'string' ? JSON.parse(value) as PartyCountEntry[] : null);

/** Adds people who came without registering to the event's walk-ins; false when the event is gone. */
export function* addWalkInsProgram(eventId: string, party: readonly PartyCountEntry[]): TxProgram<boolean> {
  const [row] = yield* select(LOCK_SQL, [eventId], true);
  if (!row) return false;
  const tally = new Map<string, number>();
  tallyInto(tally, parsed(row.walkIns));
  tallyInto(tally, party);
  yield* exec(WRITE_SQL.walkIns, [JSON.stringify(tallyList(tally)), eventId]);
  return true;
}

/** Replaces the event's head count (nobody in it: none taken, null); false when the event is gone. */
export function* setHeadCountProgram(eventId: string, party: readonly PartyCountEntry[]): TxProgram<boolean> {
  const [row] = yield* select(LOCK_SQL, [eventId], true);
  if (!row) return false;
  const tally = new Map<string, number>();
  tallyInto(tally, party);
  const counted = tallyList(tally);
  yield* exec(WRITE_SQL.headCount, [counted.length ? JSON.stringify(counted) : null, eventId]);
  return true;
}
