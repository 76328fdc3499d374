import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { BENCH_LIMITS } from '../lib/bench-limits';
import path from 'node:path';
import { Client } from 'pg';

export type BenchBackend = 'sqlite' | 'postgres';

const BIN = path.join(__dirname, '../../bin/community-graph.js');

/**
 * Tooling's environment, read here (src/config.ts is the server's):
 *   BENCH_BACKENDS      sqlite, postgres or both (default: both)
 *   BENCH_DATABASE_URL  PostgreSQL server for throwaway databases (else TEST_DATABASE_URL, else local)
 *   BENCH_REDIS_URL     Redis for the two-replica variant (else TEST_REDIS_URL, else redis://127.0.0.1:6379)
 *   BENCH_SUBSCRIBERS   graphql-ws subscribers (default 10000, the city-scale size of issue 17; 1 to 10000)
 *   BENCH_SUBSCRIBER_PROCESSES  client processes holding them (default 4)
 */
export const benchEnv = {
  backends(): BenchBackend[] {
    const raw = (process.env.BENCH_BACKENDS || 'sqlite,postgres').split(',').map((b) => b.trim()).filter(Boolean);
    for (const b of raw) if (b !== 'sqlite' && b !== 'postgres') throw new Error(`BENCH_BACKENDS: unknown backend "${b}"`);
    return raw as BenchBackend[];
  },
  postgresUrl: () => process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
  redisUrl: () => process.env.BENCH_REDIS_URL || process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379',
  subscribers(): number {
    const n = Number(process.env.BENCH_SUBSCRIBERS || 10_000);
    if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new Error(`BENCH_SUBSCRIBERS: expected 1 to 10000, got ${process.env.BENCH_SUBSCRIBERS}`);
    return n;
  },
  subscriberProcesses(): number {
    const n = Number(process.env.BENCH_SUBSCRIBER_PROCESSES || 4);
    if (!Number.isInteger(n) || n < 1 || n > 32) throw new Error(`BENCH_SUBSCRIBER_PROCESSES: expected 1 to 32, got ${process.env.BENCH_SUBSCRIBER_PROCESSES}`);
    return n;
  },
};

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A throwaway database: a temp SQLite file, or a new PostgreSQL database. */
export async function createBenchDatabase(backend: BenchBackend): Promise<BenchDatabase> {
  const name = `cg_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (backend === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-bench-'));
    return { url: `sqlite://${path.join(dir, `${name}.sqlite`)}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: benchEnv.postgresUrl() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(benchEnv.postgresUrl());
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export interface Replica {
  child: ChildProcess;
  /** http://127.0.0.1:PORT */
  url: string;
  stop(): Promise<void>;
}

/** `community-graph serve` on an ephemeral 127.0.0.1 port, as production runs it. */
export function startReplica(env: Record<string, string>): Promise<Replica> {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: { ...process.env, LOG_LEVEL: 'warn', PORT: '0', HOST: '127.0.0.1', DEMO: 'off', ...BENCH_LIMITS, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready at http:\/\/localhost:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({
          child, url: `http://127.0.0.1:${match[1]}`,
          async stop() {
            child.kill('SIGTERM');
            await exited;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${output}`));
    });
  });
}

/** Peak RSS and CPU time of a process, sampled from /proc while a measurement runs (Linux). */
export class ProcessSampler {
  private peakRssKb = 0;
  private readonly timer: NodeJS.Timeout;
  private readonly startTicks: number;
  private readonly startedAt = Date.now();

  constructor(private readonly pid: number) {
    this.startTicks = this.ticks();
    this.timer = setInterval(() => this.sample(), 100);
    this.sample();
  }

  private ticks(): number {
    try {
      const fields = fs.readFileSync(`/proc/${this.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks (proc(5))
    } catch {
      return 0;
    }
  }

  private sample(): void {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${this.pid}/status`, 'utf8'));
      if (match) this.peakRssKb = Math.max(this.peakRssKb, Number(match[1]));
    } catch {
      // the process ended; keep the last peak
    }
  }

  /** Peak RSS in MB and CPU use in % of one core over the sampled window. */
  stop(): { rssMb: number; cpuPct: number } {
    clearInterval(this.timer);
    this.sample();
    const seconds = (Date.now() - this.startedAt) / 1000;
    const cpuSeconds = (this.ticks() - this.startTicks) / 100; // CLK_TCK is 100 on Linux
    return { rssMb: Math.round(this.peakRssKb / 1024), cpuPct: Math.round((100 * cpuSeconds) / Math.max(seconds, 0.001)) };
  }
}

/** A process's resident set now, in KB (Linux /proc); 0 once it has ended. */
export function rssKbOf(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
