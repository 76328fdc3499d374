/** Configuration of one subscriber's queue. */
export interface LatestQueueOptions<T> {
  /**
   * Messages with the same key replace one another while they wait: a count is a snapshot, so only
   * the newest of an event's counts is worth delivering. Without a key every message is kept, in order.
   */
  keyOf?: (message: T) => string;
  /** Most messages waiting at once; past it the oldest is dropped, so a stalled consumer costs bounded memory. */
  capacity: number;
  /**
   * Called at the first next(): a queue that is never read (a subscriber whose frames come from another's
   * stream, src/edge/fan-out.ts) need not hear anything.
   */
  onStart?: () => void;
  /** Called once when the consumer stops (return, throw, or close). */
  onClose?: () => void;
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/** One subscriber's pending messages, latest per key, bounded; an async iterator for graphql-js. */
export class LatestQueue<T> implements AsyncIterableIterator<T> {
  private readonly pending = new Map<unknown, T>();
  private waiters: (() => void)[] = [];
  private closed = false;
  private started = false;

  constructor(private readonly options: LatestQueueOptions<T>) {}

  /** How many messages wait (tests and metrics). */
  size(): number {
    return this.pending.size;
  }

  push(message: T): void {
    if (this.closed) return;
    // A keyless message gets a key of its own (a fresh object), so it never replaces another.
    const key = this.options.keyOf ? this.options.keyOf(message) : {};
    // Deleted first so the replacement moves to the back: messages leave in the order of their latest change.
    this.pending.delete(key);
    this.pending.set(key, message);
    if (this.pending.size > this.options.capacity) this.pending.delete(this.pending.keys().next().value);
    this.wake();
  }

  async next(): Promise<IteratorResult<T>> {
    if (!this.started && !this.closed) {
      this.started = true;
      this.options.onStart?.();
    }
    while (!this.closed) {
      if (!this.pending.size) {
        await new Promise<void>((resolve) => this.waiters.push(resolve));
        continue;
      }
      const first = this.pending.entries().next();
      if (first.done) continue;
      this.pending.delete(first.value[0]);
      return { done: false, value: first.value[1] };
    }
    return DONE;
  }

  async return(): Promise<IteratorResult<T>> {
    this.close();
    return DONE;
  }

  async throw(): Promise<IteratorResult<T>> {
    this.close();
    return DONE;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.pending.clear();
    this.wake();
    this.options.onClose?.();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
