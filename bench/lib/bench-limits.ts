/**
 * Rate-limit budgets for benchmark servers: the limiter still runs on every request (its cost is part
 * of serving), but no benchmark's load from one 127.0.0.1 address ever reaches them.
 */
export const BENCH_LIMITS: Record<string, string> = {
  RATE_LIMIT: 'on',
  RATE_LIMIT_PER_IP: '1000000000',
  RATE_LIMIT_PER_KEY: '1000000000',
  RATE_LIMIT_REGISTER_PER_IP: '1000000000',
  // A scheduler tick during a measurement would add its SQL to the statements counted per request.
  SYNC_SCHEDULER: 'off',
  // Every scenario measures the server doing the work (a repeated query would otherwise be answered
  // from memory); events-page adds a cached server as a variant of its own (HTTP_CACHED).
  RESPONSE_CACHE: 'off',
};
