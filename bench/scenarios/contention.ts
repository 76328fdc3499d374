import 'reflect-metadata';
import type { Agent } from 'undici';
import { createBenchEvents, openConnections, readSeatLedger, registerOnce, SeatLedger } from '../live/fixtures';
import { BenchBackend, createBenchDatabase, percentile, ProcessSampler, Replica, startReplica } from '../live/processes';
import type { Row, Scenario } from '../lib/scenario';
import { runStandalone } from '../lib/standalone';

/** The run's size (issue 17): 2,000 register calls, 128 at a time, on one event. */
const FULL = { requests: 2000, concurrency: 128 };
const SMOKE = { requests: 200, concurrency: 16 };

/**
 * Every way the run's outcomes can be wrong, or nothing: the answers must be exactly `capacity`
 * confirmed, `waitlist` waitlisted and the rest refused as EVENT_FULL (parties of one, so people =
 * registrations); the event row's counters must equal the registration rows counted; the waitlist
 * positions must be 1..waitlist, each once.
 */
export function outcomeErrors(
  tally: Record<string, number>, ledger: SeatLedger, expected: { requests: number; capacity: number; waitlist: number },
): string[] {
  const errors: string[] = [];
  const want: Record<string, number> = {
    CONFIRMED: expected.capacity, WAITLISTED: expected.waitlist, EVENT_FULL: expected.requests - expected.capacity - expected.waitlist,
  };
  for (const key of new Set([...Object.keys(want), ...Object.keys(tally)])) {
    if ((tally[key] ?? 0) !== (want[key] ?? 0)) errors.push(`${want[key] ?? 0} ${key} answers expected, ${tally[key] ?? 0} received`);
  }
  if (ledger.stored.confirmed !== ledger.counted.confirmed || ledger.stored.waitlisted !== ledger.counted.waitlisted) {
    errors.push(`stored counts ${JSON.stringify(ledger.stored)} differ from the rows counted ${JSON.stringify(ledger.counted)}`);
  }
  if (ledger.counted.confirmed !== expected.capacity || ledger.counted.waitlisted !== expected.waitlist) {
    errors.push(`rows hold ${JSON.stringify(ledger.counted)}, expected ${expected.capacity} confirmed and ${expected.waitlist} waitlisted`);
  }
  const positions = ledger.waitlistPositions;
  if (positions.some((p, i) => p !== i + 1)) errors.push(`waitlist positions are not 1..${positions.length} once each: ${positions.slice(0, 20).join(', ')}…`);
  return errors;
}

/** Registration throughput under contention: every request races for the same event's seats. */
async function contention(backend: BenchBackend, smoke: boolean): Promise<Row> {
  const { requests, concurrency } = smoke ? SMOKE : FULL;
  const seats = { capacity: requests / 2, waitlist: requests / 10 };
  const database = await createBenchDatabase(backend);
  let replica: Replica | null = null;
  let pool: Agent | null = null;
  try {
    replica = await startReplica({ DATABASE_URL: database.url });
    const [eventId] = await createBenchEvents(database.url, 1, seats);
    // One keep-alive connection per client, opened before the clock starts. A pool that may grow
    // opens new connections mid-run, and a saturated Node server accepts one connection per
    // event-loop turn (libuv), so those requests waited seconds in the accept queue: the tail
    // measured connecting, not registering.
    pool = await openConnections(replica.url, concurrency);
    const sampler = new ProcessSampler(replica.child.pid!);
    const latencies: number[] = [];
    const tally: Record<string, number> = {};
    let next = 0;
    const started = Date.now();
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const n = next++;
        const t0 = performance.now();
        const outcome = await registerOnce(replica!.url, eventId, n, pool!);
        latencies.push(performance.now() - t0);
        tally[outcome] = (tally[outcome] ?? 0) + 1;
      }
    }));
    const seconds = (Date.now() - started) / 1000;
    const stats = sampler.stop();
    const errors = outcomeErrors(tally, await readSeatLedger(database.url, eventId), { requests, ...seats });
    if (errors.length) throw new Error(`contention on ${backend}: outcomes are not exact: ${errors.join('; ')}`);
    return {
      measurement: 'register contention', variant: `1 event, ${concurrency} concurrent`, backend, requests,
      'registrations/s': Math.round(requests / seconds),
      'p50 ms': Math.round(percentile(latencies, 50) * 10) / 10, 'p99 ms': Math.round(percentile(latencies, 99) * 10) / 10,
      outcomes: `${tally.CONFIRMED ?? 0} confirmed, ${tally.WAITLISTED ?? 0} waitlisted, ${tally.EVENT_FULL ?? 0} full`,
      'server RSS MB': stats.rssMb, 'server CPU %': stats.cpuPct,
      // The server process's CPU only (the database's own is not in it): % of a core × seconds ÷ calls.
      'server CPU ms/registration': Math.round((stats.cpuPct * seconds * 10) / requests * 100) / 100,
    };
  } finally {
    await pool?.close();
    await replica?.stop();
    await database.drop();
  }
}

/** Its own scenario (issue 9's "registration contention"), so it can be measured without the 2,000-subscriber live run. */
export const scenario: Scenario = {
  name: 'contention',
  description: 'registration throughput under contention: 2,000 register calls over HTTP, 128 at a time, on one event; outcomes and stored counts checked exactly',
  async run(opts) {
    const rows: Row[] = [];
    for (const backend of opts.backends) rows.push(await contention(backend, opts.smoke));
    return rows;
  },
};

if (require.main === module) runStandalone(scenario);
