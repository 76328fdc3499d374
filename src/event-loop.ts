import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Longest stretch of synchronous work a long loop runs before it lets the event loop take a turn. */
export const WORK_SLICE_MS = 10;

/**
 * Gives the event loop a turn every ~10 ms of work in a long loop (expanding 50,000 occurrences,
 * diffing and writing them), so /healthz and reads keep answering while a big sync runs. Cheap to
 * call once per item: it reads the clock only every `checkEvery` calls.
 */
export class EventLoopPacer {
  private last = performance.now();
  private calls = 0;

  constructor(private readonly sliceMs = WORK_SLICE_MS, private readonly checkEvery = 16) {}

  /** Resolves at once inside the slice; once the slice is used up, on the next turn of the event loop. */
  async turn(): Promise<void> {
    if (++this.calls % this.checkEvery !== 0 || performance.now() - this.last < this.sliceMs) return;
    await nextTurn();
    this.last = performance.now();
  }
}

/**
 * Work written once as a generator that yields at safe points (between instances, between VEVENTs)
 * runs either at once (pure callers, tests) or paced (a sync in the server): no second copy of it.
 */
export type Steps<T> = Generator<void, T, void>;

export function runAtOnce<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export async function runPaced<T>(steps: Steps<T>, pacer = new EventLoopPacer()): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pacer.turn();
  }
}

/** `items.map(fn)`, giving the event loop its turns. */
export async function mapPaced<T, U>(items: readonly T[], fn: (item: T) => U, pacer = new EventLoopPacer()): Promise<U[]> {
  const out: U[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    out[i] = fn(items[i]);
    await pacer.turn();
  }
  return out;
}
