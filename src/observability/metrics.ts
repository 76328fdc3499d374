import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Every Prometheus metric of the process, in one registry served at /metrics. Features increment
 * the counters they own (sync, registrations, ILS) by importing `metrics`; labels stay low-cardinality
 * (operation names, error codes, source ids, outcomes), never user input such as emails or keys.
 */
export function createMetrics() {
  const registry = new Registry();
  /** Open graphql-ws sockets (src/edge/ws-flow.ts), read when /metrics is scraped. */
  const wsSockets = new Set<{ bufferedBytes(): number }>();
  collectDefaultMetrics({ register: registry, prefix: 'community_graph_process_' });
  return {
    registry,
    wsSockets,
    wsBufferedBytes: new Gauge({
      name: 'community_graph_ws_buffered_bytes',
      help: 'Bytes waiting to be written to the most backed-up graphql-ws socket (a slow or paused reader)',
      registers: [registry],
      collect() {
        this.set(Math.max(0, ...[...wsSockets].map((socket) => socket.bufferedBytes())));
      },
    }),
    livePayloadsSerialised: new Counter({
      name: 'community_graph_live_payloads_serialised_total',
      help: 'graphql-ws next payloads serialised: one per shared result, however many sockets it is written to (src/edge/fan-out.ts)',
      registers: [registry],
    }),
    wsClosed: new Counter({
      name: 'community_graph_ws_closed_total',
      help: 'graphql-ws sockets closed by the server, by reason (stalled: 1013 after WS_STALLED_CLOSE_MS over the bound; revoked: 4403, the API key was revoked)',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
    /** HTTP GraphQL requests by operation name ("anonymous" when unnamed) and outcome. */
    requestDuration: new Histogram({
      name: 'community_graph_request_duration_seconds',
      help: 'GraphQL request duration by operation',
      labelNames: ['operation', 'type', 'outcome'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    errors: new Counter({
      name: 'community_graph_errors_total',
      help: 'Errors returned to clients, by extensions.code',
      labelNames: ['code'] as const,
      registers: [registry],
    }),
    rateLimited: new Counter({
      name: 'community_graph_rate_limited_total',
      help: 'Requests refused by a rate limit, by limit (ip, key, register)',
      labelNames: ['limit'] as const,
      registers: [registry],
    }),
    activeSubscriptions: new Gauge({
      name: 'community_graph_active_subscriptions',
      help: 'Open GraphQL subscriptions (graphql-ws)',
      registers: [registry],
    }),
    syncRuns: new Counter({
      name: 'community_graph_sync_runs_total',
      help: 'Source syncs by source and outcome (ok, not_modified, failed)',
      labelNames: ['source', 'outcome'] as const,
      registers: [registry],
    }),
    syncSchedulerTicks: new Counter({
      name: 'community_graph_sync_scheduler_ticks_total',
      help: 'Scheduled looks for due sources this replica finished (src/features/sources/sync-scheduler.ts), whatever they found',
      registers: [registry],
    }),
    syncDuration: new Histogram({
      name: 'community_graph_sync_duration_seconds',
      help: 'Source sync duration by source',
      labelNames: ['source'] as const,
      buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
      registers: [registry],
    }),
    registrations: new Counter({
      name: 'community_graph_registrations_total',
      help: 'Registration attempts by outcome (confirmed, waitlisted, cancelled, refused)',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    upstreamCalls: new Counter({
      name: 'community_graph_upstream_calls_total',
      help: 'Calls to upstream systems (ILS, partner APIs) by upstream and outcome',
      labelNames: ['upstream', 'outcome'] as const,
      registers: [registry],
    }),
    responseCache: new Counter({
      name: 'community_graph_response_cache_total',
      help: 'Anonymous query answers from the response cache: hit, miss (executed), and invalidations (emptied by a data change)',
      labelNames: ['result'] as const,
      registers: [registry],
    }),
    breakerState: new Gauge({
      name: 'community_graph_breaker_state',
      help: 'Circuit breaker state per upstream: 0 closed, 1 half-open, 2 open',
      labelNames: ['upstream'] as const,
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** The process-wide metrics (one registry per process, as Prometheus scrapes a process). */
export const metrics: Metrics = createMetrics();
