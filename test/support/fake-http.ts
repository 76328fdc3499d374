import http from 'node:http';
import { listenOnLoopback } from './local-http';

export interface FakeServer {
  url: string;
  requests: { method: string; url: string; body: string }[];
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 whose answers the test decides (partner feeds, ILS APIs). */
export async function startFakeServer(
  handler: (req: { method: string; url: URL; body: string; headers: http.IncomingHttpHeaders }, res: http.ServerResponse) => void | Promise<void>,
): Promise<FakeServer> {
  const requests: FakeServer['requests'] = [];
  const server = await listenOnLoopback(async (req, body, res) => {
    requests.push({ method: req.method ?? 'GET', url: req.url ?? '/', body });
    await handler({ method: req.method ?? 'GET', url: new URL(req.url ?? '/', 'http://127.0.0.1'), body, headers: req.headers }, res);
  });
  // Closing twice is harmless here (tests close in finally blocks and afterAll alike).
  return { url: server.url, requests, close: () => server.close().catch(() => undefined) };
}
