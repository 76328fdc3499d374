import http from 'node:http';
import { AddressInfo } from 'node:net';
import { trace } from '@opentelemetry/api';
import { ApiKeyRole } from '../../src/domain/enums';
import { createHttpClient } from '../../src/datasources/shared/http';
import { startTracing, stopTracing, tracingEnabled } from '../../src/observability/tracing';
import { describeEachBackend } from '../support/backends';
import { startTestServer } from '../support/server';

/** A fake OTLP/HTTP collector: records every JSON export POSTed to /v1/traces. */
async function startCollector() {
  const exports: { path: string; contentType: string; body: any }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = null;
      try {
        body = JSON.parse(text);
      } catch {
        body = { raw: text };
      }
      exports.push({ path: req.url ?? '', contentType: String(req.headers['content-type'] ?? ''), body });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, exports, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

interface ExportedSpan { name: string; traceId: string; attributes: { key: string; value: Record<string, unknown> }[] }
const spansOf = (exports: { body: any }[]): ExportedSpan[] =>
  exports.flatMap((e) => (e.body?.resourceSpans ?? []).flatMap((r: any) => (r.scopeSpans ?? []).flatMap((s: any) => s.spans ?? [])));
const attr = (span: ExportedSpan, key: string): unknown => {
  const value = span.attributes.find((a) => a.key === key)?.value;
  return value ? Object.values(value)[0] : undefined;
};

const QUERY = `query UpcomingEvents { events(first: 5) { edges { node { title organizer { name } registrations { email name } } } } }`;

describeEachBackend('OpenTelemetry tracing', (backend) => {
  it('exports spans for the request, the operation, loader batches and SQL to the OTLP endpoint, without secrets or emails', async () => {
    const collector = await startCollector();
    try {
      const server = await startTestServer(backend, { env: { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_SERVICE_NAME: 'graph-under-test' } });
      let secret = '';
      try {
        expect(tracingEnabled()).toBe(true);
        secret = (await server.app.services.apiKeys.create({ role: ApiKeyRole.ADMIN, label: 'tracing' })).secret;
        const response = await server.post({ query: QUERY }, { authorization: `Bearer ${secret}` });
        expect(response.status).toBe(200);
        expect(response.json.errors).toBeUndefined();
        const emails = JSON.stringify(response.json).match(/[\w.+-]+@[\w-]+\.[\w.]+/g) ?? [];
        expect(emails.length).toBeGreaterThan(0); // the response itself does hold emails
      } finally {
        await server.close(); // flushes the exporter
      }
      expect(tracingEnabled()).toBe(false);
      expect(collector.exports.every((e) => e.path === '/v1/traces')).toBe(true);
      expect(collector.exports[0].contentType).toContain('application/json');
      const resource = JSON.stringify(collector.exports[0].body.resourceSpans[0].resource);
      expect(resource).toContain('graph-under-test');

      const spans = spansOf(collector.exports);
      const request = spans.find((s) => s.name === 'POST /graphql');
      expect(request).toBeDefined();
      expect(attr(request!, 'http.response.status_code')).toBe(200);
      const operation = spans.find((s) => s.name === 'graphql query UpcomingEvents');
      expect(operation).toBeDefined();
      expect(attr(operation!, 'graphql.operation.type')).toBe('query');
      const batches = spans.filter((s) => s.name.startsWith('dataloader '));
      expect(batches.map((s) => attr(s, 'dataloader.name'))).toEqual(expect.arrayContaining(['PartnerEntityById', 'registrationsByEvent']));
      const sql = spans.filter((s) => attr(s, 'db.system') === (backend === 'postgres' ? 'postgresql' : 'sqlite'));
      expect(sql.some((s) => String(attr(s, 'db.statement')).includes('"event"'))).toBe(true);
      expect(sql.some((s) => String(attr(s, 'db.statement')).includes('"registration"'))).toBe(true);
      // The request's spans share one trace: the loader batches and their SQL run inside the request.
      expect(batches.every((s) => s.traceId === request!.traceId)).toBe(true);

      const attributes = JSON.stringify(spans.map((s) => s.attributes));
      expect(attributes).not.toContain(secret);
      expect(attributes).not.toMatch(/bearer/i);
      expect(attributes).not.toMatch(/authorization/i);
      expect(attributes).not.toMatch(/@example\.org/);
    } finally {
      await collector.close();
    }
  });

  it('exports nothing and registers no tracer provider when OTEL_EXPORTER_OTLP_ENDPOINT is unset', async () => {
    const collector = await startCollector();
    try {
      const server = await startTestServer(backend, { env: {} });
      try {
        expect(tracingEnabled()).toBe(false);
        // The API's global provider is still the no-op proxy: its tracers make non-recording spans.
        const span = trace.getTracer('probe').startSpan('probe');
        expect(span.isRecording()).toBe(false);
        span.end();
        const response = await server.post({ query: QUERY });
        expect(response.status).toBe(200);
      } finally {
        await server.close();
      }
      expect(collector.exports).toEqual([]);
    } finally {
      await collector.close();
    }
  });

  it('exports a client span per partner fetch with host and path, never the query string', async () => {
    const collector = await startCollector();
    const partner = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/calendar' }).end('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n'));
    await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
    try {
      startTracing({ endpoint: collector.url, serviceName: 'graph-under-test' });
      const { port } = partner.address() as AddressInfo;
      const result = await createHttpClient({ retries: 0 }).fetch(`http://127.0.0.1:${port}/feeds/events.ics?apikey=partner-secret`);
      expect(result.status).toBe(200);
      await stopTracing();
      const fetches = spansOf(collector.exports).filter((s) => s.name === 'partner fetch');
      expect(fetches).toHaveLength(1);
      expect(attr(fetches[0], 'server.address')).toBe('127.0.0.1');
      expect(attr(fetches[0], 'url.path')).toBe('/feeds/events.ics');
      expect(JSON.stringify(fetches[0].attributes)).not.toContain('partner-secret');
    } finally {
      await stopTracing();
      await new Promise<void>((resolve) => partner.close(() => resolve()));
      await collector.close();
    }
  });
});
