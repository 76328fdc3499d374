import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { forkWorker, stopWorker } from './fork-worker';
import type { LoadSettings, RoundResult } from './load-result';
import type { RunRequest, WorkerReply } from './load-worker';

const WORKER = path.join(__dirname, 'load-worker.ts');
/** Grace on top of a round's own duration before the worker is presumed stuck. */
const STUCK_AFTER_MS = 15_000;

export interface HttpTarget {
  url: string;
  bodies: string[];
  headers?: Record<string, string>;
}

/**
 * Owns one autocannon worker process (load-worker.ts) for the life of a scenario. Rounds against
 * different targets go through the same worker, so they can be interleaved (A, B, A, B...) and share
 * whatever the machine's other tenants are doing at the time: ratios stay fair on a noisy box.
 */
export class LoadGenerator {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(r: RoundResult): void; reject(e: Error): void }>();

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (reply: WorkerReply) => {
      if (reply.type === 'ready') return;
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id);
      if (reply.type === 'result') waiter.resolve(reply.result);
      else waiter.reject(new Error(`load worker failed: ${reply.message}`));
    });
    child.on('exit', (code) => {
      for (const waiter of this.pending.values()) waiter.reject(new Error(`load worker exited (code ${code})`));
      this.pending.clear();
    });
  }

  static async start(): Promise<LoadGenerator> {
    const { child } = await forkWorker(WORKER, 'load worker');
    return new LoadGenerator(child);
  }

  /** One round: `settings.connections` keep-alive connections for at most durationMs / maxRequests. */
  round(target: HttpTarget, settings: LoadSettings): Promise<RoundResult> {
    const id = this.nextId++;
    const request: RunRequest = {
      type: 'run', id, url: target.url, bodies: target.bodies, settings,
      headers: { 'content-type': 'application/json', accept: 'application/json', ...target.headers },
    };
    return new Promise<RoundResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`load worker gave no result within ${settings.durationMs + STUCK_AFTER_MS} ms`));
      }, settings.durationMs + STUCK_AFTER_MS);
      this.pending.set(id, {
        resolve: (r) => { clearTimeout(timer); resolve(r); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      });
      this.child.send(request);
    });
  }

  stop(): Promise<void> {
    return stopWorker(this.child);
  }
}
