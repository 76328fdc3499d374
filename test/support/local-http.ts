import http from 'node:http';
import { AddressInfo } from 'node:net';

export interface LocalRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface LocalReply {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer | object;
}

export interface LocalServer {
  url: string;
  requests: LocalRequest[];
  close(): Promise<void>;
}

/**
 * The part every local fake shares: a real HTTP server on 127.0.0.1 (ephemeral port) that reads each
 * request's whole body before `respond` answers it; a handler that throws answers 500 with the error.
 */
export async function listenOnLoopback(
  respond: (req: http.IncomingMessage, body: string, res: http.ServerResponse) => Promise<void>,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      respond(req, Buffer.concat(chunks).toString('utf8'), res).catch((error) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    }),
  };
}

/**
 * A real HTTP server on 127.0.0.1 (ephemeral port) for partner-API fakes. The handler answers in
 * the partner's wire format; anything it does not know should answer 404, like the real thing.
 */
export async function startLocalServer(handler: (request: LocalRequest) => LocalReply | Promise<LocalReply>): Promise<LocalServer> {
  const requests: LocalRequest[] = [];
  const server = await listenOnLoopback(async (req, body, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const request = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body };
    requests.push(request);
    const reply = await handler(request);
    const payload = reply.body === undefined ? '' : Buffer.isBuffer(reply.body) || typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    const type = typeof reply.body === 'object' && !Buffer.isBuffer(reply.body) ? { 'content-type': 'application/json' } : {};
    res.writeHead(reply.status ?? 200, { ...type, ...(reply.headers ?? {}) });
    res.end(payload);
  });
  return { ...server, requests };
}
