import { toGlobalId } from '../../src/domain/global-id';
import { describeEachBackend } from '../support/backends';
import { dataSnapshot } from '../support/data-snapshot';
import { startTestServer, TestServer } from '../support/server';
import { connect, openSocket, TestSocket, toWsUrl } from '../support/ws';

/**
 * Hostile and broken graphql-ws traffic (graphql-transport-ws protocol) on the real server, on each
 * backend. For each case: the exact close code / error code, the server still answers over HTTP and
 * over a fresh socket, and every table is what it was (row counts + checksums).
 */
const SUB = 'subscription { eventChanges { type } }';
const nested = (depth: number): string =>
  `subscription { eventChanges { event { ${'organizer { events(first: 1) { edges { node { '.repeat(depth)}title${' } } } }'.repeat(depth)} } } }`;
const aliases = (n: number): string => `subscription { ${Array.from({ length: n }, (_, i) => `a${i}: eventChanges { type }`).join(' ')} }`;

interface CloseCase {
  name: string;
  /** Frames sent after connection_ack (or before it, with `beforeInit`). */
  frames: unknown[];
  beforeInit?: boolean;
  close: { code: number; reason: string };
}

const CLOSE_CASES: CloseCase[] = [
  { name: 'text that is not JSON', frames: ['{"type": "subscribe", '], close: { code: 4400, reason: 'Invalid message received' } },
  { name: 'a JSON array', frames: ['[1,2,3]'], close: { code: 4400, reason: 'Invalid message received' } },
  { name: 'a message without a type', frames: [{ id: '1', payload: { query: SUB } }], close: { code: 4400, reason: 'Invalid message received' } },
  { name: 'a subscribe whose payload is not an object', frames: [{ type: 'subscribe', id: '1', payload: 'query' }], close: { code: 4400, reason: 'Invalid message received' } },
  { name: 'a subscribe with a non-string query', frames: [{ type: 'subscribe', id: '1', payload: { query: 5 } }], close: { code: 4400, reason: 'Invalid message received' } },
  { name: 'variables as a string', frames: [{ type: 'subscribe', id: '1', payload: { query: SUB, variables: '{}' } }], close: { code: 4400, reason: 'Invalid message received' } },
  { name: 'a subscribe before connection_init', beforeInit: true, frames: [{ type: 'subscribe', id: '1', payload: { query: SUB } }], close: { code: 4401, reason: 'Unauthorized' } },
  { name: 'a reused operation id', frames: [{ type: 'subscribe', id: 'x', payload: { query: SUB } }, { type: 'subscribe', id: 'x', payload: { query: SUB } }],
    close: { code: 4409, reason: 'Subscriber for x already exists' } },
  { name: 'a second connection_init', frames: [{ type: 'connection_init' }], close: { code: 4429, reason: 'Too many initialisation requests' } },
  // ws refuses frames over maxPayload (64 KiB) before graphql-ws sees them: RFC 6455 1009 Message Too Big.
  { name: 'an oversized message', frames: [{ type: 'subscribe', id: '1', payload: { query: SUB, variables: { pad: 'x'.repeat(70_000) } } }],
    close: { code: 1009, reason: '' } },
];

interface ErrorCase {
  name: string;
  payload: { query: string; variables?: Record<string, unknown> };
  /** `error` ends the operation before it starts; `next` carries the errors of an executed document. */
  type: 'error' | 'next';
  codes: string[];
  message: string | RegExp;
}

const ERROR_CASES: ErrorCase[] = [
  { name: 'a syntax error', payload: { query: 'subscription { eventChanges { type }' }, type: 'error', codes: ['GRAPHQL_PARSE_FAILED'], message: 'Syntax Error: Expected Name, found <EOF>.' },
  { name: 'a deeply nested subscription', payload: { query: nested(10) }, type: 'error', codes: ['MAX_DEPTH_EXCEEDED', 'MAX_COST_EXCEEDED'],
    message: 'Query depth 43 exceeds the limit of 10 (MAX_QUERY_DEPTH).' },
  { name: 'an alias bomb', payload: { query: aliases(100) }, type: 'error', codes: ['MAX_ALIASES_EXCEEDED', 'GRAPHQL_VALIDATION_FAILED'],
    message: 'Alias count 100 exceeds the limit of 15 (MAX_QUERY_ALIASES).' },
  { name: 'an unknown field', payload: { query: 'subscription { eventChanges { password } }' }, type: 'error', codes: ['GRAPHQL_VALIDATION_FAILED'],
    message: 'Cannot query field "password" on type "EventChange".' },
  { name: 'a fragment cycle', payload: { query: 'subscription { ...A } fragment A on Subscription { ...B } fragment B on Subscription { ...A }' }, type: 'error',
    codes: ['GRAPHQL_VALIDATION_FAILED'], message: 'Cannot spread fragment "A" within itself via "B".' },
  { name: 'an unknown enum value in variables', payload: { query: 'subscription S($k: [PartnerKind!]) { eventChanges(kinds: $k) { type } }', variables: { k: ['NOPE'] } },
    type: 'next', codes: ['BAD_USER_INPUT'], message: /^Variable "\$k" got invalid value "NOPE" at "k\[0\]"; Value "NOPE" does not exist in "PartnerKind" enum\./ },
  { name: 'a number for an ID list', payload: { query: 'subscription S($ids: [ID!]!) { registrationCounts(eventIds: $ids) { confirmed } }', variables: { ids: [1e400] } },
    type: 'next', codes: ['BAD_USER_INPUT'], message: /^Variable "\$ids" got invalid value null at "ids\[0\]"; Expected non-nullable type "ID!" not to be null\./ },
  { name: 'a mutation (mutations run over HTTP only)', payload: { query: 'mutation { register(input: { eventId: "x", name: "Ann", email: "ann@example.org" }) { __typename } }' },
    type: 'error', codes: ['BAD_REQUEST'], message: 'Mutations are not accepted over WebSocket; send them with POST /graphql.' },
  { name: 'an invalid global id', payload: { query: 'subscription { eventChanges(partnerId: "../../etc/passwd") { type } }' }, type: 'next', codes: ['BAD_USER_INPUT'],
    message: 'Invalid value for argument "partnerId": "../../etc/passwd". Expected a global id returned by this API.' },
  // The schema's own bounds (src/schema/input-checks.ts), checked before the subscription starts.
  { name: '51 partner kinds', payload: { query: 'subscription S($k: [PartnerKind!]) { eventChanges(kinds: $k) { type } }', variables: { k: Array(51).fill('LIBRARY') } },
    type: 'next', codes: ['BAD_USER_INPUT'], message: 'Invalid value for argument "kinds": "51 values". Expected at most 50 values.' },
  { name: '201 event ids', payload: { query: 'subscription S($ids: [ID!]) { registrationCounts(eventIds: $ids) { confirmed } }',
    variables: { ids: Array.from({ length: 201 }, (_, i) => toGlobalId('Event', String(i))) } },
    type: 'next', codes: ['BAD_USER_INPUT'], message: 'Invalid value for argument "eventIds": "201 values". Expected at most 200 values.' },
  { name: 'a NUL character in an id', payload: { query: 'subscription S($p: ID) { eventChanges(partnerId: $p) { type } }', variables: { p: 'UGFydG5lcjox\u0000' } },
    type: 'next', codes: ['BAD_USER_INPUT'],
    message: 'Invalid value for argument "partnerId": "UGFydG5lcjox\\u0000". Expected text without control characters (U+0000 to U+001F, except tab, line feed and carriage return) or unpaired surrogates.' },
];

describeEachBackend('bad input over graphql-ws', (backend) => {
  let server: TestServer;
  let url: string;
  let before: Awaited<ReturnType<typeof dataSnapshot>>;

  beforeAll(async () => {
    server = await startTestServer(backend, { env: { RATE_LIMIT: 'on', RATE_LIMIT_PER_IP: '100000' } });
    url = toWsUrl(server.graphqlUrl);
    before = await dataSnapshot(server.app.db);
  });
  afterAll(() => server.close());
  afterEach(async () => {
    // The server is still up on both transports, and nothing was written.
    expect((await server.post({ query: '{ partners { slug } }' })).json.data.partners).toHaveLength(5);
    const socket = await connect(url);
    socket.send({ type: 'ping' });
    expect((await socket.next()).type).toBe('pong');
    socket.close();
    expect(await dataSnapshot(server.app.db)).toEqual(before);
  });

  it.each(CLOSE_CASES)('closes the socket on $name with $close.code', async (c) => {
    const socket: TestSocket = c.beforeInit ? await openSocket(url) : await connect(url);
    for (const frame of c.frames) socket.send(frame);
    expect(await socket.closed).toEqual(c.close);
  });

  it.each(ERROR_CASES)('answers $name with $codes.0 and keeps the socket open', async (c) => {
    const socket = await connect(url);
    try {
      socket.send({ type: 'subscribe', id: 'bad', payload: c.payload });
      const message = await socket.nextMatching((m) => m.id === 'bad', 5);
      expect(message.type).toBe(c.type);
      const errors = (c.type === 'error' ? message.payload : message.payload.errors) as { message: string; extensions: { code: string } }[];
      expect(errors.map((e) => e.extensions.code).sort()).toEqual([...c.codes].sort());
      const error = errors.find((e) => e.extensions.code === c.codes[0])!;
      if (typeof c.message === 'string') expect(error.message).toBe(c.message);
      else expect(error.message).toMatch(c.message);
      expect(JSON.stringify(message)).not.toMatch(/SELECT |FROM "|sqlite|postgres|at .*\.ts:\d+/);
      socket.send({ type: 'ping' });
      expect((await socket.nextMatching((m) => m.type === 'pong', 5)).type).toBe('pong');
    } finally {
      socket.close();
    }
  });
});

describeEachBackend('a subscribe flood over the rate limit', (backend) => {
  it('refuses exactly the subscribes over the budget with RATE_LIMITED, and the server stays up with its data unchanged', async () => {
    const server = await startTestServer(backend, { env: { RATE_LIMIT_PER_IP: '10' } });
    const socket = await connect(toWsUrl(server.graphqlUrl));
    try {
      const before = await dataSnapshot(server.app.db);
      for (let i = 0; i < 30; i++) socket.send({ type: 'subscribe', id: `s${i}`, payload: { query: SUB } });
      const refused: string[] = [];
      for (let i = 0; i < 20; i++) {
        const message = await socket.nextMatching((m) => m.type === 'error', 5);
        expect(message.payload[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'ip' });
        refused.push(message.id!);
      }
      expect(refused.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `s${i + 10}`).sort());
      socket.send({ type: 'ping' });
      expect((await socket.next()).type).toBe('pong');
      expect((await fetch(`${server.app.url}/healthz`)).status).toBe(200);
      expect(await dataSnapshot(server.app.db)).toEqual(before);
    } finally {
      socket.close();
      await server.close();
    }
  });
});
