import { Writable } from 'node:stream';
import { ApolloServer } from '@apollo/server';
import { DataSource } from 'typeorm';
import { EVENTS_PAGE_QUERY } from '../../bench/scenarios/events-page';
import { EVENT_DETAIL_QUERY, NODE_QUERY } from '../../bench/scenarios/lookups';
import { seedDemo } from '../../demo/seed';
import type { GraphqlExecutor } from '../../src/config';
import { Context, createContext } from '../../src/context';
import { openDatabase } from '../../src/db/data-source';
import { ApiKeyRole, RegistrationMode } from '../../src/domain/enums';
import { toGlobalId } from '../../src/domain/global-id';
import { EventEntity } from '../../src/model/event.entity';
import { LocationEntity } from '../../src/model/location.entity';
import { PartnerEntity } from '../../src/model/partner.entity';
import { createApollo } from '../../src/edge/apollo';
import { createLogger, Logger } from '../../src/logger';
import { createMemoryPubSub } from '../../src/pubsub/pubsub';
import { createServices, Services } from '../../src/compose';
import { buildSchemaOver } from '../../src/compose-schema';
import { createTestDatabase, describeEachBackend, TestDatabase } from '../support/backends';

/** One request's whole answer as a client gets it: HTTP status and the JSON body. */
interface Answer { status: number | undefined; body: unknown }

interface Case { name: string; query: string; variables?: Record<string, unknown>; operationName?: string; key?: 'admin' | 'owner' }

const PARTNER_PAGE = `query PartnerPage($id: ID!, $first: Int!, $withEvents: Boolean!) {
  partner(id: $id) {
    __typename id slug name kind website timezone
    locations { id name address lat lon }
    events(first: $first) @include(if: $withEvents) { totalCount edges { node { ...EventCard } } pageInfo { hasNextPage } }
  }
  partners { slug kind }
}
fragment EventCard on Event { id title startsAt endsAt status audiences organizer { slug } }`;

const FILTERED = `query Filtered($filter: EventFilter, $first: Int) {
  events(first: $first, filter: $filter) { totalCount edges { cursor node { id title startsAt endsAt categories audiences } } }
}`;

const PRIVATE_FIELDS = `query Private($id: ID!) {
  partner(id: $id) { slug allowedOrigins sources { id } }
}`;

const TWO_OPERATIONS = `query First { partners { slug } }
query Second { events(first: 2) { edges { node { title } } } }`;

const INTROSPECTION = `{
  __schema { queryType { name } types { name kind } }
  __type(name: "Event") { name fields { name type { name kind ofType { name kind } } } interfaces { name } }
}`;

const REGISTER = `mutation Register($eventId: ID!, $name: String!, $email: String!, $partySize: Int!) {
  register(input: { eventId: $eventId, name: $name, email: $email, partySize: $partySize }) {
    __typename
    ... on RegistrationTicket { registration { status partySize } }
    ... on RegistrationRejected { code message }
  }
}`;

/** The same services and database behind two Apollo servers that differ only in their executor. */
describeEachBackend('graphql-jit executes like graphql-js', (backend) => {
  let database: TestDatabase;
  let db: DataSource;
  let services: Services;
  const servers = {} as Record<GraphqlExecutor, ApolloServer<Context>>;
  const logLines: string[] = [];
  let logger: Logger;
  const keys: Record<'admin' | 'owner', string> = { admin: '', owner: '' };
  let ids: { event: string; nativeEvent: string; partner: string; location: string };

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    db = await openDatabase(database.config);
    services = createServices(db, { pubsub: createMemoryPubSub() });
    await seedDemo(db);
    const schema = await buildSchemaOver(services);
    const sink = new Writable({ write(chunk, _enc, done) { logLines.push(...chunk.toString().split('\n').filter(Boolean)); done(); } });
    logger = createLogger('debug', sink);
    for (const executor of ['graphql-js', 'jit'] as const) {
      servers[executor] = createApollo({ schema, logger, introspection: true, executor });
      await servers[executor].start();
    }
    const owner = await db.getRepository(PartnerEntity).findOneByOrFail({ slug: 'millbrook-library' });
    const event = await db.getRepository(EventEntity).findOneOrFail({ where: { partnerId: owner.id }, order: { id: 'ASC' } });
    // A NATIVE event with seats for both registrations below (the demo fills some dates to the last place).
    const natives = await db.getRepository(EventEntity).find({ where: { partnerId: owner.id, registrationMode: RegistrationMode.NATIVE }, order: { startsAt: 'ASC', id: 'ASC' } });
    const native = natives.find((e) => e.endsAt > new Date() && e.status === 'SCHEDULED' && e.capacity != null && e.capacity - e.confirmedCount >= 2);
    if (!native) throw new Error('the demo has no NATIVE event with two seats left');
    const location = await db.getRepository(LocationEntity).findOneOrFail({ where: {}, order: { id: 'ASC' } });
    ids = {
      event: toGlobalId('Event', event.id), nativeEvent: toGlobalId('Event', native.id),
      partner: toGlobalId('Partner', owner.id), location: toGlobalId('Location', location.id),
    };
    keys.admin = (await services.apiKeys.create({ role: ApiKeyRole.ADMIN, label: 'jit' })).secret;
    keys.owner = (await services.apiKeys.create({ role: ApiKeyRole.PARTNER, partnerId: owner.id, label: 'jit' })).secret;
  });

  afterAll(async () => {
    for (const server of Object.values(servers)) await server?.stop();
    services?.availability.shutdown();
    await db?.destroy();
    await database?.drop();
  });

  async function answer(executor: GraphqlExecutor, c: Case): Promise<Answer> {
    const authorization = c.key ? `Bearer ${keys[c.key]}` : undefined;
    const contextValue = await createContext({ db, apiKeys: services.apiKeys, logger }, { authorization });
    const response = await servers[executor].executeOperation({ query: c.query, variables: c.variables, operationName: c.operationName }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    // Through JSON, as a client reads it (DateTime and the other scalars serialize at this step).
    return { status: response.http.status, body: JSON.parse(JSON.stringify(response.body.singleResult)) };
  }

  const compiledLogs = () => logLines.filter((line) => line.includes('graphql-jit compiled a query')).length;

  const cases = (): Case[] => [
    { name: 'the events page', query: EVENTS_PAGE_QUERY, variables: { first: 50 } },
    { name: 'an event detail', query: EVENT_DETAIL_QUERY, variables: { id: ids.event } },
    { name: 'node(id) of an Event (interface, resolveType)', query: NODE_QUERY, variables: { id: ids.event } },
    { name: 'node(id) of a Partner', query: NODE_QUERY, variables: { id: ids.partner } },
    { name: 'node(id) of a Location', query: NODE_QUERY, variables: { id: ids.location } },
    { name: 'node(id) of a well-formed id that names nothing', query: NODE_QUERY, variables: { id: toGlobalId('Event', '999999') } },
    { name: 'node(id) of a malformed id (a domain error)', query: NODE_QUERY, variables: { id: 'not-a-global-id' } },
    { name: 'fragments, aliases-free nesting, @include on, __typename', query: PARTNER_PAGE, variables: { id: ids.partner, first: 5, withEvents: true } },
    { name: '@include off', query: PARTNER_PAGE, variables: { id: ids.partner, first: 5, withEvents: false } },
    { name: 'DateTime and enum list variables', query: FILTERED, variables: { first: 10, filter: { from: '2020-01-01T00:00:00Z', audiences: ['ADULTS', 'TEENS'] } } },
    { name: 'a DateTime variable without an offset (400 BAD_USER_INPUT)', query: FILTERED, variables: { filter: { from: '2020-01-01T00:00:00' } } },
    { name: 'a variable of the wrong type (400)', query: FILTERED, variables: { first: 'ten' } },
    { name: 'a missing required variable (400)', query: EVENT_DETAIL_QUERY, variables: {} },
    { name: 'a page larger than the limit (a domain error in a resolver)', query: FILTERED, variables: { first: 1000 } },
    { name: 'private fields without a key', query: PRIVATE_FIELDS, variables: { id: ids.partner } },
    { name: 'private fields with the owner\'s key', query: PRIVATE_FIELDS, variables: { id: ids.partner }, key: 'owner' },
    { name: 'private fields with an admin key', query: PRIVATE_FIELDS, variables: { id: ids.partner }, key: 'admin' },
    { name: 'the second of two operations', query: TWO_OPERATIONS, operationName: 'Second' },
    { name: 'two operations and no operationName (no operation resolved)', query: TWO_OPERATIONS },
    { name: 'an operationName that names no operation', query: TWO_OPERATIONS, operationName: 'Third' },
    { name: 'errors in two fields beside data (their order)', query: '{ a: node(id: "x") { id } b: event(id: "y") { id } c: partners { slug } }' },
    { name: 'DateTime and enum literals in arguments', query: '{ events(first: 3, filter: { from: "2020-01-01T00:00:00+02:00", audiences: [KIDS] }) { edges { node { startsAt audiences } } } }' },
    { name: 'introspection', query: INTROSPECTION },
    { name: 'a field that does not exist (validation)', query: '{ events { nope } }' },
  ];

  it('answers every representative document with the same status and body', async () => {
    const differences: string[] = [];
    for (const c of cases()) {
      const [expected, actual] = [await answer('graphql-js', c), await answer('jit', c)];
      try {
        expect(actual).toEqual(expected);
      } catch {
        differences.push(`${c.name}:\n  graphql-js ${JSON.stringify(expected).slice(0, 400)}\n  jit        ${JSON.stringify(actual).slice(0, 400)}`);
      }
    }
    expect(differences).toEqual([]);
  });

  it('actually answers queries with real data and real errors (the comparison is not between two empty answers)', async () => {
    const page = await answer('jit', { name: 'page', query: EVENTS_PAGE_QUERY, variables: { first: 50 } });
    const edges = (page.body as { data: { events: { edges: { node: { startsAt: string; organizer: { name: string } } }[] } } }).data.events.edges;
    expect(edges.length).toBeGreaterThan(20);
    expect(edges[0].node.startsAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/);
    expect(edges.every((e) => e.node.organizer.name)).toBe(true);
    const node = await answer('jit', { name: 'node', query: NODE_QUERY, variables: { id: ids.partner } });
    expect((node.body as { data: { node: { name: string } } }).data.node.name).toBeTruthy();
    const badVariable = await answer('jit', { name: 'bad', query: FILTERED, variables: { first: 'ten' } });
    expect(badVariable.status).toBe(400);
    expect(badVariable.body).toEqual({ errors: [expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } })] });
    const two = await answer('jit', { name: 'two', query: '{ a: node(id: "x") { id } b: event(id: "y") { id } c: partners { slug } }' });
    expect(two.body).toMatchObject({ data: { a: null, b: null, c: expect.any(Array) } });
    expect((two.body as { errors: { path: string[]; extensions: { code: string } }[] }).errors.map((e) => [e.path[0], e.extensions.code]))
      .toEqual([['a', 'BAD_USER_INPUT'], ['b', 'BAD_USER_INPUT']]);
    const tooLarge = await answer('jit', { name: 'large', query: FILTERED, variables: { first: 1000 } });
    expect((tooLarge.body as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).not.toBe('INTERNAL_SERVER_ERROR');
  });

  it('compiles a query once and reuses it; mutations stay on graphql-js', async () => {
    const query = 'query CompiledOnce($first: Int) { events(first: $first) { totalCount } }';
    const before = compiledLogs();
    await answer('jit', { name: 'once', query, variables: { first: 1 } });
    await answer('jit', { name: 'twice', query, variables: { first: 2 } });
    expect(compiledLogs()).toBe(before + 1);

    const registration = { eventId: ids.nativeEvent, name: 'Ada', partySize: 1 };
    const viaJit = await answer('jit', { name: 'register', query: REGISTER, variables: { ...registration, email: 'jit@example.org' } });
    const viaJs = await answer('graphql-js', { name: 'register', query: REGISTER, variables: { ...registration, email: 'js@example.org' } });
    expect(viaJit).toEqual(viaJs);
    // The RegisterPayload union resolved its member (a ticket or a rejection, same on both).
    expect((viaJit.body as { data: { register: { __typename: string } } }).data.register.__typename).toMatch(/^Registration(Ticket|Rejected)$/);
    expect(compiledLogs()).toBe(before + 1);
  });
});
