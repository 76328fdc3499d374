import { Attributes, Span, SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import type { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { DataSource, QueryRunner } from 'typeorm';

/**
 * Optional OpenTelemetry tracing (OTLP/HTTP). Off unless OTEL_EXPORTER_OTLP_ENDPOINT is set; then
 * spans cover each HTTP request, GraphQL operation, DataLoader batch, SQL statement and partner fetch.
 * When off, `withSpan` calls the function directly: no span objects, no context switches.
 * Attributes never carry header values, variables or SQL parameters (no secrets, no emails).
 */
export interface TracingConfig {
  /** OTEL_EXPORTER_OTLP_ENDPOINT, e.g. http://collector:4318 (traces go to `/v1/traces`). */
  endpoint: string | null;
  serviceName: string;
}

let provider: NodeTracerProvider | null = null;
const TRACER = 'community-graph';

export const tracingEnabled = (): boolean => provider !== null;

/** Registers the global tracer provider; a no-op without an endpoint. Idempotent. */
export function startTracing(config: TracingConfig): void {
  if (!config.endpoint || provider) return;
  const url = `${config.endpoint.replace(/\/+$/, '')}/v1/traces`;
  // The SDK and its exporter (some 200 modules) load only when tracing is on: the CLI and an untraced
  // server, which import this file for withSpan, do not pay for them.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  const { Resource } = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const { BatchSpanProcessor } = require('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base');
  const { NodeTracerProvider } = require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  /* eslint-enable @typescript-eslint/no-require-imports */
  provider = new NodeTracerProvider({
    resource: new Resource({ 'service.name': config.serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url }))],
  });
  provider.register();
}

/** Flushes pending spans and unregisters the provider (app.close()). */
export async function stopTracing(): Promise<void> {
  const current = provider;
  if (!current) return;
  provider = null;
  try {
    await current.forceFlush();
  } finally {
    await current.shutdown();
    trace.disable();
    context.disable();
  }
}

/** Runs `fn` inside a span (the active one while it runs); ends it with the outcome. */
export function withSpan<T>(name: string, attributes: Attributes, fn: () => Promise<T>, kind = SpanKind.INTERNAL): Promise<T> {
  if (!provider) return fn();
  const tracer = trace.getTracer(TRACER);
  return tracer.startActiveSpan(name, { kind, attributes }, async (span) => {
    try {
      return await fn();
    } catch (error) {
      span.recordException({ name: (error as Error)?.name ?? 'Error', message: (error as Error)?.message ?? String(error) });
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Starts a span that the caller ends (HTTP requests, GraphQL operations), or null when tracing is off. */
export function startSpan(name: string, attributes: Attributes, kind = SpanKind.INTERNAL): Span | null {
  if (!provider) return null;
  return trace.getTracer(TRACER).startSpan(name, { kind, attributes });
}

/** Runs `fn` with `span` active, so spans started within become its children. */
export function runInSpan<T>(span: Span | null, fn: () => T): T {
  return span ? context.with(trace.setSpan(context.active(), span), fn) : fn();
}

const PATCHED = Symbol('community-graph.traced');

/**
 * One span per SQL statement on both backends: the driver's query runners are wrapped as they are
 * handed out (SQLite caches one runner, PostgreSQL makes one per connection use). Statement text
 * only, parameters never (they hold emails and keys).
 */
export function traceDataSource(db: DataSource): void {
  if (!provider) return;
  const driver = db.driver as unknown as { createQueryRunner(mode: string): QueryRunner; [PATCHED]?: true };
  if (driver[PATCHED]) return;
  driver[PATCHED] = true;
  const system = db.options.type === 'postgres' ? 'postgresql' : 'sqlite';
  const create = driver.createQueryRunner.bind(driver);
  driver.createQueryRunner = (mode: string) => {
    const runner = create(mode) as QueryRunner & { [PATCHED]?: true };
    if (!runner[PATCHED]) {
      runner[PATCHED] = true;
      const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
      runner.query = ((sql: string, ...rest: unknown[]) =>
        withSpan(`db ${operationOf(sql)}`, { 'db.system': system, 'db.operation': operationOf(sql), 'db.statement': sql.slice(0, 2000) },
          () => query(sql, ...rest), SpanKind.CLIENT)) as QueryRunner['query'];
    }
    return runner;
  };
}

const operationOf = (sql: string): string => (/^\s*(\w+)/.exec(sql)?.[1] ?? 'QUERY').toUpperCase();
