/**
 * One job at a time, in the order they arrived: the in-process side of SQLite's single write lock.
 *
 * Why a queue rather than letting each writer try the lock: writers that poll or back off are served
 * in whatever order their timers happen to fire, so a writer that just arrived can overtake one that
 * has been waiting for seconds. Here every job waits for exactly the jobs queued before it.
 *
 * Why each job gets its own turn of the event loop: a SQLite write runs synchronously, so without a
 * yield a burst of writers would all run inside one event-loop iteration. libuv accepts one new
 * connection per iteration (https://github.com/libuv/libuv/pull/3696), so long iterations leave new
 * clients waiting in the accept queue for seconds while connected ones are served. Yielding between
 * jobs keeps iterations short, so accepting and reading requests interleave with the writes.
 */
export class WriteQueue {
  private readonly waiting: Array<() => Promise<void>> = [];
  private draining = false;

  /** Runs `job` after every job queued before it has settled; resolves or rejects with its outcome. */
  run<T>(job: () => T | Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push(async () => {
        try {
          resolve(await job());
        } catch (error) {
          // The failure belongs to this job's caller; the queue moves on to the next job.
          reject(error);
        }
      });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      for (let next = this.waiting.shift(); next; next = this.waiting.shift()) {
        await nextTurn();
        await next();
      }
    } finally {
      this.draining = false;
    }
  }
}

/** Resolves in the event loop's next check phase, after pending I/O callbacks have run. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
