import http from 'node:http';
import { AddressInfo } from 'node:net';
import { HeaderMap } from '@apollo/server';
import { createApollo } from '../../src/edge/apollo';
import { httpContext } from '../../src/edge/graphql-context';
import { createHardening } from '../../src/edge/hardening';
import { orderedPlugins } from '../../src/edge/plugins/plugin-order';
import { createMetrics } from '../../src/observability/metrics';
import type { GraphqlBench } from './graphql-bench';

export interface ApolloNodeHttp {
  url: string;
  close(): Promise<void>;
}

/**
 * The floor of any Apollo integration (issue 15, item 3): the server's own Apollo configuration
 * (schema, executor, every Apollo plugin and validation rule of the hardening) behind Node's bare
 * `http`, with no Express and none of the HTTP middleware (CORS, rate limits, body guards, request
 * log, tracing). Apollo's node-http and fastify integrations do at least this much per request, so
 * the gap between this row and the server says what leaving Express could save at most, and the gap
 * between it and the peer what no integration change can.
 */
export async function startApolloNodeHttp(bench: GraphqlBench): Promise<ApolloNodeHttp> {
  const config = bench.serverConfig;
  const hardening = createHardening(config, { logger: bench.app.logger, metrics: createMetrics(), rateLimits: bench.app.rateLimits });
  const apollo = createApollo({
    schema: bench.schema, logger: bench.app.logger, introspection: config.introspection,
    plugins: orderedPlugins({ hardening: hardening.apollo.plugins }),
    validationRules: hardening.apollo.validationRules, persistedQueries: hardening.apollo.persistedQueries, executor: config.graphqlExecutor,
  });
  await apollo.start();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void answer(req, res, Buffer.concat(chunks)).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
    });
  });
  async function answer(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): Promise<void> {
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'POST', headers, search: '', body: JSON.parse(body.toString('utf8')) },
      context: () => httpContext(bench.deps, req.headers, req.socket.remoteAddress),
    });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind !== 'complete') throw new Error('an incremental answer: not part of the benchmark documents');
    res.end(response.body.string);
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
    },
  };
}
