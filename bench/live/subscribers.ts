import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { forkWorker, stopWorker } from '../lib/fork-worker';
import { Finals, FleetFigures, LedgerReport, mergeLedgerReports } from './arrival-ledger';
import { sleep } from './processes';
import type { WorkerReply, WorkerRequest } from './subscriber-worker';

const WORKER = path.join(__dirname, 'subscriber-worker.ts');

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
type Request = WithoutId<WorkerRequest>;

/** One forked client process and its pending requests. */
class ClientProcess {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void }>();

  private constructor(readonly child: ChildProcess) {
    child.on('message', (reply: WorkerReply) => {
      if (reply.type === 'ready') return;
      const waiter = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.type === 'error') waiter?.reject(new Error(`subscriber process ${child.pid}: ${reply.message}`));
      else waiter?.resolve(reply);
    });
    child.once('exit', (code) => {
      for (const waiter of this.pending.values()) waiter.reject(new Error(`subscriber process ${child.pid} exited (code ${code})`));
      this.pending.clear();
    });
  }

  static async start(): Promise<ClientProcess> {
    const { child } = await forkWorker(WORKER, 'subscriber process');
    return new ClientProcess(child);
  }

  ask(request: Request): Promise<WorkerReply & { type: 'done' }> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: (reply) => resolve(reply as WorkerReply & { type: 'done' }), reject });
      this.child.send({ ...request, id } as WorkerRequest);
    });
  }

  stop(): Promise<void> {
    return stopWorker(this.child);
  }
}

/**
 * N graphql-ws subscribers, all on the same event set, spread round-robin over the replicas and in
 * contiguous shares over `processes` forked client processes (subscriber-worker.ts), so the load
 * generator is not what a delivery waits for. Each frame is stamped on arrival; latency is arrival
 * minus the count's changedAt (the commit time on the server; same host, same clock).
 */
export class SubscriberFleet {
  private readonly clients: ClientProcess[] = [];
  private subscribers = 0;

  /** The client processes' ids, to sample their CPU. */
  pids(): number[] {
    return this.clients.map((c) => c.child.pid!);
  }

  async connect(urls: string[], n: number, eventIds: string[], processes: number): Promise<void> {
    const count = Math.max(1, Math.min(processes, n));
    this.clients.push(...await Promise.all(Array.from({ length: count }, () => ClientProcess.start())));
    this.subscribers = n;
    let firstIndex = 0;
    await Promise.all(this.clients.map((client, i) => {
      const share = Math.floor(n / count) + (i < n % count ? 1 : 0);
      const request = client.ask({ type: 'connect', urls, firstIndex, count: share, eventIds });
      firstIndex += share;
      return request;
    }));
  }

  /**
   * Subscribers whose latest frame for every event carries its final count, and how many counts below
   * a final the furthest-behind one's latest frame is (a stale frame last, or none since the warm-up).
   */
  async settled(finals: Finals): Promise<{ settled: number; maxBehind: number }> {
    const replies = await Promise.all(this.clients.map((c) => c.ask({ type: 'settled', finals })));
    return { settled: replies.reduce((sum, r) => sum + r.settled!, 0), maxBehind: Math.max(0, ...replies.map((r) => r.maxBehind!)) };
  }

  /** Waits (bounded) until every subscriber is on the final counts. */
  async waitForFinals(finals: Finals, timeoutMs: number): Promise<{ settled: number; maxBehind: number }> {
    const deadline = Date.now() + timeoutMs;
    let state = await this.settled(finals);
    while (state.settled < this.subscribers && Date.now() < deadline) {
      await sleep(50);
      state = await this.settled(finals);
    }
    return state;
  }

  /** Starts a measurement: frames and arrivals so far are forgotten. */
  async reset(): Promise<void> {
    await Promise.all(this.clients.map((c) => c.ask({ type: 'reset' })));
  }

  async figures(): Promise<FleetFigures> {
    const replies = await Promise.all(this.clients.map((c) => c.ask({ type: 'report' })));
    return mergeLedgerReports(replies.map((r) => r.report as LedgerReport), this.subscribers);
  }

  async close(): Promise<void> {
    await Promise.all(this.clients.map((c) => c.stop()));
    this.clients.length = 0;
  }
}
