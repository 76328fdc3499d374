import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Longest stretch of synchronous work a long loop runs before it lets the event loop take a turn. */
export const WORK_SLICE_MS = 10;

/**
 * Gives the event loop a turn every ~10 ms of work in a long loop (expanding 50,000 occurrences,
 * diffing and writing them), so /healthz and reads keep answering while a big sync runs. Cheap to
 * call once per item (a clock read, ~50 ns): steps vary from microseconds (an instance) to
 * milliseconds (a part of 200 VEVENTs), so the clock, not a count of steps, decides.
 */
export class EventLoopPacer {
  private last = performance.now();

  constructor(private readonly sliceMs = WORK_SLICE_MS) {}

  /** Resolves at once inside the slice; once the slice is used up, on the next turn of the event loop. */
  async turn(): Promise<void> {
    if (performance.now() - this.last < this.sliceMs) return;
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

/**
 * A stable sort in steps (a native sort of 50,000 items holds the event loop ~200 ms): runs of `run`
 * items are sorted natively, then merged pairwise, with a step every `run` items.
 */
export function* sortInSteps<T>(items: readonly T[], compare: (a: T, b: T) => number, run = 1024): Steps<T[]> {
  let runs: T[][] = [];
  for (let i = 0; i < items.length; i += run) {
    runs.push(items.slice(i, i + run).sort(compare));
    yield;
  }
  while (runs.length > 1) {
    const merged: T[][] = [];
    for (let i = 0; i < runs.length; i += 2) {
      const [a, b] = [runs[i], runs[i + 1] ?? []];
      const out: T[] = [];
      let x = 0;
      let y = 0;
      // Ties take from the earlier run: stable, like Array.prototype.sort.
      while (x < a.length || y < b.length) {
        out.push(y >= b.length || (x < a.length && compare(b[y], a[x]) >= 0) ? a[x++] : b[y++]);
        if (out.length % run === 0) yield;
      }
      merged.push(out);
    }
    runs = merged;
  }
  return runs[0] ?? [];
}
