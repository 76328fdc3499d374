/** One measured round against one target, from the load worker or the in-process loop alike. */
export interface RoundResult {
  /** Completed requests (or executions) that succeeded. */
  requests: number;
  /** Non-2xx responses, socket errors, timeouts, or failed executions. */
  failures: number;
  durationMs: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
}

export interface LoadSettings {
  connections: number;
  /** Each round stops at whichever comes first: this many milliseconds or maxRequests requests. */
  durationMs: number;
  maxRequests: number;
}
