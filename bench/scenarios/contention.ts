import 'reflect-metadata';
import type { Agent } from 'undici';
import { createBenchEvents, holdSeatOnce, openConnections, readSeatLedger, registerOnce, SeatLedger } from '../live/fixtures';
import { BenchBackend, createBenchDatabase, percentile, ProcessSampler, Replica, startReplica } from '../live/processes';
import type { Row, Scenario } from '../lib/scenario';
import { runStandalone } from '../lib/standalone';

/** The run's size (issue 17): 2,000 people registering, 128 at a time, on one event. */
const FULL = { requests: 2000, concurrency: 128 };
const SMOKE = { requests: 200, concurrency: 16 };

/**
 * Every way the run's outcomes can be wrong, or nothing: the answers must be exactly `capacity`
 * confirmed, `waitlist` waitlisted and the rest refused as EVENT_FULL (parties of one, so people =
 * registrations); the event row's counters must equal the registration rows counted; the waitlist
 * positions must be 1..waitlist, each once; no seat may stay held once everyone has registered.
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
  if (ledger.held !== 0) errors.push(`${ledger.held} seats are still held after everyone registered`);
  return errors;
}

/** What one simulated person ended with. */
export interface Attempt {
  /** The last answer: CONFIRMED, WAITLISTED or a rejection code (of register, or of holdSeats if they stopped there). */
  outcome: string;
  /** Whether they reached register (a person refused EVENT_FULL by holdSeats stops before it). */
  registered: boolean;
  /** Set when holdSeats gave them a hold: whether register answered before the hold's expiresAt. */
  heldInTime?: boolean;
}

/** One person's way to an answer, through one client's connection pool. */
type Person = (url: string, eventId: string, n: number, pool: Agent) => Promise<Attempt>;

async function registerOnly(url: string, eventId: string, n: number, pool: Agent): Promise<Attempt> {
  return { outcome: await registerOnce(url, eventId, n, pool), registered: true };
}

/**
 * As a registration form does with holds (docs/registration.md, "Seat holds"): hold a seat when the
 * form opens, then register on it; a WAITLIST_ONLY refusal still registers (onto the waitlist), any
 * other refusal is the person's answer.
 */
async function holdThenRegister(url: string, eventId: string, n: number, pool: Agent): Promise<Attempt> {
  const hold = await holdSeatOnce(url, eventId, pool);
  if ('code' in hold && hold.code !== 'WAITLIST_ONLY') return { outcome: hold.code, registered: false };
  const holdId = 'holdId' in hold ? hold.holdId : undefined;
  const outcome = await registerOnce(url, eventId, n, pool, holdId);
  return { outcome, registered: true, heldInTime: 'holdId' in hold ? Date.now() < hold.expiresAt.getTime() : undefined };
}

/**
 * The hold variant's own ways to be wrong, beside outcomeErrors: with parties of one and no hold
 * ending during the run, exactly `capacity` holds are granted (a hold is refused only once the seats
 * are all confirmed or held), and every holder whose register answered in time is CONFIRMED.
 */
export function holdErrors(attempts: Attempt[], capacity: number): string[] {
  const holders = attempts.filter((a) => a.heldInTime !== undefined);
  const errors: string[] = [];
  if (holders.length !== capacity) errors.push(`${capacity} holds expected, ${holders.length} granted`);
  const unconfirmed = holders.filter((a) => a.heldInTime && a.outcome !== 'CONFIRMED').map((a) => a.outcome);
  if (unconfirmed.length) errors.push(`${unconfirmed.length} holders registered in time but were answered ${[...new Set(unconfirmed)].join(', ')}`);
  return errors;
}

const count = (attempts: Attempt[], test: (a: Attempt) => boolean) => attempts.filter(test).length;

const VARIANTS = {
  plain: { measurement: 'register contention', suffix: '', person: registerOnly },
  holds: { measurement: 'hold + register contention', suffix: ', with holds', person: holdThenRegister },
} satisfies Record<string, { measurement: string; suffix: string; person: Person }>;

/**
 * Registration throughput under contention: every person races for the same event's seats. A
 * person's latency runs from their first call to register's answer (with holds: the hold + register
 * pair); registrations/s counts people, whatever their answer.
 */
async function contention(backend: BenchBackend, variant: keyof typeof VARIANTS, smoke: boolean): Promise<Row> {
  const { measurement, suffix, person } = VARIANTS[variant];
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
    const attempts: Attempt[] = [];
    let next = 0;
    const started = Date.now();
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const n = next++;
        const t0 = performance.now();
        const attempt = await person(replica!.url, eventId, n, pool!);
        if (attempt.registered) latencies.push(performance.now() - t0);
        attempts.push(attempt);
      }
    }));
    const seconds = (Date.now() - started) / 1000;
    const stats = sampler.stop();
    const tally: Record<string, number> = {};
    for (const { outcome } of attempts) tally[outcome] = (tally[outcome] ?? 0) + 1;
    const errors = [
      ...outcomeErrors(tally, await readSeatLedger(database.url, eventId), { requests, ...seats }),
      ...(variant === 'holds' ? holdErrors(attempts, seats.capacity) : []),
    ];
    if (errors.length) throw new Error(`contention${suffix} on ${backend}: outcomes are not exact: ${errors.join('; ')}`);
    return {
      measurement, variant: `1 event, ${concurrency} concurrent${suffix}`, backend, requests,
      'registrations/s': Math.round(requests / seconds),
      'p50 ms': Math.round(percentile(latencies, 50) * 10) / 10, 'p99 ms': Math.round(percentile(latencies, 99) * 10) / 10,
      outcomes: `${tally.CONFIRMED ?? 0} confirmed, ${tally.WAITLISTED ?? 0} waitlisted, ${tally.EVENT_FULL ?? 0} full`,
      ...(variant === 'holds' ? {
        holds: `${count(attempts, (a) => a.heldInTime !== undefined)} held, ${count(attempts, (a) => a.registered && a.heldInTime === undefined)} waitlist only`,
      } : {}),
      'server RSS MB': stats.rssMb, 'server CPU %': stats.cpuPct,
      // The server process's CPU only (the database's own is not in it): % of a core × seconds ÷ people.
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
  description: 'registration throughput under contention: 2,000 people register over HTTP, 128 at a time, on one event, '
    + 'then again each holding a seat first (holdSeats, then register with its holdId); outcomes, holds and stored counts checked exactly',
  async run(opts) {
    const rows: Row[] = [];
    for (const backend of opts.backends) {
      rows.push(await contention(backend, 'plain', opts.smoke));
      rows.push(await contention(backend, 'holds', opts.smoke));
    }
    return rows;
  },
};

if (require.main === module) runStandalone(scenario);
