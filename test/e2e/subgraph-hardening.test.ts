import { loadConfig } from '../../src/config';
import { ApiKeyRole } from '../../src/domain/enums';
import { startTestServer, TestServer } from '../support/server';

const TOKEN = 'router-secret-0123456789abcdef0123456789';
const QUERY = { query: '{ partners { slug } }' };

async function postTo(url: string, headers: Record<string, string> = {}): Promise<{ status: number; json: any; retryAfter: string | null }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(QUERY) });
  return { status: response.status, json: await response.json(), retryAfter: response.headers.get('retry-after') };
}

describe('/subgraph, the federation endpoint, has the same query limits as /graphql [sqlite]', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite', { demo: false });
  });
  afterAll(() => server.close());

  const send = async (body: unknown) => {
    const response = await fetch(`${server.app.url}/subgraph`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, json: await response.json() };
  };

  it('refuses a deep query, an alias bomb, a token bomb and a batch with the /graphql codes', async () => {
    const deep = await send({ query: `{ events { edges { node { ${'organizer { events { edges { node { '.repeat(10)}id${' } } } }'.repeat(10)} } } } }` });
    expect(deep.status).toBe(400);
    expect(deep.json.errors.map((e: { extensions: { code: string } }) => e.extensions.code).sort()).toEqual(['MAX_COST_EXCEEDED', 'MAX_DEPTH_EXCEEDED']);
    const aliases = await send({ query: `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: partners { slug }`).join(' ')} }` });
    expect(aliases.json.errors[0]).toMatchObject({ message: 'Alias count 100 exceeds the limit of 15 (MAX_QUERY_ALIASES).', extensions: { code: 'MAX_ALIASES_EXCEEDED' } });
    const tokens = await send({ query: `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: partners { slug }`).join(' ')} }` });
    expect([tokens.status, tokens.json.errors[0].extensions.code]).toEqual([400, 'MAX_TOKENS_EXCEEDED']);
    const batch = await send([QUERY, QUERY]);
    expect([batch.status, batch.json.errors[0].extensions.code]).toEqual([400, 'BATCHING_NOT_SUPPORTED']);
    expect((await send({ query: '{ _service { sdl } }' })).json.data._service.sdl).toContain('type Event');
  });
});

describe('/subgraph in production [sqlite]', () => {
  it('is not served without SUBGRAPH_ROUTER_TOKEN, so the SDL is not handed to anyone past INTROSPECTION=off', async () => {
    const server = await startTestServer('sqlite', { demo: false, env: { NODE_ENV: 'production' } });
    try {
      const response = await fetch(`${server.app.url}/subgraph`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ _service { sdl } }' }) });
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('type Event');
    } finally {
      await server.close();
    }
  });

  it('answers the router that sends the token, and only it', async () => {
    const server = await startTestServer('sqlite', { demo: false, env: { NODE_ENV: 'production', SUBGRAPH_ROUTER_TOKEN: TOKEN } });
    try {
      const sdl = { query: '{ _service { sdl } }' };
      const post = (headers: Record<string, string>) => fetch(`${server.app.url}/subgraph`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(sdl) });
      expect((await post({})).status).toBe(401);
      const router = await post({ 'x-router-token': TOKEN });
      expect(router.status).toBe(200);
      expect((await router.json()).data._service.sdl).toContain('type Event');
    } finally {
      await server.close();
    }
  });
});

describe('rate limits on /subgraph, the federation endpoint [sqlite]', () => {
  describe('without SUBGRAPH_ROUTER_TOKEN', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer('sqlite', { env: { RATE_LIMIT_PER_IP: '3' } });
    });
    afterAll(() => server.close());

    it('limits it like /graphql: per client address', async () => {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push(await postTo(`${server.app.url}/subgraph`));
      expect(statuses.map((s) => s.status)).toEqual([200, 200, 200, 429]);
      expect(statuses[3].retryAfter).toMatch(/^\d+$/);
      expect(statuses[3].json.errors[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED', limit: 'ip' } });
    });
  });

  describe('with SUBGRAPH_ROUTER_TOKEN', () => {
    let server: TestServer;
    let key: string;
    beforeAll(async () => {
      server = await startTestServer('sqlite', { env: { RATE_LIMIT_PER_IP: '3', RATE_LIMIT_PER_KEY: '2', SUBGRAPH_ROUTER_TOKEN: TOKEN } });
      key = (await server.app.services.apiKeys.create({ role: ApiKeyRole.ADMIN, label: 'staff app' })).secret;
    });
    afterAll(() => server.close());

    it('answers only the router: no token or a wrong one is 401 UNAUTHENTICATED', async () => {
      for (const headers of [{}, { 'x-router-token': 'guess' }, { 'x-router-token': `${TOKEN}x` }] as Record<string, string>[]) {
        const refused = await postTo(`${server.app.url}/subgraph`, headers);
        expect(refused.status).toBe(401);
        expect(refused.json.errors).toEqual([{
          message: 'This endpoint serves the federation router only: send the router token in the x-router-token header (SUBGRAPH_ROUTER_TOKEN).',
          extensions: { code: 'UNAUTHENTICATED' },
        }]);
      }
    });

    it('does not charge the router\'s address, so many users behind one router are not throttled together', async () => {
      const statuses = [];
      for (let i = 0; i < 10; i++) statuses.push((await postTo(`${server.app.url}/subgraph`, { 'x-router-token': TOKEN })).status);
      expect(statuses).toEqual(Array(10).fill(200));
      // The public endpoint still counts the same address.
      const direct = [];
      for (let i = 0; i < 4; i++) direct.push((await server.post(QUERY)).status);
      expect(direct).toEqual([200, 200, 200, 429]);
    });

    it('still charges an API key the router forwards, per key', async () => {
      const headers = { 'x-router-token': TOKEN, authorization: `Bearer ${key}` };
      const results = [];
      for (let i = 0; i < 3; i++) results.push(await postTo(`${server.app.url}/subgraph`, headers));
      expect(results.map((r) => r.status)).toEqual([200, 200, 429]);
      expect(results[2].json.errors[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED', limit: 'key' } });
      expect(results[2].json.errors[0].message).toMatch(/^Rate limit exceeded: 2 requests per 60 s for this API key \(limit "key"\)\. Retry after \d+ s\.$/);
    });
  });

  it('refuses a SUBGRAPH_ROUTER_TOKEN shorter than 32 characters at start, without echoing it', () => {
    expect(() => loadConfig({ SUBGRAPH_ROUTER_TOKEN: 'short' })).toThrow(
      'Invalid SUBGRAPH_ROUTER_TOKEN="(hidden)": expected a secret of at least 32 characters (e.g. openssl rand -hex 32)');
  });
});
