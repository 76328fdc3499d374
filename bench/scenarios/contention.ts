import 'reflect-metadata';
import type { Agent } from 'undici';
import { createBenchEvents, openConnections, registerOnce } from '../live/fixtures';
import { BenchBackend, createBenchDatabase, percentile, ProcessSampler, Replica, startReplica } from '../live/processes';
import type { Row, Scenario } from '../lib/scenario';
import { runStandalone } from '../lib/standalone';

/** Registration throughput under contention: every request races for the same event's seats. */
async function contention(backend: BenchBackend, smoke: boolean): Promise<Row> {
  const requests = smoke ? 200 : 1000;
  const concurrency = smoke ? 16 : 64;
  const database = await createBenchDatabase(backend);
  let replica: Replica | null = null;
  let pool: Agent | null = null;
  try {
    replica = await startReplica({ DATABASE_URL: database.url });
    const [eventId] = await createBenchEvents(database.url, 1, { capacity: requests / 2, waitlist: requests / 10 });
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
    return {
      measurement: 'register contention', variant: `1 event, ${concurrency} concurrent`, backend, requests,
      'registrations/s': Math.round(requests / seconds),
      'p50 ms': Math.round(percentile(latencies, 50) * 10) / 10, 'p99 ms': Math.round(percentile(latencies, 99) * 10) / 10,
      outcomes: `${tally.CONFIRMED ?? 0} confirmed, ${tally.WAITLISTED ?? 0} waitlisted, ${tally.EVENT_FULL ?? 0} full`,
      'server RSS MB': stats.rssMb, 'server CPU %': stats.cpuPct,
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
  description: 'registration throughput under contention: 1,000 register calls over HTTP, 64 at a time, on one event',
  async run(opts) {
    const rows: Row[] = [];
    for (const backend of opts.backends) rows.push(await contention(backend, opts.smoke));
    return rows;
  },
};

if (require.main === module) runStandalone(scenario);
