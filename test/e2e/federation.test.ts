import { StatementCounter } from '../../src/db/statement-counter';
import { describeEachBackend } from '../support/backends';
import {
  composeSupergraph, Router, startApolloGateway, startHiveGateway, startTicketsSubgraph, SubgraphCall, TicketsSubgraph,
  ticketPrice,
} from '../support/federation';
import { describeNeeding, needsFederationGateways } from '../support/needs';
import { startTestServer, TestServer } from '../support/server';

async function post(url: string, query: string, headers: Record<string, string> = {}): Promise<{ data?: any; errors?: any[] }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return response.json() as Promise<{ data?: any; errors?: any[] }>;
}

const ROUTERS: [string, (supergraphSdl: string, calls: SubgraphCall[]) => Promise<Router>][] = [
  ['@apollo/gateway', startApolloGateway],
  ['Hive Gateway', (sdl) => startHiveGateway(sdl)],
];

// The routers live in federation/gateways/ (`npm run federation:install`, which .ci/run runs before the tests).
describeNeeding(needsFederationGateways(), 'Federation through @apollo/gateway and Hive Gateway', () => describeEachBackend('Community Graph composed with a tickets subgraph (@apollo/composition)', (backend) => {
  const sql = new StatementCounter();
  let town: TestServer;
  let tickets: TicketsSubgraph;
  let supergraphSdl: string;
  let eventIds: string[];

  beforeAll(async () => {
    town = await startTestServer(backend, { demo: true, sql });
    tickets = await startTicketsSubgraph();
    const subgraphUrl = `${town.app.url}/subgraph`;
    // As rover or a router's dev mode does: the subgraph describes itself through _service.sdl.
    const { data } = await post(subgraphUrl, '{ _service { sdl } }');
    supergraphSdl = composeSupergraph([
      { name: 'community', url: subgraphUrl, sdl: data!._service.sdl },
      { name: 'tickets', url: tickets.url, sdl: tickets.typeDefs },
    ]);
    const page = await town.post({ query: '{ events(first: 60) { edges { node { id } } } }' });
    eventIds = page.json.data.events.edges.map((e: { node: { id: string } }) => e.node.id);
  });

  afterAll(async () => {
    await tickets?.close();
    await town?.close();
  });

  it('keeps the federation fields off the public /graphql endpoint', async () => {
    const result = await town.post({ query: '{ _service { sdl } }' });
    expect(result.json.errors[0].message).toMatch(/^Cannot query field "_service" on type "Query"\./);
  });

  describe.each(ROUTERS)('served by %s', (_name, start) => {
    const calls: SubgraphCall[] = [];
    let router: Router;
    beforeAll(async () => { router = await start(supergraphSdl, calls); });
    afterAll(() => router?.stop());
    beforeEach(() => {
      calls.length = 0;
      tickets.entityBatches.length = 0;
    });

    it('answers a query that starts in Community Graph and crosses into the tickets subgraph in one batch', async () => {
      const result = await post(router.url, '{ events(first: 5) { edges { node { id title ticketPrice organizer { name } } } } }');
      expect(result.errors).toBeUndefined();
      const nodes: { id: string; title: string; ticketPrice: number; organizer: { name: string } }[] = result.data.events.edges.map((e: { node: unknown }) => e.node);
      expect(nodes.map((n) => n.id)).toEqual(eventIds.slice(0, 5));
      expect(nodes.map((n) => n.ticketPrice)).toEqual(eventIds.slice(0, 5).map(ticketPrice));
      expect(nodes.every((n) => n.title && n.organizer.name)).toBe(true);
      expect(tickets.entityBatches).toEqual([5]);
    });

    it('resolves 50 events referenced by the tickets subgraph through Community Graph\'s _entities at a constant SQL cost', async () => {
      const query = '{ featuredTickets { id title ticketPrice startsAt organizer { name } location { name } } }';
      tickets.featured = eventIds.slice(0, 10);
      const ten = await sql.measure(() => post(router.url, query));
      tickets.featured = eventIds.slice(0, 50);
      const fifty = await sql.measure(() => post(router.url, query));

      expect(fifty.result.errors).toBeUndefined();
      const featured: { id: string; title: string; ticketPrice: number; organizer: { name: string } }[] = fifty.result.data.featuredTickets;
      expect(featured.map((e) => e.id)).toEqual(eventIds.slice(0, 50));
      expect(featured.every((e) => e.title && e.organizer.name && e.ticketPrice === ticketPrice(e.id))).toBe(true);
      // Events by id, their organizers, their locations: one statement each, for 10 references as for 50
      // (a router that split the batch would show here as a multiple of 3).
      expect(ten.statements).toBe(3);
      expect(fifty.statements).toBe(3);
    });

    it('passes Community Graph\'s typed errors through with their codes', async () => {
      const result = await post(router.url, '{ event(id: "nope") { title ticketPrice } }');
      expect(result.errors).toEqual([expect.objectContaining({
        message: 'Invalid value for argument "id": "nope". Expected a global id returned by this API.',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      })]);
    });
  });

  it('sends the 50 references to Community Graph as one _entities request (@apollo/gateway\'s request log)', async () => {
    const calls: SubgraphCall[] = [];
    const router = await startApolloGateway(supergraphSdl, calls);
    try {
      tickets.featured = eventIds.slice(0, 50);
      const result = await post(router.url, '{ featuredTickets { id title } }');
      expect(result.errors).toBeUndefined();
      expect(calls).toEqual([{ subgraph: 'tickets', representations: null }, { subgraph: 'community', representations: 50 }]);
    } finally {
      await router.stop();
    }
  });

  it('forwards the API key to Community Graph through Hive Gateway with docs/federation.md\'s config', async () => {
    const router = await startHiveGateway(supergraphSdl);
    try {
      const result = await post(router.url, '{ partners { slug } }', { authorization: 'Bearer not-a-key' });
      expect(result.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })]);
      const anonymous = await post(router.url, '{ partners { slug } }');
      expect(anonymous.errors).toBeUndefined();
    } finally {
      await router.stop();
    }
  });
}));
