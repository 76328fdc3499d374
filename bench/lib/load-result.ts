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
  /**
   * CPU time this (the harness's) process spent per successful request, user + system. The servers
   * under test live in this process and the load generator does not, so this is the server's own cost:
   * unlike req/s, it barely moves when other tenants take the machine's cores.
   */
  cpuMsPerRequest?: number;
}

export interface LoadSettings {
  connections: number;
  /** Each round stops at whichever comes first: this many milliseconds or maxRequests requests. */
  durationMs: number;
  maxRequests: number;
}
