import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';

/**
 * A second subgraph written for the federation tests: "tickets" extends Community Graph's Event
 * (@key(fields: "id")) with a price, and offers events of its own by reference only, so the router
 * has to ask Community Graph's `_entities` for everything else about them.
 */
export interface TicketsSubgraph {
  url: string;
  typeDefs: string;
  /** Event ids the `featuredTickets` root field returns (as bare references). */
  featured: string[];
  /** How many `_entities` batches this subgraph was asked, and their sizes. */
  entityBatches: number[];
  close(): Promise<void>;
}

export const TICKETS_TYPE_DEFS = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  type Event @key(fields: "id") {
    id: ID!
    "Price in cents, computed from the id so tests can predict it."
    ticketPrice: Int!
  }

  type Query {
    featuredTickets: [Event!]!
  }
`;

export const ticketPrice = (id: string): number => 500 + ([...id].reduce((sum, c) => sum + c.charCodeAt(0), 0) % 10) * 100;

export async function startTicketsSubgraph(): Promise<TicketsSubgraph> {
  const state = { featured: [] as string[], entityBatches: [] as number[] };
  const server = new ApolloServer({
    schema: buildSubgraphSchema({
      typeDefs: parse(TICKETS_TYPE_DEFS),
      resolvers: {
        Query: { featuredTickets: () => state.featured.map((id) => ({ id })) },
        Event: {
          __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
          ticketPrice: (event: { id: string }) => ticketPrice(event.id),
        },
      } as never,
    }),
    plugins: [ApolloServerPluginInlineTraceDisabled(), {
      async requestDidStart({ request }) {
        const representations = request.variables?.representations;
        if (Array.isArray(representations)) state.entityBatches.push(representations.length);
      },
    }],
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return {
    url, typeDefs: TICKETS_TYPE_DEFS,
    get featured() { return state.featured; },
    set featured(ids: string[]) { state.featured = ids; },
    get entityBatches() { return state.entityBatches; },
    close: () => server.stop(),
  };
}

/** Composes subgraphs with Apollo's own composition library; throws with every composition error. */
export function composeSupergraph(subgraphs: { name: string; url: string; sdl: string }[]): string {
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (result.errors) throw new Error(`composition failed:\n${result.errors.map((e) => e.message).join('\n')}`);
  return result.supergraphSdl;
}


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

/**
 * The gateway.config.ts a city would deploy (docs/federation.md, "Hive Gateway"): the supergraph file, and the API
 * key forwarded to Community Graph only. Written without the `defineConfig` import (an identity
 * function) so it loads from a temporary directory outside this package.
 */
export const HIVE_GATEWAY_CONFIG = `export const gatewayConfig = {
  supergraph: './supergraph.graphql',
  propagateHeaders: {
    fromClientToSubgraphs: ({ request, subgraphName }) =>
      subgraphName === 'community' ? { authorization: request.headers.get('authorization') ?? '' } : {},
  },
};
`;

async function freePort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * The real `hive-gateway` CLI (@graphql-hive/gateway) in its own process, serving the supergraph file
 * with HIVE_GATEWAY_CONFIG. Resolves once it logs that it listens; fails with its output otherwise.
 */
export async function startHiveGateway(supergraphSdl: string): Promise<Router> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-hive-'));
  fs.writeFileSync(path.join(dir, 'supergraph.graphql'), supergraphSdl);
  fs.writeFileSync(path.join(dir, 'gateway.config.ts'), HIVE_GATEWAY_CONFIG);
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
