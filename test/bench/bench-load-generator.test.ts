import http from 'node:http';
import { AddressInfo } from 'node:net';
import { startBareServer } from '../../bench/lib/bare-server';
import { LoadGenerator } from '../../bench/lib/load-generator';

describe('the load generator process', () => {
  let load: LoadGenerator;
  beforeAll(async () => { load = await LoadGenerator.start(); }, 30_000);
  afterAll(async () => { await load.stop(); });

  it('drives a server from its own process, rotating the bodies, and stops at the request cap', async () => {
    const seen: string[] = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => { body += chunk; });
      req.on('end', () => {
        seen.push(body);
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
      const result = await load.round({ url, bodies: ['{"a":1}', '{"b":2}'] }, { connections: 2, durationMs: 10_000, maxRequests: 40 });
      expect(result.failures).toBe(0);
      // The cap is exact: the round stops at the 40th answer and counts nothing after it,
      // although 10 s on a local server would allow thousands.
      expect(result.requests).toBe(40);
      expect(result.p99Ms).toBeGreaterThanOrEqual(result.p50Ms);
      expect(new Set(seen)).toEqual(new Set(['{"a":1}', '{"b":2}']));
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('counts non-2xx answers as failures, not as throughput', async () => {
    const server = http.createServer((req, res) => { req.resume(); res.statusCode = 500; res.end(); });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const result = await load.round({ url, bodies: ['{}'] }, { connections: 1, durationMs: 5_000, maxRequests: 10 });
      expect(result.requests).toBe(0);
      expect(result.failures).toBeGreaterThanOrEqual(10);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('serves the same bytes from the bare baseline server', async () => {
    const bare = await startBareServer(Buffer.from('{"data":{"ok":true}}'));
    try {
      const response = await fetch(bare.url, { method: 'POST', body: '{}' });
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(await response.text()).toBe('{"data":{"ok":true}}');
    } finally {
      await bare.close();
    }
  });
});
