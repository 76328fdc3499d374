/**
 * The load generator process: autocannon, driven over IPC by LoadGenerator (load-generator.ts).
 * It runs apart from the server under test so the client's own CPU work is not charged to the server
 * (on 2 cores, this gives the server one core to itself while the worker works on the other).
 */
// autocannon ships no types; the surface used here is small and typed locally.
const autocannon = require('autocannon') as (opts: Record<string, unknown>) => AutocannonInstance;
import { LatencySamples } from './stats';
import type { LoadSettings, RoundResult } from './load-result';

interface AutocannonInstance extends PromiseLike<AutocannonResult> {
  on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, responseTimeMs: number) => void): void;
  stop(): void;
}

interface AutocannonResult {
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
}

export interface RunRequest {
  type: 'run';
  id: number;
  url: string;
  headers: Record<string, string>;
  /** Request bodies, sent in rotation (so lookups do not hit one hot row). */
  bodies: string[];
  settings: LoadSettings;
}

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'result'; id: number; result: RoundResult }
  | { type: 'error'; id: number; message: string };

async function runRound(request: RunRequest): Promise<RoundResult> {
  const { settings, bodies } = request;
  let next = 0;
  const samples = new LatencySamples();
  let ok = 0;
  let bad = 0;
  const started = process.hrtime.bigint();
  let stoppedAt: bigint | null = null;
  const stop = () => {
    if (stoppedAt !== null) return;
    stoppedAt = process.hrtime.bigint();
    instance.stop();
  };
  const instance = autocannon({
    url: request.url,
    method: 'POST',
    headers: request.headers,
    connections: settings.connections,
    pipelining: 1,
    duration: Math.max(1, Math.ceil(settings.durationMs / 1000)),
    timeout: 10,
    // autocannon acts on stop() at its next sample tick; a short tick keeps the bounds tight.
    sampleInt: 100,
    requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, body: bodies[next++ % bodies.length] }) }],
  });
  // autocannon's own duration has 1 s granularity; this timer and the request cap are the real bounds.
  const timer = setTimeout(stop, settings.durationMs);
  instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
    // Responses arriving between stop() and autocannon's next tick are not counted: the round is over.
    if (stoppedAt !== null) return;
    if (statusCode >= 200 && statusCode < 300) {
      ok++;
      samples.add(responseTimeMs);
    } else {
      bad++;
    }
    if (ok + bad >= settings.maxRequests) stop();
  });
  const result = await instance;
  clearTimeout(timer);
  const durationMs = Number((stoppedAt ?? process.hrtime.bigint()) - started) / 1e6;
  return {
    requests: ok,
    failures: bad + result.errors + result.timeouts,
    durationMs,
    reqPerSec: ok / (durationMs / 1000),
    p50Ms: samples.percentile(50),
    p99Ms: samples.percentile(99),
  };
}

function send(reply: WorkerReply): void {
  process.send!(reply);
}

if (require.main === module) {
  if (!process.send) throw new Error('load-worker.ts runs as a child process started by LoadGenerator');
  process.on('message', (message: RunRequest) => {
    if (message?.type !== 'run') return;
    runRound(message).then(
      (result) => send({ type: 'result', id: message.id, result }),
      (error: Error) => send({ type: 'error', id: message.id, message: error.stack ?? String(error) }),
    );
  });
  // The parent going away ends the worker too; no orphans.
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready' });
}
