import http from 'node:http';
import { AddressInfo } from 'node:net';

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
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: req.method ?? 'GET', url: req.url ?? '/', body });
      Promise.resolve(handler({ method: req.method ?? 'GET', url: new URL(req.url ?? '/', 'http://127.0.0.1'), body, headers: req.headers }, res)).catch((error) => {
        res.statusCode = 500;
        res.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
