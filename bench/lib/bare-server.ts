import http from 'node:http';
import { AddressInfo } from 'node:net';

export interface BareServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The ceiling: Node's own `http` answering every POST with fixed bytes (read the body, write the
 * answer). Nothing a GraphQL server does can be faster on this machine, so "vs bare http" says how
 * much of the transport's capacity is left after our work.
 */
export async function startBareServer(body: Buffer, contentType = 'application/json; charset=utf-8'): Promise<BareServer> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': contentType, 'content-length': body.length });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
