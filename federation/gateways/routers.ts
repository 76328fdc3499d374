import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

/**
 * The two federation routers the federation tests and the bench put in front of Community Graph.
 * They live in this folder with their own dependencies (installed by `npm run federation:install`),
 * kept out of the project's install; test/support/federation.ts loads this file with require().
 * @apollo/server and graphql are installed here too, so the gateway runs in one graphql realm.
 */

/** A federation router serving a supergraph on 127.0.0.1, whatever engine it is. */
export interface Router {
  url: string;
  stop(): Promise<void>;
}

export interface SubgraphCall { subgraph: string; representations: number | null }

/** Apollo's gateway (the Node router), logging every subgraph request it sends into `calls`. */
export async function startApolloGateway(supergraphSdl: string, calls: SubgraphCall[]): Promise<Router> {
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => new RemoteGraphQLDataSource({
      url,
      // Node's fetch (undici) reads the server's Keep-Alive timeout and never reuses a socket the
      // server is about to close; the gateway's default agent does, which on a busy machine (a gap of
      // over 5 s between two calls) surfaces as a random ECONNRESET.
      fetcher: ((input: string, init?: RequestInit) => fetch(input, init)) as never,
      willSendRequest({ request }) {
        const representations = request.variables?.representations;
        calls.push({ subgraph: name!, representations: Array.isArray(representations) ? representations.length : null });
      },
    }),
  });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, stop: () => server.stop() };
}

async function freePort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * The real `hive-gateway` CLI (@graphql-hive/gateway) in its own process, serving the supergraph file
 * with `gatewayConfig` (a gateway.config.ts). Resolves once it logs that it listens; fails with its output otherwise.
 */
export async function startHiveGateway(supergraphSdl: string, gatewayConfig: string): Promise<Router> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-hive-'));
  fs.writeFileSync(path.join(dir, 'supergraph.graphql'), supergraphSdl);
  fs.writeFileSync(path.join(dir, 'gateway.config.ts'), gatewayConfig);
  const port = await freePort();
  const bin = require.resolve('@graphql-hive/gateway/package.json').replace(/package\.json$/, 'dist/bin.js');
  const child = spawn(process.execPath, [bin, 'supergraph', '-c', path.join(dir, 'gateway.config.ts'), '--host', '127.0.0.1', '--port', String(port)], {
    cwd: dir, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hive-gateway did not start in 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`Listening on http://127.0.0.1:${port}`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hive-gateway exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
