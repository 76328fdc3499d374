import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { createBenchEvents, registerOnce } from '../live/fixtures';
import { benchEnv, BenchBackend, createBenchDatabase, percentile, ProcessSampler, Replica, sleep, startReplica } from '../live/processes';
import { SubscriberFleet } from '../live/subscribers';

type Row = Record<string, string | number>;

interface LiveSettings { subscribers: number; events: number; registrations: number; ratePerSecond: number; warmupRoundMs: number }

const settingsFor = (smoke: boolean): LiveSettings => (smoke
  ? { subscribers: 20, events: 2, registrations: 10, ratePerSecond: 20, warmupRoundMs: 10_000 }
  : { subscribers: benchEnv.subscribers(), events: 5, registrations: 100, ratePerSecond: 10, warmupRoundMs: 60_000 });

/**
 * Live counts: N graphql-ws subscribers on one event set, registrations at a fixed rate on replica A,
 * latency from commit (the message's changedAt) to arrival, per delivery and to the last subscriber.
 */
async function liveVariant(variant: 'memory' | 'redis', backend: BenchBackend, s: LiveSettings): Promise<Row> {
  const database = await createBenchDatabase(backend);
  const env: Record<string, string> = { DATABASE_URL: database.url };
  if (variant === 'redis') Object.assign(env, { REDIS_URL: benchEnv.redisUrl(), REDIS_CHANNEL_PREFIX: `cg-bench-${randomBytes(4).toString('hex')}:` });
  const replicas: Replica[] = [];
  const fleet = new SubscriberFleet();
  try {
    replicas.push(await startReplica(env));
    if (variant === 'redis') replicas.push(await startReplica(env));
    const eventIds = await createBenchEvents(database.url, s.events, { capacity: 100_000, waitlist: 0 });
    await fleet.connect(replicas.map((r) => r.url), s.subscribers, eventIds);
    // Warm-up: one registration per event reaches every subscriber once every subscription is attached
    // (on the second replica, once its Redis SUBSCRIBE is confirmed). Each round is counted on its own:
    // with a running total, one message lost before attachment made every later round fall short too,
    // and the warm-up sat out all its rounds (5 minutes) however well the replicas delivered afterwards.
    let attached = false;
    for (let round = 0; round < 5 && !attached; round++) {
      fleet.reset();
      await Promise.all(eventIds.map((id, i) => registerOnce(replicas[0].url, id, -1 - round * 100 - i)));
      attached = await fleet.waitFor(s.subscribers * s.events, s.warmupRoundMs);
    }
    if (!attached) throw new Error(`live ${variant}: after 5 warm-up rounds a round still reached only ${fleet.delivered} of ${s.subscribers * s.events} deliveries`);
    await sleep(500);
    fleet.reset();
    const samplers = replicas.map((r) => new ProcessSampler(r.child.pid!));
    const started = Date.now();
    const inFlight: Promise<string>[] = [];
    for (let i = 0; i < s.registrations; i++) {
      const due = started + (i * 1000) / s.ratePerSecond;
      if (due > Date.now()) await sleep(due - Date.now());
      inFlight.push(registerOnce(replicas[0].url, eventIds[i % eventIds.length], i));
    }
    await Promise.all(inFlight);
    const expected = s.registrations * s.subscribers;
    const complete = await fleet.waitFor(expected, 60_000);
    const seconds = (Date.now() - started) / 1000;
    const stats = samplers.map((sampler) => sampler.stop());
    const last = fleet.lastSubscriberLatencies(s.subscribers);
    return {
      measurement: 'live counts', variant: variant === 'memory' ? 'in-memory, 1 replica' : 'Redis, 2 replicas',
      backend, subscribers: s.subscribers, registrations: s.registrations, 'rate/s': s.ratePerSecond,
      delivered: `${fleet.delivered}/${expected}${complete ? '' : ' (timed out)'}`,
      'p50 ms': percentile(fleet.latencies, 50), 'p99 ms': percentile(fleet.latencies, 99),
      'last-sub p50 ms': percentile(last, 50), 'last-sub p99 ms': percentile(last, 99),
      'msgs/s': Math.round(fleet.delivered / seconds),
      'server RSS MB': stats.map((x) => x.rssMb).join(' + '), 'server CPU %': stats.map((x) => x.cpuPct).join(' + '),
    };
  } finally {
    await fleet.close();
    for (const replica of replicas) await replica.stop();
    await database.drop();
  }
}

export const scenario = {
  name: 'live',
  description: 'graphql-ws subscribers on live registration counts (in-memory and Redis across two replicas)',
  async run(opts: { smoke: boolean; backends: BenchBackend[] }): Promise<Row[]> {
    const settings = settingsFor(opts.smoke);
    const rows: Row[] = [];
    const progress = (row: Row) => {
      process.stderr.write(`live: ${row.measurement} / ${row.variant} / ${row.backend} done\n`);
      return row;
    };
    const liveBackend: BenchBackend = opts.backends.includes('postgres') ? 'postgres' : 'sqlite';
    rows.push(progress(await liveVariant('memory', 'sqlite', settings)));
    rows.push(progress(await liveVariant('redis', liveBackend, settings)));
    return rows;
  },
};

function printTable(rows: Row[]): void {
  for (const row of rows) {
    process.stdout.write(`\n${Object.entries(row).map(([k, v]) => `  ${k.padEnd(18)} ${v}`).join('\n')}\n`);
  }
}

if (require.main === module) {
  const smoke = process.argv.includes('--smoke');
  scenario.run({ smoke, backends: benchEnv.backends() }).then(printTable, (error) => {
    process.stderr.write(`${(error as Error).stack}\n`);
    process.exit(1);
  });
}
