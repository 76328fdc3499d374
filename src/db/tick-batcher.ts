/** One call's outcome inside a batch: a batch may succeed for some calls and fail for others. */
export type Settled<O> = { ok: true; value: O } | { ok: false; error: unknown };

/**
 * Calls made during one turn of the event loop, handed to `flush` together (group commit, issue 17):
 * the first call of a turn schedules the flush with setImmediate, and every call made before it runs
 * joins, in call order, at most `max` per batch. Requests that arrive together reach their writes in
 * the same turn, so under load a batch holds many; alone, a call waits one turn. Batches are flushed
 * in order; each caller gets its own outcome, or the batch's error when the whole flush fails.
 */
export class TickBatcher<I, O> {
  private pending: { input: I; resolve(value: O): void; reject(error: unknown): void }[] = [];

  constructor(private readonly flush: (inputs: I[]) => Promise<Settled<O>[]>, private readonly max: number) {}

  add(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => this.drain());
      this.pending.push({ input, resolve, reject });
    });
  }

  private drain(): void {
    while (this.pending.length) {
      const batch = this.pending.splice(0, this.max);
      this.flush(batch.map((call) => call.input)).then(
        (outcomes) => batch.forEach((call, i) => {
          const outcome = outcomes[i];
          if (outcome.ok) call.resolve(outcome.value);
          else call.reject(outcome.error);
        }),
        (error: unknown) => batch.forEach((call) => call.reject(error)),
      );
    }
  }
}
