/** Starts a timer and returns its cancel. The default's timers are unref'd: a pending window never holds the process open. */
export type ScheduleTimer = (callback: () => void, ms: number) => () => void;

export const unrefTimer: ScheduleTimer = (callback, ms) => {
  const timer = setTimeout(callback, ms);
  timer.unref();
  return () => clearTimeout(timer);
};

export interface KeyedCoalescerOptions<T> {
  /** The window in ms: at most one delivery per key per window (0 is not a window; pubSubOver then makes no coalescer). */
  windowMs: number;
  /** Messages with the same key replace one another while held (a count is a snapshot of its event). */
  keyOf: (message: T) => string;
  deliver: (message: T) => void;
  schedule?: ScheduleTimer;
}

/**
 * Leading and trailing edge per key: the first message of a quiet key is delivered at once and opens a
 * window; later ones within the window are held, only the newest kept, and delivered when it ends, which
 * opens the next window. A burst of any size on one key costs about one delivery per window and always
 * ends on its last message; keys never wait for one another.
 */
export class KeyedCoalescer<T> {
  /** Open windows by key, with the newest message held in each (undefined: none since the window opened). */
  private readonly windows = new Map<string, { held: T | undefined; cancel: () => void }>();
  private readonly schedule: ScheduleTimer;

  constructor(private readonly options: KeyedCoalescerOptions<T>) {
    this.schedule = options.schedule ?? unrefTimer;
  }

  push(message: T): void {
    const key = this.options.keyOf(message);
    const window = this.windows.get(key);
    if (window) {
      window.held = message;
      return;
    }
    this.open(key);
    this.options.deliver(message);
  }

  /** Keys with an open window (tests and metrics). */
  openWindows(): number {
    return this.windows.size;
  }

  /** Cancels every window; held messages are dropped (shutdown, or the topic's last listener left). */
  close(): void {
    for (const window of this.windows.values()) window.cancel();
    this.windows.clear();
  }

  private open(key: string): void {
    const window: { held: T | undefined; cancel: () => void } = { held: undefined, cancel: () => undefined };
    this.windows.set(key, window);
    window.cancel = this.schedule(() => {
      if (this.windows.get(key) !== window) return;
      this.windows.delete(key);
      if (window.held === undefined) return;
      // The trailing message starts the next window, so bursts longer than one window stay at one per window.
      this.open(key);
      this.options.deliver(window.held);
    }, this.options.windowMs);
  }
}
