import { GraphQLObjectType, isLeafType, getNamedType } from 'graphql';
import { buildSchemaOver } from '../../src/compose-schema';
import { describeEachBackend } from '../support/backends';
import { createPartner, insertNativeEvent } from '../support/native-event';
import { startTestServer, TestServer } from '../support/server';
import { connect, toWsUrl } from '../support/ws';

const PRIVATE_NAME = 'Grace Private-Hopper';
const PRIVATE_EMAIL = 'grace.private@example.net';
const BUDGET = 4;

/**
 * Every field of MyRegistration, so a personal field added later shows up here: the event with its id
 * and title, any other object (the party makeup) with all its own leaves.
 */
async function everyField(): Promise<string> {
  const type = (await buildSchemaOver()).getType('MyRegistration') as GraphQLObjectType;
  const leavesOf = (object: GraphQLObjectType) => Object.values(object.getFields()).filter((f) => isLeafType(getNamedType(f.type))).map((f) => f.name).join(' ');
  return Object.values(type.getFields()).map((f) => {
    const named = getNamedType(f.type);
    if (isLeafType(named)) return f.name;
    return named.name === 'Event' ? `${f.name} { id title }` : `${f.name} { ${leavesOf(named as GraphQLObjectType)} }`;
  }).join(' ');
}

describeEachBackend('myRegistration over the public HTTP and WebSocket endpoints', (backend) => {
  let server: TestServer;
  let eventId: string;

  beforeAll(async () => {
    server = await startTestServer(backend, { demo: false, env: { RATE_LIMIT_REGISTER_PER_IP: String(BUDGET) } });
    const { partner } = await createPartner(server.app.db);
    eventId = (await insertNativeEvent(server.app.db, partner.id, { title: 'Story time' })).globalId;
  });
  afterAll(() => server.close());

  it('shows no personal data, then spends the register budget and answers RATE_LIMITED like register', async () => {
    const registered = await server.post({
      query: 'mutation($input: RegisterInput!) { register(input: $input) { ... on RegistrationTicket { cancelToken } } }',
      variables: { input: { eventId, name: PRIVATE_NAME, email: PRIVATE_EMAIL } },
    });
    const code: string = registered.json.data.register.cancelToken;

    const query = `query($code: String!) { myRegistration(code: $code) { ${await everyField()} } }`;
    for (const field of ['id', 'status', 'partySize', 'waitlistPosition', 'registeredAt', 'canCancel', 'event { id title }']) expect(query).toContain(` ${field} `);
    const response = await fetch(server.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables: { code } }) });
    const body = await response.text();
    expect(response.status).toBe(200);
    expect(JSON.parse(body).data.myRegistration).toMatchObject({ status: 'CONFIRMED', event: { id: eventId, title: 'Story time' }, canCancel: true });
    for (const personal of [PRIVATE_NAME, PRIVATE_EMAIL, 'Grace', 'example.net']) expect(body).not.toContain(personal);

    // register took one point, myRegistration one: two left, then both fields are refused alike.
    for (let i = 2; i < BUDGET; i++) expect((await server.post({ query, variables: { code } })).status).toBe(200);
    const refused = await server.post({ query, variables: { code } });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.json.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'register' });
    const registerRefused = await server.post({
      query: 'mutation($input: RegisterInput!) { register(input: $input) { __typename } }',
      variables: { input: { eventId, name: 'Another', email: 'another@example.org' } },
    });
    expect(registerRefused.status).toBe(429);
    expect(registerRefused.json.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'register' });
    // Fragments at the root do not dodge the count.
    const viaFragment = await server.post({ query: 'query($code: String!) { ... on Query { myRegistration(code: $code) { status } } }', variables: { code } });
    expect(viaFragment.json.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'register' });

    // The same budget over graphql-ws: a query there is no way around it.
    const socket = await connect(toWsUrl(server.graphqlUrl));
    try {
      socket.send({ type: 'subscribe', id: 'mine', payload: { query, variables: { code } } });
      const message = await socket.nextMatching((m) => m.id === 'mine');
      expect(message.type).toBe('error');
      expect(message.payload[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'register' });
      expect(JSON.stringify(message)).not.toContain(PRIVATE_EMAIL);
    } finally {
      socket.close();
    }
  });
});
