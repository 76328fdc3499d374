import { toGlobalId } from '../../src/domain/global-id';
import { describeEachBackend } from '../support/backends';
import { dataSnapshot } from '../support/data-snapshot';
import { startTestServer, TestServer } from '../support/server';

/**
 * Hostile and broken requests over real HTTP. For each: the exact status and code, the server still
 * answers, and every table is byte-for-byte what it was (row counts + checksums).
 * The WebSocket (graphql-ws) half of the suite is bad-input-ws.test.ts.
 */
const EVENTS = 'query Events($f: EventFilter, $first: Int, $after: String) { events(first: $first, after: $after, filter: $f) { totalCount } }';

interface Case {
  name: string;
  /** A JSON body (object/array) or raw text with a content type. */
  body: unknown;
  contentType?: string | null;
  status: number;
  code: string;
  /** Exact message, or a pattern. */
  message: string | RegExp;
  /** Further limits the same request breaks (reported too, after the main one). */
  also?: string[];
}

const BAD_REQUEST = 'POST body missing, invalid Content-Type, or JSON object has no keys.';
const partnerId = toGlobalId('Partner', 'nope');

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
    message: 'Invalid value for argument "filter.text": "story\\\\0time". Expected text without NUL (U+0000) characters.' },
  { name: 'ten thousand categories', body: { query: EVENTS, variables: { f: { categories: Array(10_000).fill('x') } } }, status: 200, code: 'BAD_USER_INPUT',
    message: 'Invalid value for argument "filter.categories": "10000 values". Expected at most 50 values.' },
  { name: 'an out-of-range coordinate', body: { query: EVENTS, variables: { f: { near: { lat: 1e308, lon: 0, km: 1 } } } }, status: 200, code: 'BAD_USER_INPUT',
    message: 'Invalid value for argument "filter.near.lat": 1e+308. Expected a latitude from -90 to 90.' },
];

/** Filters that look like attacks or odd text: they must simply match nothing (or something), never fail. */
const HARMLESS_TEXT = [
  "'; DROP TABLE event; --", '%', '_', '\\', '" OR ""="', '$where: 1', '<script>alert(1)</script>', '${7*7}',
  '\u202Eevil\u202C', 'Cuentacuentos en español 📚', 'ﷺ', '\ud800', 'e\u0301', 'ǅ', '𝕊𝕥𝕠𝕣𝕪',
];

describeEachBackend('bad input over HTTP', (backend) => {
  let server: TestServer;
  let before: Awaited<ReturnType<typeof dataSnapshot>>;

  beforeAll(async () => {
    server = await startTestServer(backend, { env: { RATE_LIMIT: 'on', RATE_LIMIT_PER_IP: '100000' } });
    before = await dataSnapshot(server.app.db);
  });
  afterAll(() => server.close());
  afterEach(async () => {
    expect((await server.post({ query: '{ partners { slug } }' })).json.data.partners).toHaveLength(5);
    expect(await dataSnapshot(server.app.db)).toEqual(before);
  });

  it.each(CASES)('answers $name with $status $code', async (c) => {
    const response = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: c.contentType === null ? {} : { 'content-type': c.contentType ?? 'application/json' },
      body: typeof c.body === 'string' ? c.body : JSON.stringify(c.body),
    });
    expect(response.status).toBe(c.status);
    const json = await response.json();
    const codes = json.errors.map((e: { extensions: { code: string } }) => e.extensions.code);
    expect([...codes].sort()).toEqual([c.code, ...(c.also ?? [])].sort());
    const error = json.errors.find((e: { extensions: { code: string } }) => e.extensions.code === c.code);
    if (typeof c.message === 'string') expect(error.message).toBe(c.message);
    else expect(error.message).toMatch(c.message);
    expect(JSON.stringify(json)).not.toMatch(/SELECT|sqlite|postgres|at .*\.ts:\d+/i);
  });

  it.each(HARMLESS_TEXT)('treats the text filter %p as plain text', async (text) => {
    const { status, json } = await server.post({ query: EVENTS, variables: { f: { text } } });
    expect(status).toBe(200);
    expect(json.errors).toBeUndefined();
    expect(json.data.events.totalCount).toBe(0);
  });

  it('matches text case-insensitively, and treats whitespace-only text (even U+3000) as no text filter', async () => {
    const all = (await server.post({ query: EVENTS })).json.data.events.totalCount;
    expect((await server.post({ query: EVENTS, variables: { f: { text: 'STORY' } } })).json.data.events.totalCount).toBeGreaterThan(0);
    expect((await server.post({ query: EVENTS, variables: { f: { text: ' \u3000\t' } } })).json.data.events.totalCount).toBe(all);
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
