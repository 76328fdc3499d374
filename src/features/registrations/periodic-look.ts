import { Logger } from '../../logger';

/**
 * A look run every `intervalMs` in the background of the server (the waitlist sweep, the retention
 * purge): one at a time (the next is scheduled when the last finishes, so a slow look never overlaps
 * itself), a failure logged and tried again at the next look, and `stop()` waiting for the look in
 * flight so close() never cuts a write in half. The timer is unref'd: it never keeps a process alive.
 */
export class PeriodicLook {
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<unknown> = Promise.resolve();
  private stopped = true;

  constructor(
    private readonly look: () => Promise<unknown>,
    private readonly intervalMs: number,
    private readonly failure: { logger?: Logger; message: string },
  ) {}

  /** The first look after `firstAfterMs` (default one interval), then one every interval. */
  start(firstAfterMs = this.intervalMs): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(firstAfterMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.current.catch(() => undefined);
  }

  private schedule(afterMs = this.intervalMs): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.current = this.look()
        .catch((error) => this.failure.logger?.error({ err: error }, this.failure.message))
        .finally(() => this.schedule());
    }, afterMs);
    this.timer.unref();
  }
}
