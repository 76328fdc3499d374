import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { StatementCounter } from '../../src/db/statement-counter';
import { describeEachBackend } from '../support/backends';
import { composeSupergraph, startTicketsSubgraph, TicketsSubgraph, ticketPrice } from '../support/federation';
import { startTestServer, TestServer } from '../support/server';

interface SubgraphCall { subgraph: string; representations: number | null }

async function post(url: string, query: string, variables?: Record<string, unknown>): Promise<{ data?: any; errors?: any[] }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return response.json() as Promise<{ data?: any; errors?: any[] }>;
}

describeEachBackend('Community Graph composed into a supergraph served by @apollo/gateway', (backend) => {
  const sql = new StatementCounter();
  const calls: SubgraphCall[] = [];
  let town: TestServer;
  let tickets: TicketsSubgraph;
  let router: ApolloServer;
  let routerUrl: string;
  let eventIds: string[];

  beforeAll(async () => {
    town = await startTestServer(backend, { demo: true, sql });
    tickets = await startTicketsSubgraph();
    const subgraphUrl = `${town.app.url}/subgraph`;
    // As rover / a router's introspection would: the subgraph describes itself through _service.sdl.
    const { data } = await post(subgraphUrl, '{ _service { sdl } }');
    const supergraphSdl = composeSupergraph([
      { name: 'community', url: subgraphUrl, sdl: data!._service.sdl },
      { name: 'tickets', url: tickets.url, sdl: tickets.typeDefs },
    ]);
    const gateway = new ApolloGateway({
      supergraphSdl,
      buildService: ({ name, url }) => new RemoteGraphQLDataSource({
        url,
        willSendRequest({ request }) {
          const representations = request.variables?.representations;
          calls.push({ subgraph: name, representations: Array.isArray(representations) ? representations.length : null });
        },
      }),
    });
    router = new ApolloServer({ gateway });
    ({ url: routerUrl } = await startStandaloneServer(router, { listen: { port: 0, host: '127.0.0.1' } }));
    const page = await town.post({ query: '{ events(first: 60) { edges { node { id } } } }' });
    eventIds = page.json.data.events.edges.map((e: { node: { id: string } }) => e.node.id);
  });

  afterAll(async () => {
    await router?.stop();
    await tickets?.close();
    await town?.close();
  });

  beforeEach(() => { calls.length = 0; });

  it('answers a query that starts in Community Graph and crosses into the tickets subgraph', async () => {
    const result = await post(routerUrl, '{ events(first: 5) { edges { node { id title ticketPrice organizer { name } } } } }');
    expect(result.errors).toBeUndefined();
    const nodes: { id: string; title: string; ticketPrice: number; organizer: { name: string } }[] = result.data.events.edges.map((e: { node: unknown }) => e.node);
    expect(nodes.map((n) => n.id)).toEqual(eventIds.slice(0, 5));
    expect(nodes.map((n) => n.ticketPrice)).toEqual(eventIds.slice(0, 5).map(ticketPrice));
    expect(nodes.every((n) => n.title && n.organizer.name)).toBe(true);
    expect(calls).toEqual([{ subgraph: 'community', representations: null }, { subgraph: 'tickets', representations: 5 }]);
  });

  it('resolves 50 events referenced by the tickets subgraph in one _entities batch, at a constant SQL cost', async () => {
    const query = '{ featuredTickets { id title ticketPrice startsAt organizer { name } location { name } } }';
    tickets.featured = eventIds.slice(0, 10);
    const ten = await sql.measure(() => post(routerUrl, query));
    tickets.featured = eventIds.slice(0, 50);
    calls.length = 0;
    const fifty = await sql.measure(() => post(routerUrl, query));

    expect(fifty.result.errors).toBeUndefined();
    const featured: { id: string; title: string; ticketPrice: number; organizer: { name: string } }[] = fifty.result.data.featuredTickets;
    expect(featured.map((e) => e.id)).toEqual(eventIds.slice(0, 50));
    expect(featured.every((e) => e.title && e.organizer.name && e.ticketPrice === ticketPrice(e.id))).toBe(true);
    expect(calls).toEqual([{ subgraph: 'tickets', representations: null }, { subgraph: 'community', representations: 50 }]);
    // events by id, organizers, locations: one statement each, for 10 references as for 50.
    expect(ten.statements).toBe(3);
    expect(fifty.statements).toBe(3);
  });

  it('passes Community Graph\'s typed errors through the router with their codes', async () => {
    const result = await post(routerUrl, '{ event(id: "nope") { title ticketPrice } }');
    expect(result.errors).toEqual([expect.objectContaining({
      message: 'Invalid value for argument "id": "nope". Expected a global id returned by this API.',
      extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    })]);
  });

  it('keeps the federation fields off the public /graphql endpoint', async () => {
    const result = await town.post({ query: '{ _service { sdl } }' });
    expect(result.json.errors[0].message).toBe('Cannot query field "_service" on type "Query".');
  });
});
