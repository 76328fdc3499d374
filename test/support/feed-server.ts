import { createHash } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

/** How one path of the feed server answers. */
export type FeedRoute =
  | { kind: 'feed'; body: string | Buffer; contentType?: string; etag?: boolean; lastModified?: boolean; gzip?: boolean; delayMs?: number }
  | { kind: 'status'; status: number; body?: string; contentType?: string; retryAfter?: string }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'oversized'; bytes: number }
  | { kind: 'redirect'; location: string }
  | { kind: 'reset' }
  | { kind: 'sequence'; steps: FeedRoute[] };

export interface FeedRequest { path: string; headers: http.IncomingHttpHeaders }

/**
 * A real partner feed server on 127.0.0.1 speaking plain HTTP/1.1: ETag / Last-Modified with 304,
 * gzip, error statuses with Retry-After, slow and oversized answers. Unknown paths are a 404 and are
 * recorded, so a test sees every request the client made.
 */
export class FeedServer {
  readonly requests: FeedRequest[] = [];
  private readonly routes = new Map<string, FeedRoute>();
  private readonly hits = new Map<string, number>();
  private server!: http.Server;
  private readonly sockets = new Set<import('node:net').Socket>();
  url = '';

  set(path: string, route: FeedRoute): this {
    this.routes.set(path, route);
    this.hits.set(path, 0);
    return this;
  }

  count(path: string): number {
    return this.requests.filter((r) => r.path === path).length;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const path = (req.url ?? '/').split('?')[0];
    this.requests.push({ path, headers: req.headers });
    let route = this.routes.get(path);
    if (route?.kind === 'sequence') {
      const n = this.hits.get(path) ?? 0;
      this.hits.set(path, n + 1);
      route = route.steps[Math.min(n, route.steps.length - 1)];
    }
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (route.kind === 'feed' && route.delayMs) {
      const ready = route;
      const timer = setTimeout(() => this.answer(ready, req, res), route.delayMs);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    this.answer(route, req, res);
  }

  private answer(route: FeedRoute, req: http.IncomingMessage, res: http.ServerResponse): void {
    switch (route.kind) {
      case 'feed': {
        const body = Buffer.from(route.body);
        const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
        const lastModified = 'Wed, 01 Jul 2026 00:00:00 GMT';
        const headers: Record<string, string> = { 'content-type': route.contentType ?? 'text/calendar; charset=utf-8' };
        if (route.etag) headers.etag = etag;
        if (route.lastModified) headers['last-modified'] = lastModified;
        if ((route.etag && req.headers['if-none-match'] === etag) || (route.lastModified && !route.etag && req.headers['if-modified-since'] === lastModified)) {
          res.writeHead(304, headers).end();
          return;
        }
        if (route.gzip && /gzip/.test(String(req.headers['accept-encoding']))) {
          res.writeHead(200, { ...headers, 'content-encoding': 'gzip' }).end(gzipSync(body));
          return;
        }
        res.writeHead(200, headers).end(body);
        return;
      }
      case 'status':
        res.writeHead(route.status, { 'content-type': route.contentType ?? 'text/plain', ...(route.retryAfter ? { 'retry-after': route.retryAfter } : {}) }).end(route.body ?? '');
        return;
      case 'slow': {
        const timer = setTimeout(() => res.writeHead(200, { 'content-type': 'text/calendar' }).end('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n'), route.delayMs);
        res.on('close', () => clearTimeout(timer));
        return;
      }
      case 'oversized': {
        // Streams without Content-Length, so only a cap enforced while reading can stop it.
        res.writeHead(200, { 'content-type': 'text/calendar' });
        const chunk = Buffer.alloc(64 * 1024, 'X');
        let sent = 0;
        const pump = () => {
          while (sent < route.bytes) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        res.on('error', () => undefined);
        pump();
        return;
      }
      case 'reset':
        // Promises 1,000 bytes, sends a few, then drops the connection.
        res.writeHead(200, { 'content-type': 'text/calendar', 'content-length': '1000' });
        res.write('BEGIN:VCALENDAR\r\n', () => req.socket.destroy());
        return;
      case 'redirect':
        res.writeHead(302, { location: route.location }).end();
        return;
      default:
        res.writeHead(500).end();
    }
  }
}
