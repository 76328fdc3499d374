import zlib from 'node:zlib';
import fc from 'fast-check';
import { GraphQLInputType, GraphQLSchema, isEnumType, isInputObjectType, isNonNullType } from 'graphql';
import { toGlobalId } from '../../src/domain/global-id';
import { createLogger } from '../../src/logger';
import { sha256Hex } from '../../src/edge/persisted-queries';
import { buildSchemaOver } from '../../src/compose-schema';
import { describeEachBackend } from '../support/backends';
import { dataSnapshot } from '../support/data-snapshot';
import {
  decodedEncoding, encodeBody, ENCODINGS, hostileText, listBounds, ListProbe, nestedJson, SPEC_STATUSES, unsafeText,
} from '../support/hostile-input';
import { startTestServer, TestServer } from '../support/server';

/**
 * Hostile and broken requests over real HTTP. For each: the exact status and code, the server still
 * answers, and every table is byte-for-byte what it was (row counts + checksums of every table).
 * Then a generated family (fast-check) of the same kinds of input. No response of the whole suite may
 * carry INTERNAL_SERVER_ERROR, and the server may log nothing at error level: both are reserved for
 * our bugs. The WebSocket (graphql-ws) half of the suite is bad-input-ws.test.ts.
 */
const EVENTS = 'query Events($f: EventFilter, $first: Int, $after: String) { events(first: $first, after: $after, filter: $f) { totalCount } }';

interface Case {
  name: string;
  /** A JSON body (object/array), raw text or bytes, with a content type. */
  body: unknown;
  contentType?: string | null;
  headers?: Record<string, string>;
  status: number;
  code: string;
  /** Exact message, or a pattern. */
  message: string | RegExp;
  /** Further limits the same request breaks (reported too, after the main one). */
  also?: string[];
}

const BAD_REQUEST = 'POST body missing, invalid Content-Type, or JSON object has no keys.';
const partnerId = toGlobalId('Partner', 'nope');
const PARTNERS = '{ partners { slug } }';
const CATALOG = 'query Catalog($q: String!, $f: CatalogFilter) { catalog(query: $q, filter: $f) { totalCount } }';
const REGISTER = 'mutation Register($i: RegisterInput!) { register(input: $i) { __typename } }';
const UNSAFE_TEXT = 'text without control characters (U+0000 to U+001F, except tab, line feed and carriage return) or unpaired surrogates';
const JSON_TOO_DEEP = 'The request nests JSON arrays or objects deeper than 32 levels.';
const withVariables = (variables: string) => `{"query":${JSON.stringify(PARTNERS)},"variables":${variables}}`;

const CASES: Case[] = [
  // Transport
  { name: 'malformed JSON', body: '{"query": ', contentType: 'application/json', status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' },
  { name: 'a JSON string instead of an object', body: '"hello"', contentType: 'application/json', status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' },
  { name: 'an XML body', body: '<query/>', contentType: 'application/xml', status: 400, code: 'BAD_REQUEST', message: BAD_REQUEST },
  { name: 'a form post (CSRF shape)', body: 'query=%7Bpartners%7Bslug%7D%7D', contentType: 'application/x-www-form-urlencoded', status: 400, code: 'BAD_REQUEST',
    message: /^This operation has been blocked as a potential Cross-Site Request Forgery \(CSRF\)/ },
  { name: 'no content type', body: '{"query":"{ partners { slug } }"}', contentType: null, status: 400, code: 'BAD_REQUEST', message: /Cross-Site Request Forgery/ },
  { name: 'an empty JSON body', body: '', contentType: 'application/json', status: 400, code: 'BAD_REQUEST', message: BAD_REQUEST },
  { name: 'an empty object', body: {}, status: 400, code: 'BAD_REQUEST', message: BAD_REQUEST },
  { name: 'a non-string query', body: { query: 5 }, status: 400, code: 'BAD_REQUEST', message: 'GraphQL queries must be strings.' },
  { name: 'variables as a string', body: { query: EVENTS, variables: '{}' }, status: 400, code: 'BAD_REQUEST',
    message: '`variables` in a POST body should be provided as an object, not a recursively JSON-encoded string.' },
  { name: 'a huge body', body: { query: EVENTS, variables: { pad: 'x'.repeat(1_100_000) } }, status: 413, code: 'PAYLOAD_TOO_LARGE',
    message: 'The request body exceeds the limit of 1000000 bytes.' },
  { name: 'a batch', body: [{ query: EVENTS }, { query: EVENTS }], status: 400, code: 'BATCHING_NOT_SUPPORTED', message: /^Batched requests/ },
  // Compression: identity, gzip, deflate and br are decoded; a body that does not decode is 400, an encoding we do not take 415.
  { name: 'gzip that is not gzip', body: JSON.stringify({ query: PARTNERS }), headers: { 'content-encoding': 'gzip' }, status: 400, code: 'BAD_REQUEST',
    message: 'The request body is not valid gzip data (Content-Encoding: gzip).' },
  { name: 'truncated gzip', body: zlib.gzipSync(JSON.stringify({ query: PARTNERS })).subarray(0, 20), headers: { 'content-encoding': 'gzip' }, status: 400,
    code: 'BAD_REQUEST', message: 'The request body is not valid gzip data (Content-Encoding: gzip).' },
  { name: 'deflate that is not deflate', body: 'plain', headers: { 'content-encoding': 'deflate' }, status: 400, code: 'BAD_REQUEST',
    message: 'The request body is not valid deflate data (Content-Encoding: deflate).' },
  { name: 'br that is not br', body: Buffer.from([0xff, 0xff, 0xff, 0xff]), headers: { 'content-encoding': 'br' }, status: 400, code: 'BAD_REQUEST',
    message: 'The request body is not valid br data (Content-Encoding: br).' },
  { name: 'gzip inside JSON that is not JSON', body: zlib.gzipSync('{"query": '), headers: { 'content-encoding': 'gzip' }, status: 400, code: 'BAD_REQUEST',
    message: 'The request body is not valid JSON.' },
  { name: 'an encoding we do not take', body: JSON.stringify({ query: PARTNERS }), headers: { 'content-encoding': 'compress' }, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Unsupported request body encoding: send the body as UTF-8, with no Content-Encoding or one of gzip, deflate, br.' },
  { name: 'two stacked encodings', body: zlib.gzipSync(zlib.brotliCompressSync(JSON.stringify({ query: PARTNERS }))), headers: { 'content-encoding': 'br, gzip' }, status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE', message: /^Unsupported request body encoding/ },
  { name: 'a charset we do not take', body: JSON.stringify({ query: PARTNERS }), contentType: 'application/json; charset=latin1', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE',
    message: /^Unsupported request body encoding/ },
  // Nesting: JSON.parse takes any depth, later steps would not; refused at the edge.
  { name: '200,000 nested arrays', body: nestedJson('array', 200_000), contentType: 'application/json', status: 400, code: 'BAD_REQUEST', message: JSON_TOO_DEEP },
  { name: '100,000 nested objects', body: nestedJson('object', 100_000), contentType: 'application/json', status: 400, code: 'BAD_REQUEST', message: JSON_TOO_DEEP },
  { name: '100,000 nested objects in variables', body: withVariables(`{"f":${nestedJson('object', 100_000)}}`), contentType: 'application/json', status: 400,
    code: 'BAD_REQUEST', message: JSON_TOO_DEEP },
  { name: '200,000 nested arrays in variables', body: withVariables(`{"f":${nestedJson('array', 200_000)}}`), contentType: 'application/json', status: 400,
    code: 'BAD_REQUEST', message: JSON_TOO_DEEP },
  // Operations
  { name: 'two operations and no operationName', body: { query: `query A ${PARTNERS} query B ${PARTNERS}` }, status: 400, code: 'OPERATION_NAME_REQUIRED',
    message: 'The document has 2 operations (A, B): send operationName to choose one.' },
  { name: 'an operationName naming no operation', body: { query: `query A ${PARTNERS}`, operationName: 'Z' }, status: 400, code: 'OPERATION_RESOLUTION_FAILURE',
    message: 'Unknown operation named "Z"; the document has A.' },
  { name: 'a subscription over HTTP', body: { query: 'subscription { eventChanges { type } }' }, status: 400, code: 'BAD_REQUEST',
    message: 'Subscriptions are served over WebSocket only: connect to /graphql with the graphql-ws protocol (subprotocol graphql-transport-ws).' },
  // Automatic persisted queries
  { name: 'an APQ hash that is not the query\'s', body: { query: PARTNERS, extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex('{ events { totalCount } }') } } },
    status: 400, code: 'PERSISTED_QUERY_HASH_MISMATCH', message: 'extensions.persistedQuery.sha256Hash is not the SHA-256 hex digest of the query sent with it.' },
  { name: 'APQ version 2', body: { query: PARTNERS, extensions: { persistedQuery: { version: 2, sha256Hash: sha256Hex(PARTNERS) } } }, status: 400,
    code: 'PERSISTED_QUERY_VERSION_NOT_SUPPORTED', message: 'Persisted query version 2 is not supported; send version 1.' },
  { name: 'an APQ hash that is not a string', body: { extensions: { persistedQuery: { version: 1, sha256Hash: { $gt: '' } } } }, status: 400, code: 'BAD_REQUEST',
    message: 'extensions.persistedQuery.sha256Hash must be the SHA-256 hex digest of the query.' },
  // Query shape
  { name: 'a syntax error', body: { query: '{ partners { slug }' }, status: 400, code: 'GRAPHQL_PARSE_FAILED', message: 'Syntax Error: Expected Name, found <EOF>.' },
  { name: 'a deeply nested query', body: { query: `{ events { edges { node { ${'organizer { events { edges { node { '.repeat(10)}id${' } } } }'.repeat(10)} } } } }` },
    status: 400, code: 'MAX_DEPTH_EXCEEDED', message: 'Query depth 44 exceeds the limit of 10 (MAX_QUERY_DEPTH).', also: ['MAX_COST_EXCEEDED'] },
  { name: 'an alias bomb', body: { query: `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: events(first: 100) { totalCount }`).join(' ')} }` },
    status: 400, code: 'MAX_TOKENS_EXCEEDED', message: 'The query has more than 2000 tokens, the limit (MAX_QUERY_TOKENS).' },
  { name: 'an alias bomb under the token limit', body: { query: `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: partners { slug }`).join(' ')} }` },
    status: 400, code: 'MAX_ALIASES_EXCEEDED', message: 'Alias count 100 exceeds the limit of 15 (MAX_QUERY_ALIASES).' },
  { name: 'a fragment cycle', body: { query: 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }' },
    status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message: 'Cannot spread fragment "A" within itself via "B".' },
  { name: 'an unknown field', body: { query: '{ partners { slug password } }' }, status: 400, code: 'GRAPHQL_VALIDATION_FAILED',
    message: 'Cannot query field "password" on type "Partner".' },
  // Variables
  { name: 'a string for an Int', body: { query: EVENTS, variables: { first: 'ten' } }, status: 400, code: 'BAD_USER_INPUT',
    message: 'Variable "$first" got invalid value "ten"; Int cannot represent non-integer value: "ten"' },
  { name: 'an oversized number', body: { query: EVENTS, variables: { first: 1e20 } }, status: 400, code: 'BAD_USER_INPUT',
    message: 'Variable "$first" got invalid value 100000000000000000000; Int cannot represent non 32-bit signed integer value: 100000000000000000000' },
  { name: 'an unknown input field', body: { query: EVENTS, variables: { f: { nope: 1 } } }, status: 400, code: 'BAD_USER_INPUT',
    message: 'Variable "$f" got invalid value { nope: 1 }; Field "nope" is not defined by type "EventFilter".' },
  { name: 'a first over the cap', body: { query: EVENTS, variables: { first: 101 } }, status: 200, code: 'BAD_USER_INPUT',
    message: 'Invalid value for argument "first": 101. Expected an integer from 0 to 100.' },
  { name: 'an invalid cursor', body: { query: EVENTS, variables: { after: "' OR 1=1 --" } }, status: 200, code: 'BAD_USER_INPUT',
    message: 'Invalid value for argument "after": "\' OR 1=1 --". Expected an endCursor or cursor returned by this connection.' },
  { name: 'an invalid global id', body: { query: '{ node(id: "../../etc/passwd") { id } }' }, status: 200, code: 'BAD_USER_INPUT',
    message: 'Invalid value for argument "id": "../../etc/passwd". Expected a global id returned by this API.' },
  { name: 'a global id of the wrong type', body: { query: `{ event(id: "${partnerId}") { id } }` }, status: 200, code: 'BAD_USER_INPUT',
    message: `Invalid value for argument "id": "${partnerId}". Expected a Event id.` },
  { name: 'an oversized text filter', body: { query: EVENTS, variables: { f: { text: 'x'.repeat(100_000) } } }, status: 200, code: 'BAD_USER_INPUT',
    message: 'Invalid value for argument "filter.text": "xxxxxxxxxxxxxxxxxxxx…". Expected at most 200 characters.' },
  { name: 'a NUL character in a text filter', body: { query: EVENTS, variables: { f: { text: 'story\u0000time' } } }, status: 200, code: 'BAD_USER_INPUT',
    message: `Invalid value for argument "filter.text": "story\\u0000time". Expected ${UNSAFE_TEXT}.` },
  { name: 'a lone surrogate in a text filter', body: { query: EVENTS, variables: { f: { text: '\ud800' } } }, status: 200, code: 'BAD_USER_INPUT',
    message: `Invalid value for argument "filter.text": "\\ud800". Expected ${UNSAFE_TEXT}.` },
  { name: 'a NUL character in a registrant\'s name', body: { query: REGISTER, variables: { i: { eventId: toGlobalId('Event', 'nope'), name: 'Ann\u0000', email: 'ann@example.org' } } },
    status: 200, code: 'BAD_USER_INPUT', message: `Invalid value for argument "input.name": "Ann\\u0000". Expected ${UNSAFE_TEXT}.` },
  { name: 'an escape character in a registrant\'s email', body: { query: REGISTER, variables: { i: { eventId: toGlobalId('Event', 'nope'), name: 'Ann', email: 'ann\u001b[2J@example.org' } } },
    status: 200, code: 'BAD_USER_INPUT', message: `Invalid value for argument "input.email": "ann\\u001b[2J@example.org". Expected ${UNSAFE_TEXT}.` },
  { name: 'a NUL character in a literal catalog query', body: { query: '{ catalog(query: "story\\u0000") { totalCount } }' }, status: 200, code: 'BAD_USER_INPUT',
    message: `Invalid value for argument "query": "story\\u0000". Expected ${UNSAFE_TEXT}.` },
  { name: '60,000 catalog formats', body: { query: CATALOG, variables: { q: 'story', f: { formats: Array(60_000).fill('BOOK') } } }, status: 200, code: 'BAD_USER_INPUT',
    message: 'Invalid value for argument "filter.formats": "60000 values". Expected at most 50 values.' },
  { name: 'ten thousand categories', body: { query: EVENTS, variables: { f: { categories: Array(10_000).fill('x') } } }, status: 200, code: 'BAD_USER_INPUT',
    message: 'Invalid value for argument "filter.categories": "10000 values". Expected at most 50 values.' },
  { name: 'an out-of-range coordinate', body: { query: EVENTS, variables: { f: { near: { lat: 1e308, lon: 0, km: 1 } } } }, status: 200, code: 'BAD_USER_INPUT',
    message: 'Invalid value for argument "filter.near.lat": 1e+308. Expected a latitude from -90 to 90.' },
];

/** Filters that look like attacks or odd text: they must simply match nothing (or something), never fail. */
const HARMLESS_TEXT = [
  "'; DROP TABLE event; --", '%', '_', '\\', '" OR ""="', '$where: 1', '<script>alert(1)</script>', '${7*7}',
  '\u202Eevil\u202C', 'Cuentacuentos en español 📚', 'ﷺ', '\ud83d\udcda', 'e\u0301', 'ǅ', '𝕊𝕥𝕠𝕣𝕪', 'tab\tand\r\nnewline',
];

/** Generated runs per property and backend: enough to meet every branch, bounded so the file stays well under a minute. */
const RUNS = 25;

/** How each bounded list of the schema is reached over HTTP (subscriptions' lists: bad-input-ws.test.ts). */
const eventId = toGlobalId('Event', 'nope');
const LIST_PROBES: Record<string, ListProbe> = {
  ...Object.fromEntries(['partnerIds', 'partnerSlugs', 'kinds', 'audiences', 'categories', 'status'].map((field) => [`EventFilter.${field}`, {
    query: EVENTS, variables: (list) => ({ f: { [field]: list } }), argument: `filter.${field}`,
  }])),
  ...Object.fromEntries(['formats', 'languages', 'libraryIds'].map((field) => [`CatalogFilter.${field}`, {
    query: CATALOG, variables: (list) => ({ q: 'story', f: { [field]: list } }), argument: `filter.${field}`,
  }])),
  ...Object.fromEntries(['categories', 'partnerIds', 'partnerSlugs', 'status'].map((field) => [`ServiceFilter.${field}`, {
    query: 'query Services($f: ServiceFilter) { services(filter: $f) { totalCount } }', variables: (list) => ({ f: { [field]: list } }), argument: `filter.${field}`,
  }])),
  ...Object.fromEntries(['partnerIds', 'groupBy'].map((argument) => [`Query.impact(${argument}:)`, {
    query: `query Impact($l: [${argument === 'groupBy' ? 'ImpactDimension' : 'ID'}!]) { impact(from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z", ${argument}: $l) { totals { occurrences } } }`,
    variables: (list: unknown[]) => ({ l: list }), argument,
  }])),
  // An occurrence that does not exist: within the bound the answer fails on it, so nothing is written.
  'RespondToSurveyInput.ratings': {
    query: 'mutation Respond($r: [Int]) { respondToSurvey(input: { eventId: "RXZlbnQ6bm9uZQ", round: IMMEDIATE, ratings: $r }) }',
    variables: (list) => ({ r: list }), argument: 'input.ratings',
  },
  'Event.registrations(status:)': {
    query: 'query Registrations($s: [RegistrationStatus!]) { events(first: 2) { edges { node { registrations(status: $s) { id } } } } }',
    variables: (list) => ({ s: list }), argument: 'status',
  },
  // Mutations without a key: past the bound the input check answers, at it the access check does; nothing is written either way.
  'Mutation.setPartnerAllowedOrigins(origins:)': {
    query: `mutation Origins($o: [String!]!) { setPartnerAllowedOrigins(partnerId: "${partnerId}", origins: $o) { id } }`,
    variables: (list) => ({ o: list }), argument: 'origins',
  },
  'RegisterInput.party': {
    query: REGISTER, variables: (list) => ({ i: { eventId, name: 'Ann', email: 'ann@example.org', party: list } }), argument: 'input.party',
  },
  'Mutation.checkIn(party:)': {
    query: `mutation CheckIn($p: [PartyCountInput!]) { checkIn(registrationId: "${toGlobalId('Registration', 'nope')}", party: $p) { id } }`,
    variables: (list) => ({ p: list }), argument: 'party',
  },
  ...Object.fromEntries(['addWalkIns', 'setHeadCount'].map((mutation) => [`Mutation.${mutation}(party:)`, {
    query: `mutation Door($p: [PartyCountInput!]!) { ${mutation}(eventId: "${eventId}", party: $p) { total } }`,
    variables: (list: unknown[]) => ({ p: list }), argument: 'party',
  }])),
  ...Object.fromEntries(['audiences', 'categories', 'partyCategories'].flatMap((field) => [
    [`CreateEventInput.${field}`, {
      query: 'mutation Create($i: CreateEventInput!) { createEvent(input: $i) { id } }',
      variables: (list: unknown[]) => ({ i: { partnerId, title: 'Story time', startsAt: '2031-01-01T10:00:00Z', endsAt: '2031-01-01T11:00:00Z', [field]: list } }),
      argument: `input.${field}`,
    }],
    [`UpdateEventInput.${field}`, {
      query: `mutation Update($i: UpdateEventInput!) { updateEvent(id: "${eventId}", input: $i) { id } }`,
      variables: (list: unknown[]) => ({ i: { [field]: list } }), argument: `input.${field}`,
    }],
    [`CreateEventSeriesInput.${field}`, {
      query: 'mutation Series($i: CreateEventSeriesInput!) { createEventSeries(input: $i) { seriesId } }',
      variables: (list: unknown[]) => ({
        i: { partnerId, title: 'Story time', startsAt: '2031-01-01T10:00:00Z', endsAt: '2031-01-01T11:00:00Z', recurrence: 'FREQ=WEEKLY;COUNT=2', [field]: list },
      }),
      argument: `input.${field}`,
    }],
  ])),
};
const WEBSOCKET_ONLY = ['Subscription.eventChanges(kinds:)', 'Subscription.registrationCounts(eventIds:)'];

interface Sent { status: number; text: string; json: any }

describeEachBackend('bad input over HTTP', (backend) => {
  let server: TestServer;
  let schema: GraphQLSchema;
  let before: Awaited<ReturnType<typeof dataSnapshot>>;
  /** Every answer of the suite, and every log line at warn or above: INTERNAL_SERVER_ERROR and error logs are checked last. */
  const answers: string[] = [];
  const logs: { level: number; msg: string }[] = [];

  async function send(init: { method?: string; body?: string | Buffer; headers?: Record<string, string>; search?: string }): Promise<Sent> {
    const response = await fetch(`${server.graphqlUrl}${init.search ?? ''}`, { method: init.method ?? 'POST', headers: init.headers, body: typeof init.body === 'string' ? init.body : init.body && new Uint8Array(init.body) });
    const text = await response.text();
    answers.push(text);
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {
      // Asserted by the caller: every answer here is JSON.
    }
    return { status: response.status, text, json };
  }
  const postJson = (body: unknown) => send({ body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  const codesOf = (answer: Sent): string[] => (answer.json?.errors ?? []).map((e: { extensions?: { code?: string } }) => e.extensions?.code);

  /** What holds for every hostile answer: a spec status, JSON in the GraphQL shape, typed codes, none ours. */
  function expectClientAnswer(answer: Sent, statuses = SPEC_STATUSES): void {
    expect(statuses).toContain(answer.status);
    expect(answer.json).not.toBeNull();
    if (answer.status !== 200) expect(answer.json.errors.length).toBeGreaterThan(0);
    for (const code of codesOf(answer)) expect(typeof code).toBe('string');
    expect(codesOf(answer)).not.toContain('INTERNAL_SERVER_ERROR');
  }

  beforeAll(async () => {
    const destination = { write: (line: string) => void logs.push(JSON.parse(line)) };
    server = await startTestServer(backend, {
      env: { RATE_LIMIT: 'on', RATE_LIMIT_PER_IP: '1000000', RATE_LIMIT_REGISTER_PER_IP: '1000000' },
      logger: createLogger('warn', destination),
    });
    schema = await buildSchemaOver();
    before = await dataSnapshot(server.app.db);
  });
  afterAll(() => server.close());
  afterEach(async () => {
    expect((await fetch(`${server.app.url}/healthz`)).status).toBe(200);
    expect((await server.post({ query: '{ partners { slug } }' })).json.data.partners).toHaveLength(5);
    expect(await dataSnapshot(server.app.db)).toEqual(before);
  });

  it.each(CASES)('answers $name with $status $code', async (c) => {
    const answer = await send({
      headers: { ...(c.contentType === null ? {} : { 'content-type': c.contentType ?? 'application/json' }), ...c.headers },
      body: typeof c.body === 'string' || Buffer.isBuffer(c.body) ? c.body : JSON.stringify(c.body),
    });
    expect(answer.status).toBe(c.status);
    const json = answer.json;
    const codes = codesOf(answer);
    expect([...codes].sort()).toEqual([c.code, ...(c.also ?? [])].sort());
    const error = json.errors.find((e: { extensions: { code: string } }) => e.extensions.code === c.code);
    if (typeof c.message === 'string') expect(error.message).toBe(c.message);
    else expect(error.message).toMatch(c.message);
    expect(answer.text).not.toMatch(/SELECT|sqlite|postgres|at .*\.ts:\d+/i);
  });

  it('decodes gzip, deflate and br bodies', async () => {
    for (const encoding of ['gzip', 'deflate', 'br']) {
      const answer = await send({ body: encodeBody(JSON.stringify({ query: PARTNERS }), encoding), headers: { 'content-type': 'application/json', 'content-encoding': encoding } });
      expect(answer.status).toBe(200);
      expect(answer.json.data.partners).toHaveLength(5);
    }
  });

  it('refuses deep JSON in GET variables too', async () => {
    const search = `?query=${encodeURIComponent(PARTNERS)}&variables=${encodeURIComponent(`{"f":${nestedJson('array', 2000)}}`)}`;
    const answer = await send({ method: 'GET', search, headers: { 'apollo-require-preflight': 'true' } });
    expect(answer.status).toBe(400);
    expect(answer.json.errors).toEqual([{ message: JSON_TOO_DEEP, extensions: { code: 'BAD_REQUEST', limit: { name: 'MAX_JSON_DEPTH', max: 32 } } }]);
  });

  it.each(HARMLESS_TEXT)('treats the text filter %p as plain text', async (text) => {
    const { status, json } = await postJson({ query: EVENTS, variables: { f: { text } } });
    expect(status).toBe(200);
    expect(json.errors).toBeUndefined();
    expect(json.data.events.totalCount).toBe(0);
  });

  it('matches text case-insensitively, and treats whitespace-only text (even U+3000) as no text filter', async () => {
    const all = (await postJson({ query: EVENTS })).json.data.events.totalCount;
    expect((await postJson({ query: EVENTS, variables: { f: { text: 'STORY' } } })).json.data.events.totalCount).toBeGreaterThan(0);
    expect((await postJson({ query: EVENTS, variables: { f: { text: ' \u3000\t' } } })).json.data.events.totalCount).toBe(all);
  });

  // Generated (fast-check); not in a nested describe, so the last test of the file runs after them.
  it('generated: answers random JSON bodies, and random JSON in variables and extensions, with 200 or 400 and typed codes', async () => {
    const body = fc.oneof(
      fc.jsonValue({ maxDepth: 5 }).map((value) => JSON.stringify(value)),
      fc.record({ variables: fc.jsonValue({ maxDepth: 5 }), extensions: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 4 })) })
        .map((extra) => JSON.stringify({ query: PARTNERS, ...extra })),
    );
    await fc.assert(fc.asyncProperty(body, async (text) => {
      const answer = await send({ body: text, headers: { 'content-type': 'application/json' } });
      expectClientAnswer(answer, [200, 400]);
      if (answer.status === 200) expect(answer.json.data.partners).toHaveLength(5);
    }), { numRuns: RUNS * 2 });
  });

  it('generated: refuses JSON nested past 32 levels wherever it is, and takes it at or under', async () => {
    const shape = fc.record({
      kind: fc.constantFrom('array' as const, 'object' as const),
      where: fc.constantFrom('variables', 'extensions', 'body'),
      depth: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 40, max: 100_000 })),
    });
    await fc.assert(fc.asyncProperty(shape, async ({ kind, where, depth }) => {
      const nested = nestedJson(kind, depth);
      const text = where === 'body' ? nested : `{"query":${JSON.stringify(PARTNERS)},"${where}":{"x":${nested}}}`;
      const total = where === 'body' ? depth : depth + 2;
      const answer = await send({ body: text, headers: { 'content-type': 'application/json' } });
      expectClientAnswer(answer, [200, 400]);
      if (total > 32) expect(answer.json.errors[0].message).toBe(JSON_TOO_DEEP);
      else if (where !== 'body') expect(answer.status).toBe(200);
    }), { numRuns: RUNS * 2 });
  });

  it('generated: decodes the encodings it takes, refuses corrupt ones with 400 and unknown ones with 415', async () => {
    const request = fc.record({ encoding: fc.constantFrom(...ENCODINGS), junk: fc.option(fc.uint8Array({ maxLength: 64 }), { freq: 2 }) });
    await fc.assert(fc.asyncProperty(request, async ({ encoding, junk }) => {
      const body = junk ? Buffer.from(junk) : encodeBody(JSON.stringify({ query: PARTNERS }), encoding);
      const answer = await send({ body, headers: { 'content-type': 'application/json', ...(encoding ? { 'content-encoding': encoding } : {}) } });
      expectClientAnswer(answer);
      if (!decodedEncoding(encoding)) expect([answer.status, codesOf(answer)]).toEqual([415, ['UNSUPPORTED_MEDIA_TYPE']]);
      else if (junk) expect(answer.status).toBe(400);
      else expect(answer.json.data.partners).toHaveLength(5);
    }), { numRuns: RUNS * 2 });
  });

  /** Operations with string arguments, and the argument (path) an unsafe value must be reported under. */
  const TEXT_PROBES: { name: string; body: (text: string) => unknown; argument: string; mutation?: boolean }[] = [
    { name: 'events filter.text', body: (text) => ({ query: EVENTS, variables: { f: { text } } }), argument: 'filter.text' },
    { name: 'events filter.categories', body: (text) => ({ query: EVENTS, variables: { f: { categories: ['music', text] } } }), argument: 'filter.categories' },
    { name: 'events after', body: (text) => ({ query: EVENTS, variables: { after: text } }), argument: 'after' },
    { name: 'catalog query', body: (text) => ({ query: CATALOG, variables: { q: text } }), argument: 'query' },
    { name: 'catalog filter.languages', body: (text) => ({ query: CATALOG, variables: { q: 'story', f: { languages: [text] } } }), argument: 'filter.languages' },
    { name: 'partner slug', body: (text) => ({ query: 'query P($s: String) { partner(slug: $s) { id } }', variables: { s: text } }), argument: 'slug' },
    // An event that does not exist: the registration must fail whatever the text, so nothing is written.
    { name: 'register input.name', body: (text) => ({ query: REGISTER, variables: { i: { eventId, name: text, email: 'ann@example.org' } } }), argument: 'input.name', mutation: true },
    { name: 'register input.email', body: (text) => ({ query: REGISTER, variables: { i: { eventId, name: 'Ann', email: text } } }), argument: 'input.email', mutation: true },
    // Checked before the key is (the public is refused after): an unsafe text never reaches the resolver.
    { name: 'registrantData email', body: (text) => ({ query: 'query R($e: String!) { registrantData(email: $e) { status } }', variables: { e: text } }), argument: 'email' },
    { name: 'eraseRegistrant email', body: (text) => ({ query: 'mutation E($e: String!) { eraseRegistrant(email: $e) }', variables: { e: text } }), argument: 'email', mutation: true },
    // Answers to an occurrence that does not exist: the text is checked first, then the answer fails on the id.
    ...(['liked', 'improve'] as const).map((field) => ({
      name: `respondToSurvey input.${field}`, argument: `input.${field}`, mutation: true,
      body: (text: string) => ({ query: 'mutation S($i: RespondToSurveyInput!) { respondToSurvey(input: $i) }', variables: { i: { eventId, round: 'IMMEDIATE', [field]: text } } }),
    })),
    { name: 'createSurvey input.category', argument: 'input.category', mutation: true,
      body: (text) => ({ query: 'mutation C($i: CreateSurveyInput!) { createSurvey(input: $i) { id } }', variables: { i: { partnerId, serviceArea: 'JOB_SKILLS', round: 'IMMEDIATE', category: text } } }) },
    {
      name: 'register input.party.category', argument: 'input.party.category', mutation: true,
      body: (text) => ({ query: REGISTER, variables: { i: { eventId, name: 'Ann', email: 'ann@example.org', party: [{ category: text, count: 1 }] } } }),
    },
  ];

  it.each(TEXT_PROBES)('generated: refuses unsafe unicode in $name with BAD_USER_INPUT naming it, and takes the rest as text', async (probe) => {
    await fc.assert(fc.asyncProperty(hostileText(), async (text) => {
      const answer = await postJson(probe.body(text));
      expectClientAnswer(answer, [200]);
      const errors: { message: string; extensions: { code: string; argument?: string } }[] = answer.json.errors ?? [];
      if (unsafeText(text)) {
        expect(errors.map((e) => [e.extensions.code, e.extensions.argument])).toEqual([['BAD_USER_INPUT', probe.argument]]);
        expect(errors[0].message).toMatch(/Expected text without control characters/);
      } else {
        for (const e of errors) expect(e.message).not.toMatch(/Expected text without control characters/);
      }
      if (probe.mutation) expect(answer.json.data).toBeNull();
    }), { numRuns: RUNS });
  });

  it('has a stated bound on every list argument of the schema, and a probe for each here or in bad-input-ws', () => {
    const bounds = listBounds(schema);
    expect([...bounds.keys()].sort()).toEqual([...Object.keys(LIST_PROBES), ...WEBSOCKET_ONLY].sort());
    for (const [coordinate, { bound }] of bounds) expect([coordinate, typeof bound]).toEqual([coordinate, 'number']);
  });

  it('generated: refuses every list past its bound with BAD_USER_INPUT naming the argument and the bound, and takes it at the bound', async () => {
    const bounds = listBounds(schema);
    /** The i-th well-formed value of a list's item type: an input object gets its required fields (PartyCountInput, PartyCategoryInput). */
    const sample = (type: GraphQLInputType, i: number): unknown => {
      const inner = isNonNullType(type) ? type.ofType : type;
      if (isEnumType(inner)) return inner.getValues()[i % inner.getValues().length].name;
      if (isInputObjectType(inner)) {
        return Object.fromEntries(Object.values(inner.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, sample(f.type, i)]));
      }
      if (String(inner) === 'ID') return toGlobalId('Partner', `p${i}`);
      return String(inner) === 'Int' ? i : `term${i}`;
    };
    const itemsFor = (coordinate: string, size: number): unknown[] => Array.from({ length: size }, (_, i) => sample(bounds.get(coordinate)!.item, i));
    const probe = fc.record({
      coordinate: fc.constantFrom(...Object.keys(LIST_PROBES)),
      offset: fc.oneof(fc.integer({ min: -2, max: 3 }), fc.constant(1000)),
    });
    await fc.assert(fc.asyncProperty(probe, async ({ coordinate, offset }) => {
      const bound = bounds.get(coordinate)!.bound!;
      const size = Math.max(0, bound + offset);
      const { query, variables, argument } = LIST_PROBES[coordinate];
      const answer = await postJson({ query, variables: variables(itemsFor(coordinate, size)) });
      expectClientAnswer(answer, [200]);
      const bounded = (answer.json.errors ?? []).filter((e: { message: string }) => /Expected at most \d+ values\./.test(e.message));
      if (size > bound) {
        expect(bounded.length).toBeGreaterThan(0);
        for (const e of bounded) {
          expect(e.extensions).toEqual({ code: 'BAD_USER_INPUT', argument });
          expect(e.message).toBe(`Invalid value for argument "${argument}": "${size} values". Expected at most ${bound} values.`);
        }
      } else {
        expect(bounded).toEqual([]);
      }
    }), { numRuns: RUNS * 2 });
  });

  // Last in the suite: jest runs a file's tests in order.
  it('answered no request of this suite with INTERNAL_SERVER_ERROR, and logged nothing at error level', () => {
    expect(answers.length).toBeGreaterThan(CASES.length);
    expect(answers.filter((text) => text.includes('INTERNAL_SERVER_ERROR'))).toEqual([]);
    expect(logs.filter((entry) => entry.level >= 50)).toEqual([]);
  });
});

describeEachBackend('a flood over the rate limit', (backend) => {
  it('gets 429 for exactly the requests over the budget, and the server stays up with its data unchanged', async () => {
    const server = await startTestServer(backend, { env: { RATE_LIMIT_PER_IP: '25' } });
    try {
      const before = await dataSnapshot(server.app.db);
      const statuses = await Promise.all(Array.from({ length: 60 }, () => server.post({ query: EVENTS }).then((r) => r.status)));
      expect(statuses.filter((s) => s === 200)).toHaveLength(25);
      expect(statuses.filter((s) => s === 429)).toHaveLength(35);
      expect((await fetch(`${server.app.url}/healthz`)).status).toBe(200);
      expect(await dataSnapshot(server.app.db)).toEqual(before);
    } finally {
      await server.close();
    }
  });
});
