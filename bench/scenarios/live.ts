import 'reflect-metadata';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { type Agent, fetch } from 'undici';
import { forkWorker, stopWorker } from '../lib/fork-worker';
import { Finals } from '../live/arrival-ledger';
import type { BareBroadcastReady } from '../live/bare-broadcast-server';
import { createBenchEvents, openConnections, registerOnce } from '../live/fixtures';
import {
  benchEnv, BenchBackend, BenchDatabase, createBenchDatabase, percentile, ProcessSampler, Replica, rssKbOf, sleep, startReplica,
} from '../live/processes';
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
 * What a live row measures: the server processes (sampled for RSS and CPU), the URLs the fleet
 * connects to round-robin, the events it subscribes to, and one registration, resolved once confirmed.
 */
interface LiveTarget {
  variant: string;
  backend: string;
  pids: number[];
  urls: string[];
  eventIds: string[];
  register(eventId: string): Promise<void>;
  stop(): Promise<void>;
}

/** Starts a target; if starting fails part-way, what was started is stopped before the error is rethrown. */
async function starting(stop: () => Promise<void>, start: () => Promise<LiveTarget>): Promise<LiveTarget> {
  try {
    return await start();
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Our server: one replica in-memory, or two sharing a database over Redis; registrations go to the first. */
function startServer(variant: 'memory' | 'redis', backend: BenchBackend, s: LiveSettings): Promise<LiveTarget> {
  const replicas: Replica[] = [];
  let database: BenchDatabase | undefined;
  // One keep-alive pool, opened before any measurement: at 200/s, a connection per request made the
  // bench's own connects part of the figures and ran out of sockets (fetch failed).
  let pool: Agent | undefined;
  const stop = async () => {
    await pool?.close();
    for (const replica of replicas) await replica.stop();
    await database?.drop();
  };
  return starting(stop, async () => {
    database = await createBenchDatabase(backend);
    // Every subscriber connects from 127.0.0.1, standing in for one browser each: the per-address caps
    // (default 200 sockets, 500 subscriptions) would close all but the first few hundred with 4429.
    const env: Record<string, string> = {
      DATABASE_URL: database.url, WS_MAX_SOCKETS_PER_ADDRESS: String(s.subscribers), WS_MAX_SUBSCRIPTIONS_PER_ADDRESS: String(s.subscribers),
    };
    if (variant === 'redis') Object.assign(env, { REDIS_URL: benchEnv.redisUrl(), REDIS_CHANNEL_PREFIX: `cg-bench-${randomBytes(4).toString('hex')}:` });
    replicas.push(await startReplica(env));
    if (variant === 'redis') replicas.push(await startReplica(env));
    pool = await openConnections(replicas[0].url, REGISTRATION_CONNECTIONS);
    const eventIds = await createBenchEvents(database.url, s.events, { capacity: 100_000, waitlist: 0 });
    const name = variant === 'memory' ? 'in-memory, 1 replica' : 'Redis, 2 replicas';
    let n = 0;
    return {
      variant: name, backend, pids: replicas.map((r) => r.child.pid!), urls: replicas.map((r) => r.url), eventIds, stop,
      async register(eventId) {
        const outcome = await registerOnce(replicas[0].url, eventId, n++, pool);
        if (outcome !== 'CONFIRMED') throw new Error(`live ${name}: a registration came back ${outcome}, not CONFIRMED`);
      },
    };
  });
}

const FLOOR = 'bare ws broadcast (floor)';

/**
 * The floor (bench/live/bare-broadcast-server.ts): `ws` alone writes the same frames to the same fleet,
 * one serialization per change and one send per subscriber, with no GraphQL and no database; its events
 * are opaque ids. What that costs on this machine bounds what our server can reach here.
 */
function startFloor(s: LiveSettings): Promise<LiveTarget> {
  let child: ChildProcess | undefined;
  let pool: Agent | undefined;
  const stop = async () => {
    await pool?.close();
    if (child) await stopWorker(child);
  };
  return starting(stop, async () => {
    const started = await forkWorker<BareBroadcastReady>(path.join(__dirname, '../live/bare-broadcast-server.ts'), 'bare ws broadcast server');
    child = started.child;
    const { url } = started.ready;
    pool = await openConnections(url, REGISTRATION_CONNECTIONS, (p) => fetch(url, { dispatcher: p }).then((r) => r.text()));
    return {
      variant: FLOOR, backend: 'none', pids: [child.pid!], urls: [url], stop,
      eventIds: Array.from({ length: s.events }, (_, i) => `floor-event-${i + 1}`),
      async register(eventId) {
        const response = await fetch(`${url}/register`, { method: 'POST', body: JSON.stringify({ eventId }), dispatcher: pool });
        await response.text();
        if (!response.ok) throw new Error(`live ${FLOOR}: a registration came back ${response.status}`);
      },
    };
  });
}

/**
 * Live counts: N graphql-ws subscribers over several client processes, all on one event set;
 * registrations at a fixed rate on the target. Per phase: commit → arrival per frame and per change to
 * its LAST subscriber, frames per change per socket, and whether every subscriber ends on the final
 * counts (one that does not fails the scenario). Memory per idle subscriber is the target's RSS after
 * the fleet connected and got one frame per event, minus its RSS before it connected, over N.
 */
async function liveVariant(startTarget: () => Promise<LiveTarget>, s: LiveSettings): Promise<Row[]> {
  const target = await startTarget();
  const { variant, eventIds } = target;
  const fleet = new SubscriberFleet();
  const finals: Finals = Object.fromEntries(eventIds.map((id) => [id, 0]));
  const register = async (eventId: string) => {
    await target.register(eventId);
    finals[eventId]++;
  };
  try {
    await sleep(500);
    const rssBeforeKb = sum(target.pids.map(rssKbOf));
    await fleet.connect(target.urls, s.subscribers, eventIds, s.processes);
    // Warm-up: one registration per event reaches every subscriber once every subscription is attached
    // (on the second replica, once its Redis SUBSCRIBE is confirmed); a round is repeated until one does.
    let attached = false;
    for (let round = 0; round < 5 && !attached; round++) {
      await Promise.all(eventIds.map((id) => register(id)));
      attached = (await fleet.waitForFinals(finals, s.warmupRoundMs)).settled === s.subscribers;
    }
    if (!attached) throw new Error(`live ${variant}: after 5 warm-up rounds only ${(await fleet.settled(finals)).settled} of ${s.subscribers} subscribers had the counts`);
    await sleep(1000);
    const idleKbPerSubscriber = (sum(target.pids.map(rssKbOf)) - rssBeforeKb) / s.subscribers;

    const rows: Row[] = [];
    for (const phase of s.phases) {
      await fleet.reset();
      const samplers = target.pids.map((pid) => new ProcessSampler(pid));
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
        measurement: 'live counts', variant, backend: target.backend, subscribers: s.subscribers, 'client processes': clientStats.length,
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
    await fleet.close();
    await target.stop();
  }
}

export const scenario = {
  name: 'live',
  description: 'graphql-ws subscribers over several client processes on live registration counts (in-memory, and Redis across two replicas; a bare ws broadcast of the same frames as the floor), at 10 and 200 registrations/s',
  async run(opts: { smoke: boolean; backends: BenchBackend[] }): Promise<Row[]> {
    const settings = settingsFor(opts.smoke);
    const rows = [
      ...await liveVariant(() => startFloor(settings), settings),
      ...await liveVariant(() => startServer('memory', 'sqlite', settings), settings),
    ];
    // Two replicas cannot share one SQLite file (the second is refused at start-up), so the Redis
    // variant needs PostgreSQL; a run limited to SQLite says so instead of failing on it.
    if (opts.backends.includes('postgres')) rows.push(...await liveVariant(() => startServer('redis', 'postgres', settings), settings));
    else process.stderr.write('live: the Redis variant (2 replicas) runs on PostgreSQL only; BENCH_BACKENDS has no postgres, so it was not run\n');
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
