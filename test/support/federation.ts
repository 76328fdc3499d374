import http from 'node:http';
import { AddressInfo } from 'node:net';
import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
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

/** The Guild's Hive Gateway runtime (the engine of the `hive-gateway` CLI) on Node's HTTP server. */
export async function startHiveGateway(supergraphSdl: string): Promise<Router> {
  const gateway = createGatewayRuntime({ supergraph: supergraphSdl, logging: false });
  const server = http.createServer(gateway);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    async stop() {
      await gateway.dispose();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
