import { serverAudits } from 'graphql-http';
import { toGlobalId } from '../../src/domain/global-id';
import { describeEachBackend } from '../support/backends';
import { startTestServer, TestServer } from '../support/server';

describeEachBackend('the HTTP server', (backend) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(() => server.close());

  it('answers GraphQL over HTTP POST with the demo community loaded', async () => {
    const { status, json } = await server.post({ query: '{ partners { slug kind } events(first: 1) { totalCount } }' });
    expect(status).toBe(200);
    expect(json.data.partners).toHaveLength(5);
    expect(json.data.events.totalCount).toBeGreaterThanOrEqual(60);
  });

  it('passes every graphql-http server audit with no error (warnings are listed in docs/security.md)', async () => {
    const results = await Promise.all(serverAudits({ url: server.graphqlUrl }).map((audit) => audit.fn()));
    const errors = results.flatMap((r) => (r.status === 'error' ? [`${r.id} ${r.name}: ${r.reason}`] : []));
    expect(errors).toEqual([]);
    expect(results.length).toBeGreaterThan(20);
    // Exactly the warnings and notices docs/security.md's conformance table explains, so it cannot drift.
    expect(results.filter((r) => r.status !== 'ok').map((r) => `${r.status} ${r.id}`).sort())
      .toEqual(['notice 5A70', 'notice 6A70', 'notice D6D5', 'warn 572B', 'warn 7B9B', 'warn FDE2']);
  });

  it('serves GraphiQL to browsers from its own assets (no CDN)', async () => {
    const page = await fetch(server.graphqlUrl, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<div id="graphiql">');
    expect(html).not.toMatch(/https?:\/\//);
    const scripts = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toEqual(['/favicon.ico', '/graphiql/graphiql.css', '/graphiql/react.js', '/graphiql/react-dom.js', '/graphiql/graphiql.js', '/graphiql/start.js']);
    for (const asset of scripts) {
      const response = await fetch(`${server.app.url}${asset}`);
      expect(response.status).toBe(200);
      expect((await response.text()).length).toBeGreaterThan(100);
    }
  });

  it('serves /favicon.ico as an SVG image browsers may cache for a day (no 404 on every page)', async () => {
    const response = await fetch(`${server.app.url}/favicon.ico`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(await response.text()).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 32 32">.*<\/svg>\n$/s);
  });

  it('reports liveness and readiness', async () => {
    expect(await (await fetch(`${server.app.url}/healthz`)).json()).toEqual({ status: 'ok' });
    // On PostgreSQL without REDIS_URL a second replica would miss this one's live changes: said, still ready.
    const warnings = backend === 'postgres'
      ? { warnings: ['PostgreSQL without REDIS_URL: live subscriptions and the response cache see only this replica\'s changes; set REDIS_URL before running a second replica.'] }
      : {};
    expect(await (await fetch(`${server.app.url}/readyz`)).json()).toEqual({ status: 'ready', database: 'ok', ...warnings });
  });

  it('refuses a wrong API key with 401 UNAUTHENTICATED instead of treating it as public', async () => {
    const { status, json } = await server.post({ query: '{ partners { slug } }' }, { authorization: 'Bearer cg_wrong' });
    expect(status).toBe(401);
    expect(json.errors[0]).toMatchObject({ message: 'The API key is unknown or revoked.', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('accepts a real key created through the key service', async () => {
    const { secret } = await server.app.services.apiKeys.create({ role: 'ADMIN' as never, label: 'test' });
    const { status, json } = await server.post({ query: '{ partners { slug } }' }, { authorization: `Bearer ${secret}` });
    expect(status).toBe(200);
    expect(json.data.partners).toHaveLength(5);
  });

  it('returns typed errors over HTTP for bad arguments', async () => {
    const { json } = await server.post({ query: `{ event(id: "${toGlobalId('Nope', '1')}") { id } }` });
    expect(json.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'id' });
  });
});

describeEachBackend('HTTP request errors', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, { demo: false });
  });
  afterAll(() => server.close());

  it('answer malformed JSON with 400 BAD_REQUEST in the GraphQL error shape (no stack)', async () => {
    const { status, json } = await server.post('{ "query": ');
    expect(status).toBe(400);
    expect(json).toEqual({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('answer an oversized body with 413 PAYLOAD_TOO_LARGE and the limit', async () => {
    const { status, json } = await server.post({ query: `{ partners { slug } } #${'x'.repeat(1_100_000)}` });
    expect(status).toBe(413);
    expect(json.errors[0]).toEqual({ message: 'The request body exceeds the limit of 1000000 bytes.', extensions: { code: 'PAYLOAD_TOO_LARGE', limitBytes: 1000000 } });
  });

  it('start with an empty database when the demo is off', async () => {
    const { json } = await server.post({ query: '{ partners { slug } events { totalCount } }' });
    expect(json.data).toEqual({ partners: [], events: { totalCount: 0 } });
  });
});
