import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { FEDERATION_GATEWAYS_DIR, needsFederationGateways } from './needs';

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


/** A federation router serving a supergraph on 127.0.0.1, whatever engine it is (federation/gateways/routers.ts). */
export interface Router {
  url: string;
  stop(): Promise<void>;
}

export interface SubgraphCall { subgraph: string; representations: number | null }

/**
 * The routers themselves (@apollo/gateway, @graphql-hive/gateway) live in federation/gateways/ with
 * their own dependencies, installed apart from the project's by `npm run federation:install`; typed
 * here so the project compiles without them.
 */
interface Gateways {
  startApolloGateway(supergraphSdl: string, calls: SubgraphCall[]): Promise<Router>;
  startHiveGateway(supergraphSdl: string, gatewayConfig: string): Promise<Router>;
}

function gateways(): Gateways {
  const missing = needsFederationGateways();
  if (missing) throw new Error(`${missing} first`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(FEDERATION_GATEWAYS_DIR, 'routers')) as Gateways;
}

/** Apollo's gateway (the Node router), logging every subgraph request it sends into `calls`. */
export const startApolloGateway = (supergraphSdl: string, calls: SubgraphCall[]): Promise<Router> => gateways().startApolloGateway(supergraphSdl, calls);

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

/**
 * The real `hive-gateway` CLI (@graphql-hive/gateway) in its own process, serving the supergraph file
 * with HIVE_GATEWAY_CONFIG. Resolves once it logs that it listens; fails with its output otherwise.
 */
export const startHiveGateway = (supergraphSdl: string): Promise<Router> => gateways().startHiveGateway(supergraphSdl, HIVE_GATEWAY_CONFIG);
