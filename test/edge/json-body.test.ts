import http from 'node:http';
import { AddressInfo } from 'node:net';
import express from 'express';
import { jsonBodyFastPath } from '../../src/edge/middleware/json-body.middleware';
import { requestErrorHandler } from '../../src/edge/request-errors';
import { createLogger } from '../../src/logger';

const LIMIT = 200;

/** A server that echoes the parsed body, with or without the fast path in front of express.json. */
async function echoServer(fast: boolean, reference = true): Promise<{ url: string; close(): Promise<void> }> {
  const app = express();
  app.post('/graphql', ...(fast ? [jsonBodyFastPath(LIMIT)] : []), ...(reference ? [express.json({ limit: LIMIT })] : []), (req, res) => { res.json({ body: req.body ?? null }); });
  app.use(requestErrorHandler(createLogger('silent')));
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, close: () => new Promise((done) => server.close(() => done())) };
}

describe('the JSON body fast path', () => {
  let fast: Awaited<ReturnType<typeof echoServer>>;
  let reference: Awaited<ReturnType<typeof echoServer>>;
  beforeAll(async () => {
    fast = await echoServer(true);
    reference = await echoServer(false);
  });
  afterAll(async () => {
    await fast.close();
    await reference.close();
  });

  const send = async (url: string, body: string, headers: Record<string, string>) => {
    const res = await fetch(url, { method: 'POST', body, headers });
    return { status: res.status, text: await res.text() };
  };

  it('reads the usual body by itself (no body-parser behind it)', async () => {
    const alone = await echoServer(true, false);
    try {
      const body = '{"query":"{ partners { slug } }"}';
      expect(await send(alone.url, body, { 'content-type': 'application/json' })).toEqual({ status: 200, text: `{"body":${body}}` });
      // A compressed body is not its to read: without body-parser it stays unread.
      expect(await send(alone.url, body, { 'content-type': 'application/json', 'content-encoding': 'gzip' })).toEqual({ status: 200, text: '{"body":null}' });
    } finally {
      await alone.close();
    }
  });

  it.each<[string, string, Record<string, string>]>([
    ['an operation', '{"query":"{ partners { slug } }","variables":{"a":[1,2]}}', { 'content-type': 'application/json' }],
    ['a UTF-8 charset and leading whitespace', ' \n{"query":"{ événements }"}', { 'content-type': 'application/json; charset=utf-8' }],
    ['a quoted charset in capitals', '{"a":1}', { 'content-type': 'Application/JSON; charset="UTF-8"' }],
    ['an array (a batch)', '[{"query":"{ a }"},{"query":"{ b }"}]', { 'content-type': 'application/json' }],
    ['malformed JSON', '{"query": ', { 'content-type': 'application/json' }],
    ['a JSON string, not an object', '"{ partners { slug } }"', { 'content-type': 'application/json' }],
    ['a JSON null', 'null', { 'content-type': 'application/json' }],
    ['a body over the limit', JSON.stringify({ query: 'x'.repeat(LIMIT) }), { 'content-type': 'application/json' }],
    ['another charset', '{"a":1}', { 'content-type': 'application/json; charset=latin1' }],
    ['a form body', 'a=1', { 'content-type': 'application/x-www-form-urlencoded' }],
  ])('answers %s as body-parser alone does', async (_case, body, headers) => {
    const ours = await send(fast.url, body, headers);
    expect(ours).toEqual(await send(reference.url, body, headers));
    expect(ours.status).toBeLessThan(500);
  });
});
