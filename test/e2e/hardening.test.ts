import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import Redis from 'ioredis';
import { sha256Hex } from '../../src/edge/persisted-queries';
import { createLogger } from '../../src/logger';
import { ApiKeyRole } from '../../src/domain/enums';
import { startApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createTestDatabase, describeEachBackend } from '../support/backends';
import { startTestServer, TestServer } from '../support/server';
import { describeNeeding, needsRedis } from '../support/needs';
import { connect, toWsUrl } from '../support/ws';

const PARTNERS = 'query Partners { partners { slug } }';
const CHANGES = 'subscription Changes { eventChanges { type } }';

describeEachBackend('abuse limits over HTTP', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, { env: { MAX_BODY_BYTES: '16384' } });
  });
  afterAll(() => server.close());

  const nest = (levels: number) => `{ events(first: 1) { edges { node { ${'organizer { events(first: 1) { edges { node { '.repeat(levels)}id${' } } } }'.repeat(levels)} } } } }`;

  it.each([
    ['depth', nest(3), 'MAX_DEPTH_EXCEEDED', 'Query depth 16 exceeds the limit of 10 (MAX_QUERY_DEPTH).', { name: 'MAX_QUERY_DEPTH', max: 10 }],
    ['aliases', `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: partners { slug }`).join(' ')} }`, 'MAX_ALIASES_EXCEEDED',
      'Alias count 16 exceeds the limit of 15 (MAX_QUERY_ALIASES).', { name: 'MAX_QUERY_ALIASES', max: 15 }],
    ['directives', `{ ${'... on Query @include(if: true) { partners { slug } } '.repeat(21)}}`, 'MAX_DIRECTIVES_EXCEEDED',
      'Directive count 21 exceeds the limit of 20 (MAX_QUERY_DIRECTIVES).', { name: 'MAX_QUERY_DIRECTIVES', max: 20 }],
    ['cost', `{ ${Array.from({ length: 12 }, (_, i) => `e${i}: events(first: 100) { edges { node { title description organizer { name slug website timezone locations { name address lat lon } } location { name address } } } }`).join(' ')} }`,
      'MAX_COST_EXCEEDED', null, { name: 'MAX_QUERY_COST', max: 20000 }],
  ])('refuses a query over the %s limit with its code, the limit and its value', async (_limit, query, code, message, limit) => {
    const { status, json } = await server.post({ query });
    expect(status).toBe(400);
    expect(json.errors).toHaveLength(1);
    expect(json.errors[0].extensions).toMatchObject({ code, limit });
    if (message) expect(json.errors[0].message).toBe(message);
    else expect(json.errors[0].message).toMatch(/^Query cost \d+ exceeds the limit of 20000 \(MAX_QUERY_COST\)\.$/);
  });

  it('refuses more than MAX_QUERY_TOKENS tokens before parsing', async () => {
    const { status, json } = await server.post({ query: `{ ${'partners { slug } '.repeat(600)}}` });
    expect(status).toBe(400);
    expect(json.errors).toEqual([{
      message: 'The query has more than 2000 tokens, the limit (MAX_QUERY_TOKENS).',
      extensions: { code: 'MAX_TOKENS_EXCEEDED', limit: { name: 'MAX_QUERY_TOKENS', max: 2000 } },
    }]);
  });

  it('remembers only texts within MAX_QUERY_TOKENS: a refused query is refused each time, an accepted one stays accepted', async () => {
    const over = `{ ${'partners { slug } '.repeat(600)}}`;
    const within = `{ ${'partners { slug } '.repeat(10)}}`;
    for (let round = 0; round < 2; round++) {
      expect((await server.post({ query: over })).json.errors[0].extensions.code).toBe('MAX_TOKENS_EXCEEDED');
      const accepted = await server.post({ query: within });
      expect(accepted.status).toBe(200);
      expect(accepted.json.data.partners.length).toBeGreaterThan(0);
    }
  });

  it('refuses batched requests and bodies over MAX_BODY_BYTES', async () => {
    const batch = await server.post([{ query: PARTNERS }, { query: PARTNERS }]);
    expect(batch.status).toBe(400);
    expect(batch.json.errors[0].extensions).toEqual({ code: 'BATCHING_NOT_SUPPORTED' });
    const huge = await server.post({ query: PARTNERS, variables: { pad: 'x'.repeat(20000) } });
    expect(huge.status).toBe(413);
    expect(huge.json.errors).toEqual([{ message: 'The request body exceeds the limit of 16384 bytes.', extensions: { code: 'PAYLOAD_TOO_LARGE', limitBytes: 16384 } }]);
  });

  it('keeps CSRF prevention on: simple GET and text/plain POST requests are refused', async () => {
    const get = await fetch(`${server.graphqlUrl}?query=${encodeURIComponent(PARTNERS)}`);
    expect(get.status).toBe(400);
    expect(await get.text()).toContain('Cross-Site Request Forgery');
    const plain = await fetch(server.graphqlUrl, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: PARTNERS }) });
    expect(plain.status).toBe(400);
    const preflighted = await fetch(`${server.graphqlUrl}?query=${encodeURIComponent(PARTNERS)}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
  });

  it('supports automatic persisted queries: a hash alone, then query and hash, then the hash alone', async () => {
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256Hex(PARTNERS) } };
    const unknown = await server.post({ extensions });
    expect(unknown.json.errors[0]).toMatchObject({ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } });
    expect((await server.post({ query: PARTNERS, extensions })).json.data.partners).toHaveLength(5);
    expect((await server.post({ extensions })).json.data.partners).toHaveLength(5);
  });

  it('sends security headers with HTML pages, nosniff with JSON, and a request id with everything', async () => {
    const page = await fetch(server.graphqlUrl, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const json = await server.post({ query: PARTNERS }, { 'x-request-id': 'trace-123' });
    expect(json.headers.get('x-content-type-options')).toBe('nosniff');
    expect(json.headers.get('content-security-policy')).toBeNull();
    expect(json.headers.get('x-request-id')).toBe('trace-123');
    const generated = await server.post({ query: PARTNERS }, { 'x-request-id': 'bad id with spaces' });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('exports request durations by operation and errors by code at /metrics', async () => {
    await server.post({ query: PARTNERS });
    await server.post({ query: nest(3) });
    const text = await (await fetch(`${server.app.url}/metrics`)).text();
    expect(text).toMatch(/community_graph_request_duration_seconds_count\{operation="Partners",type="query",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/community_graph_errors_total\{code="MAX_DEPTH_EXCEEDED"\} [1-9]/);
    for (const name of ['community_graph_active_subscriptions', 'community_graph_sync_runs_total', 'community_graph_registrations_total',
      'community_graph_upstream_calls_total', 'community_graph_breaker_state']) {
      expect(text).toContain(`# TYPE ${name} `);
    }
  });
});

describeEachBackend('CORS, introspection and logs', (backend) => {
  it('answers CORS only for allowlisted origins', async () => {
    const server = await startTestServer(backend, { demo: false, env: { CORS_ORIGINS: 'https://library.example.org' } });
    try {
      const preflight = (origin: string) => fetch(server.graphqlUrl, {
        method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
      });
      const allowed = await preflight('https://library.example.org');
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://library.example.org');
      expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
      const other = await preflight('https://evil.example');
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await server.close();
    }
  });

  it('in production hides introspection and field suggestions', async () => {
    const server = await startTestServer(backend, { demo: false, env: { NODE_ENV: 'production' } });
    try {
      const introspection = await server.post({ query: '{ __schema { types { name } } }' });
      expect(introspection.json.errors[0].message).toContain('introspection');
      const typo = await server.post({ query: '{ partnerz { slug } }' });
      expect(typo.json.errors[0].message).toMatch(/^Cannot query field "partnerz" on type "Query"\. \[Suggestion hidden\]/);
      expect(typo.json.errors[0].message).not.toContain('partners');
    } finally {
      await server.close();
    }
  });

  it('logs request ids, operation names, durations and codes, and never keys or emails', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk, _enc, done) { lines.push(...chunk.toString().split('\n').filter(Boolean)); done(); } });
    const server = await startTestServer(backend, { demo: true, logger: createLogger('info', sink) });
    try {
      const { secret } = await server.app.services.apiKeys.create({ role: ApiKeyRole.ADMIN, label: 'log test' });
      await server.post({ query: 'query Lookup($email: String) { partner(slug: $email) { slug } }', variables: { email: 'patron@example.org' } },
        { authorization: `Bearer ${secret}`, 'x-request-id': 'log-test-1' });
      const wrong = await server.post({ query: PARTNERS }, { authorization: 'Bearer cg_not_a_real_key' });
      expect(wrong.status).toBe(401);
    } finally {
      await server.close();
    }
    const records = lines.map((line) => JSON.parse(line));
    expect(records).toContainEqual(expect.objectContaining({ requestId: 'log-test-1', operationName: 'Lookup', operationType: 'query', errorCodes: [], durationMs: expect.any(Number) }));
    expect(records).toContainEqual(expect.objectContaining({ requestId: 'log-test-1', method: 'POST', path: '/graphql', status: 200, durationMs: expect.any(Number) }));
    const all = lines.join('\n');
    expect(all).not.toContain('patron@example.org');
    expect(all).not.toContain('cg_not_a_real_key');
    expect(all).not.toMatch(/cg_[A-Za-z0-9_-]{32}/);
  });
});

describeEachBackend('rate limits', (backend) => {
  it('answers 429 with Retry-After past the per-address budget, and counts API keys separately', async () => {
    const server = await startTestServer(backend, { demo: true, env: { RATE_LIMIT_PER_IP: '3', RATE_LIMIT_PER_KEY: '5' } });
    try {
      for (let i = 0; i < 3; i++) expect((await server.post({ query: PARTNERS })).status).toBe(200);
      const refused = await server.post({ query: PARTNERS });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.json.errors[0]).toEqual({
        message: `Rate limit exceeded: 3 requests per 60 s for this client address (limit "ip"). Retry after ${refused.headers.get('retry-after')} s.`,
        extensions: { code: 'RATE_LIMITED', limit: 'ip', retryAfterSeconds: Number(refused.headers.get('retry-after')) },
      });
      const { secret } = await server.app.services.apiKeys.create({ role: ApiKeyRole.ADMIN, label: 'rl' });
      expect((await server.post({ query: PARTNERS }, { authorization: `Bearer ${secret}` })).status).toBe(200);
      expect((await server.app.rateLimits.consume('key', 'another')).allowed).toBe(true);
    } finally {
      await server.close();
    }
  });
});

describeEachBackend('guessing API keys', (backend) => {
  it('after RATE_LIMIT_AUTH_FAILURES_PER_IP wrong keys, the address may not try keys, while public reads go on', async () => {
    const server = await startTestServer(backend, { demo: true, env: { RATE_LIMIT_AUTH_FAILURES_PER_IP: '3' } });
    try {
      const { secret } = await server.app.services.apiKeys.create({ role: ApiKeyRole.ADMIN, label: 'real' });
      for (let i = 0; i < 3; i++) expect((await server.post({ query: PARTNERS }, { authorization: `Bearer cg_guess_${i}` })).status).toBe(401);
      const blocked = await server.post({ query: PARTNERS }, { authorization: `Bearer ${secret}` });
      expect(blocked.status).toBe(429);
      expect(blocked.json.errors[0].message).toBe(
        `Too many requests with a wrong API key: 3 per 60 s from this client address (limit "authFailure"). Retry after ${blocked.headers.get('retry-after')} s.`);
      expect(blocked.json.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'authFailure' });
      expect((await server.post({ query: PARTNERS })).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describeEachBackend('Redis configuration', (backend) => {
  it('refuses to start when REDIS_URL is unreachable, naming it without the password', async () => {
    const database = await createTestDatabase(backend);
    try {
      const config = { ...loadConfig({ REDIS_URL: 'redis://:hunter2@127.0.0.1:1' }), port: 0, database: database.config, demo: false };
      await expect(startApp(config, { logger: createLogger('silent') })).rejects.toThrow(
        'Cannot connect to Redis at REDIS_URL=redis://127.0.0.1:1: connect ECONNREFUSED 127.0.0.1:1');
    } finally {
      await database.drop();
    }
  });
});

describeNeeding(needsRedis(), 'rate limits shared through Redis', () => {
  const redisUrl = process.env.TEST_REDIS_URL!;

  it('two replicas share one budget, and /readyz reports Redis', async () => {
    const prefix = `cg-test:${process.pid}:${randomBytes(4).toString('hex')}`;
    const env = { REDIS_URL: redisUrl, RATE_LIMIT_PER_IP: '4', RATE_LIMIT_KEY_PREFIX: prefix };
    const a = await startTestServer('sqlite', { demo: true, env });
    const b = await startTestServer('sqlite', { demo: true, env });
    const redis = new Redis(redisUrl);
    try {
      expect(await (await fetch(`${a.app.url}/readyz`)).json()).toEqual({ status: 'ready', database: 'ok', redis: 'ok', redisSubscriber: 'ok' });
      const statuses = [];
      for (const server of [a, b, a, b, a, b]) statuses.push((await server.post({ query: PARTNERS })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    } finally {
      await a.close();
      await b.close();
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    }
  });
});

describeEachBackend('safelist mode', (backend) => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-safelist-'));
    const file = path.join(dir, 'manifest.json');
    fs.writeFileSync(file, JSON.stringify({
      format: 'apollo-persisted-query-manifest', version: 1,
      operations: [
        { id: sha256Hex(PARTNERS), name: 'Partners', type: 'query', body: PARTNERS },
        { id: sha256Hex(CHANGES), name: 'Changes', type: 'subscription', body: CHANGES },
      ],
    }));
    server = await startTestServer(backend, { demo: true, env: { SAFELIST_FILE: file } });
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs registered operations by hash or text, refuses others without a key, and lets keyed callers through', async () => {
    const byHash = await server.post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex(PARTNERS) } } });
    expect(byHash.json.data.partners).toHaveLength(5);
    expect((await server.post({ query: PARTNERS })).json.data.partners).toHaveLength(5);
    const other = await server.post({ query: '{ events(first: 1) { totalCount } }' });
    expect(other.status).toBe(403);
    expect(other.json.errors).toEqual([{
      message: 'This server runs only registered (persisted) operations without an API key (SAFELIST_FILE).',
      extensions: { code: 'PERSISTED_QUERY_NOT_ALLOWED' },
    }]);
    const { secret } = await server.app.services.apiKeys.create({ role: ApiKeyRole.ADMIN, label: 'ops' });
    const keyed = await server.post({ query: '{ events(first: 1) { totalCount } }' }, { authorization: `Bearer ${secret}` });
    expect(keyed.json.data.events.totalCount).toBeGreaterThan(0);
  });

  it('applies the safelist to graphql-ws subscribes without a key too', async () => {
    const socket = await connect(toWsUrl(server.graphqlUrl));
    try {
      socket.send({ type: 'subscribe', id: 'other', payload: { query: 'subscription { eventChanges { type event { id } } }' } });
      expect(await socket.next()).toEqual({ id: 'other', type: 'error', payload: [{
        message: 'This server runs only registered (persisted) operations without an API key (SAFELIST_FILE).',
        extensions: { code: 'PERSISTED_QUERY_NOT_ALLOWED' },
      }] });
      socket.send({ type: 'subscribe', id: 'listed', payload: { query: CHANGES } });
      socket.send({ type: 'ping' });
      expect(await socket.next()).toEqual({ type: 'pong' });
    } finally {
      socket.close();
    }
    const { secret } = await server.app.services.apiKeys.create({ role: ApiKeyRole.ADMIN, label: 'ops ws' });
    const keyed = await connect(toWsUrl(server.graphqlUrl), { authorization: `Bearer ${secret}` });
    try {
      keyed.send({ type: 'subscribe', id: 'any', payload: { query: 'subscription { eventChanges { type event { id } } }' } });
      keyed.send({ type: 'ping' });
      expect(await keyed.next()).toEqual({ type: 'pong' });
    } finally {
      keyed.close();
    }
  });
});
