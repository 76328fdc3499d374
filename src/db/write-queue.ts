/**
 * One job at a time, in the order they arrived: the in-process side of SQLite's single write lock.
 *
 * Why a queue rather than letting each writer try for itself: writers that poll or back off are
 * served in whatever order their timers happen to fire, so one that just arrived can overtake one
 * that has been waiting for seconds. Here every job waits for exactly the jobs queued before it, and
 * only the job at the head waits for anything else (such as another transaction on the connection).
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
      for (let next = this.waiting.shift(); next; next = this.waiting.shift()) await next();
    } finally {
      this.draining = false;
    }
  }
}
