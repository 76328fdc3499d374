import { startTestServer, TestServer } from '../support/server';
import { connect, TestSocket, toWsUrl } from '../support/ws';

/**
 * Introspection and "Did you mean" suggestions follow one rule set on both transports: the same
 * documents sent over HTTP and over graphql-ws get the same answer, in production (INTROSPECTION off by
 * default: refused, suggestions hidden) and in development (answered).
 */
const DOCUMENTS = [
  '{ __schema { queryType { name } types { name } } }',
  '{ __type(name: "Registration") { name fields { name } } }',
  'query { ...F } fragment F on Query { __schema { types { name } } }',
  '{ partnerz { slug } }',
  '{ partners { slg } }',
  '{ events(first: 1, filtr: {}) { totalCount } }',
  'query Q($k: PartnerKnd) { partners(kind: $k) { slug } }',
  '{ partners(kind: LIBRARI) { slug } }',
  '{ __typename partners { __typename } }',
];

type Answer = { data: unknown; errors: { message: string; code: unknown }[] };

const normalized = (data: unknown, errors: { message: string; extensions?: { code?: unknown } }[] | undefined): Answer => ({
  data: data ?? null,
  errors: (errors ?? []).map((e) => ({ message: e.message, code: e.extensions?.code })),
});

describe.each([
  ['production', { NODE_ENV: 'production' }, false],
  ['development', { NODE_ENV: 'development' }, true],
] as const)('introspection over HTTP and graphql-ws alike, in %s [sqlite]', (_mode, env, open) => {
  let server: TestServer;
  let socket: TestSocket;
  let n = 0;

  beforeAll(async () => {
    server = await startTestServer('sqlite', { env: { ...env } });
    socket = await connect(toWsUrl(server.graphqlUrl));
  });
  afterAll(async () => {
    socket.close();
    await server.close();
  });

  async function overHttp(query: string): Promise<Answer> {
    const { json } = await server.post({ query });
    return normalized(json.data, json.errors);
  }

  async function overWs(query: string): Promise<Answer> {
    const id = `q${++n}`;
    socket.send({ type: 'subscribe', id, payload: { query } });
    const message = await socket.nextMatching((m) => m.id === id, 5);
    return message.type === 'error' ? normalized(null, message.payload) : normalized(message.payload.data, message.payload.errors);
  }

  it.each(DOCUMENTS)('%s', async (query) => {
    const [http, ws] = [await overHttp(query), await overWs(query)];
    expect(ws).toEqual(http);
    if (!open) for (const error of http.errors) expect(error.message).not.toMatch(/Did you mean/);
    const refused = http.errors.some((e) => /introspection has been disabled/.test(e.message));
    if (query.includes('__schema') || query.includes('__type(')) {
      expect(refused).toBe(!open);
      if (open) expect(http.data).not.toBeNull();
    }
  });

  it('hides suggestions only where the schema is closed', async () => {
    const typo = await overWs('{ partnerz { slug } }');
    expect(typo.errors[0]).toEqual({
      message: open ? 'Cannot query field "partnerz" on type "Query". Did you mean "partner" or "partners"?' : 'Cannot query field "partnerz" on type "Query". [Suggestion hidden]',
      code: 'GRAPHQL_VALIDATION_FAILED',
    });
  });
});
