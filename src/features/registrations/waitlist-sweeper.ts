import { DataSource } from 'typeorm';
import { sqlReaderOf } from '../../db/sql-reader';
import { runWriteTransaction } from '../../db/write-transaction';
import { Logger } from '../../logger';
import { lockEvent, SeatRow } from '../events/seats';
import { parseHolds } from '../events/seat-holds';
import { PeriodicLook } from './periodic-look';
import { offerSeatsWithMail } from './seat-offers';

export interface WaitlistSweeperOptions {
  intervalMs?: number;
  logger?: Logger;
}

/** Events with a hold or an invitation stored (ended or not: the JSON decides). */
const CANDIDATES_SQL = `SELECT "id", "seatHolds" FROM "event" WHERE "seatHolds" <> '[]'`;

/**
 * Seats freed by time alone reach the waitlist and the live counts here: when a seat hold or an
 * invitation ends, no request touches the event, yet the next party in line is owed the seat (confirmed,
 * or invited in its turn) and open widgets should see it free. Each look finds the events with an ended
 * hold and runs the same offer as a cancellation, one write transaction per event, which also drops the
 * ended holds (so an event is found again only when another hold ends), then publishes its counts.
 * Readers never wait for it: what is held is computed at read time.
 */
export class WaitlistSweeper {
  private readonly periodic: PeriodicLook;

  constructor(
    private readonly db: DataSource,
    private readonly seatsChanged: (event: SeatRow) => void,
    options: WaitlistSweeperOptions = {},
  ) {
    this.periodic = new PeriodicLook(() => this.runOnce(), options.intervalMs ?? 15_000,
      { logger: options.logger, message: 'waitlist sweep failed; the next look tries again' });
  }

  start(): void {
    this.periodic.start();
  }

  stop(): Promise<void> {
    return this.periodic.stop();
  }

  /** One look at `at`: the number of events whose ended holds were let go. */
  async runOnce(at = new Date()): Promise<number> {
    const now = at.toISOString();
    const candidates = await sqlReaderOf(this.db).all<{ id: string; seatHolds: string }>(CANDIDATES_SQL, []);
    const due = candidates.filter((row) => parseHolds(row.seatHolds).some((hold) => hold.until <= now));
    let moved = 0;
    for (const row of due) {
      const event = await runWriteTransaction(this.db, function* () {
        if (!(yield* lockEvent(row.id))) return null;
        yield* offerSeatsWithMail(row.id, now);
        return yield* lockEvent(row.id);
      });
      if (event) {
        moved++;
        this.seatsChanged(event);
      }
    }
    return moved;
  }
}
