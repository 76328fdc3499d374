import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Finals } from '../live/arrival-ledger';
import type { Agent } from 'undici';
import { createBenchEvents, openConnections, registerOnce } from '../live/fixtures';
import { benchEnv, BenchBackend, createBenchDatabase, percentile, ProcessSampler, Replica, rssKbOf, sleep, startReplica } from '../live/processes';
import { SubscriberFleet } from '../live/subscribers';
import { formatTable } from '../lib/table';

type Row = Record<string, string | number>;

/** One measured burst on a connected fleet: `registrations` at `ratePerSecond`, spread over the events. */
interface Phase { registrations: number; ratePerSecond: number }

interface LiveSettings { subscribers: number; processes: number; events: number; phases: Phase[]; warmupRoundMs: number; settleMs: number }

// The 10/s phase is the budget's; the 200/s one is a registration stampede during the same fan-out,
// where coalescing (LIVE_COALESCE_MS) sends fewer frames than changes.
const settingsFor = (smoke: boolean): LiveSettings => (smoke
  ? { subscribers: 20, processes: 2, events: 2, phases: [{ registrations: 6, ratePerSecond: 10 }, { registrations: 20, ratePerSecond: 200 }], warmupRoundMs: 10_000, settleMs: 10_000 }
  : {
    subscribers: benchEnv.subscribers(), processes: benchEnv.subscriberProcesses(), events: 5,
    phases: [{ registrations: 100, ratePerSecond: 10 }, { registrations: 1_000, ratePerSecond: 200 }], warmupRoundMs: 60_000, settleMs: 60_000,
  });

/** Registrations in flight at most; more wait in the pool's queue, and the row's registered/s shows it. */
const REGISTRATION_CONNECTIONS = 32;

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * Live counts: N graphql-ws subscribers over several client processes, all on one event set;
 * registrations at a fixed rate on replica A. Per phase: commit → arrival per frame and per change to
 * its LAST subscriber, frames per change per socket, and whether every subscriber ends on the final
 * counts (one that does not fails the scenario). Memory per idle subscriber is the replicas' RSS after
 * the fleet connected and got one frame per event, minus their RSS before it connected, over N.
 */
async function liveVariant(variant: 'memory' | 'redis', backend: BenchBackend, s: LiveSettings): Promise<Row[]> {
  const database = await createBenchDatabase(backend);
  // Every subscriber connects from 127.0.0.1, standing in for one browser each: the per-address caps
  // (default 200 sockets, 500 subscriptions) would close all but the first few hundred with 4429.
  const env: Record<string, string> = {
    DATABASE_URL: database.url, WS_MAX_SOCKETS_PER_ADDRESS: String(s.subscribers), WS_MAX_SUBSCRIPTIONS_PER_ADDRESS: String(s.subscribers),
  };
  if (variant === 'redis') Object.assign(env, { REDIS_URL: benchEnv.redisUrl(), REDIS_CHANNEL_PREFIX: `cg-bench-${randomBytes(4).toString('hex')}:` });
  const replicas: Replica[] = [];
  const fleet = new SubscriberFleet();
  const finals: Finals = {};
  let n = 0;
  // One keep-alive pool, opened before any measurement: at 200/s, a connection per request made the
  // bench's own connects part of the figures and ran out of sockets (fetch failed).
  let pool: Agent | undefined;
  const register = async (eventId: string) => {
    const outcome = await registerOnce(replicas[0].url, eventId, n++, pool);
    if (outcome !== 'CONFIRMED') throw new Error(`live ${variant}: a registration came back ${outcome}, not CONFIRMED`);
    finals[eventId]++;
  };
  try {
    replicas.push(await startReplica(env));
    if (variant === 'redis') replicas.push(await startReplica(env));
    pool = await openConnections(replicas[0].url, REGISTRATION_CONNECTIONS);
    const eventIds = await createBenchEvents(database.url, s.events, { capacity: 100_000, waitlist: 0 });
    for (const id of eventIds) finals[id] = 0;
    await sleep(500);
    const rssBeforeKb = sum(replicas.map((r) => rssKbOf(r.child.pid!)));
    await fleet.connect(replicas.map((r) => r.url), s.subscribers, eventIds, s.processes);
    // Warm-up: one registration per event reaches every subscriber once every subscription is attached
    // (on the second replica, once its Redis SUBSCRIBE is confirmed); a round is repeated until one does.
    let attached = false;
    for (let round = 0; round < 5 && !attached; round++) {
      await Promise.all(eventIds.map((id) => register(id)));
      attached = (await fleet.waitForFinals(finals, s.warmupRoundMs)).settled === s.subscribers;
    }
    if (!attached) throw new Error(`live ${variant}: after 5 warm-up rounds only ${(await fleet.settled(finals)).settled} of ${s.subscribers} subscribers had the counts`);
    await sleep(1000);
    const idleKbPerSubscriber = (sum(replicas.map((r) => rssKbOf(r.child.pid!))) - rssBeforeKb) / s.subscribers;

    const rows: Row[] = [];
    for (const phase of s.phases) {
      await fleet.reset();
      const samplers = replicas.map((r) => new ProcessSampler(r.child.pid!));
      const clientSamplers = fleet.pids().map((pid) => new ProcessSampler(pid));
      const started = Date.now();
      const inFlight: Promise<void>[] = [];
      for (let i = 0; i < phase.registrations; i++) {
        const due = started + (i * 1000) / phase.ratePerSecond;
        if (due > Date.now()) await sleep(due - Date.now());
        inFlight.push(register(eventIds[i % eventIds.length]));
      }
      await Promise.all(inFlight);
      // Up to the last answer: a server that cannot keep the rate shows here, not as a faster-looking row.
      const registeredSeconds = (Date.now() - started) / 1000;
      const { settled, maxBehind } = await fleet.waitForFinals(finals, s.settleMs);
      const stats = samplers.map((sampler) => sampler.stop());
      const clientStats = clientSamplers.map((sampler) => sampler.stop());
      const figures = await fleet.figures();
      rows.push({
        measurement: 'live counts', variant: variant === 'memory' ? 'in-memory, 1 replica' : 'Redis, 2 replicas',
        backend, subscribers: s.subscribers, 'client processes': clientStats.length,
        registrations: phase.registrations, 'rate/s': phase.ratePerSecond, 'registered/s': Math.round(phase.registrations / registeredSeconds),
        'on final counts': `${settled}/${s.subscribers}`, lost: s.subscribers - settled, 'max counts behind': maxBehind,
        'p50 ms': percentile(figures.latencies, 50), 'p99 ms': percentile(figures.latencies, 99),
        'last-sub p50 ms': percentile(figures.lastSubscriberMs, 50), 'last-sub p99 ms': percentile(figures.lastSubscriberMs, 99),
        'changes timed': `${figures.lastSubscriberMs.length}/${phase.registrations}`,
        'frames/change/socket': Math.round((100 * figures.frames) / (phase.registrations * s.subscribers)) / 100,
        'RSS MB/replica': Math.max(...stats.map((x) => x.rssMb)),
        'server RSS MB': stats.map((x) => x.rssMb).join(' + '), 'server CPU %': stats.map((x) => x.cpuPct).join(' + '),
        'client CPU %': clientStats.map((x) => x.cpuPct).join(' + '),
        'KB/idle sub': Math.round(idleKbPerSubscriber * 10) / 10,
      });
      process.stderr.write(`live: ${variant} ${phase.ratePerSecond}/s: ${settled}/${s.subscribers} on final counts, last-sub p99 ${rows[rows.length - 1]['last-sub p99 ms']} ms\n`);
      await sleep(500);
    }
    return rows;
  } finally {
    await pool?.close();
    await fleet.close();
    for (const replica of replicas) await replica.stop();
    await database.drop();
  }
}

export const scenario = {
  name: 'live',
  description: 'graphql-ws subscribers over several client processes on live registration counts (in-memory, and Redis across two replicas), at 10 and 200 registrations/s',
  async run(opts: { smoke: boolean; backends: BenchBackend[] }): Promise<Row[]> {
    const settings = settingsFor(opts.smoke);
    const liveBackend: BenchBackend = opts.backends.includes('postgres') ? 'postgres' : 'sqlite';
    const rows = [...await liveVariant('memory', 'sqlite', settings), ...await liveVariant('redis', liveBackend, settings)];
    // None may be lost. Every variant and phase runs first, so the failure carries all the figures.
    const lost = rows.filter((row) => row.lost !== 0);
    if (lost.length) {
      const which = lost.map((row) => `${row.variant} at ${row['rate/s']}/s: ${row.lost} of ${row.subscribers} (latest frame up to ${row['max counts behind']} below the final count)`);
      throw new Error(`live: subscribers not ending on the final counts: ${which.join('; ')}\n${formatTable(rows)}`);
    }
    return rows;
  },
};

function printTable(rows: Row[]): void {
  for (const row of rows) {
    process.stdout.write(`\n${Object.entries(row).map(([k, v]) => `  ${k.padEnd(20)} ${v}`).join('\n')}\n`);
  }
}

if (require.main === module) {
  const smoke = process.argv.includes('--smoke');
  scenario.run({ smoke, backends: benchEnv.backends() }).then(printTable, (error) => {
    process.stderr.write(`${(error as Error).stack}\n`);
    process.exit(1);
  });
}
