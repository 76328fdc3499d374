import http from 'node:http';
import { AddressInfo } from 'node:net';
import express, { ErrorRequestHandler, RequestHandler } from 'express';
import { inSeries } from '../../src/edge/middleware/in-series';

/**
 * inSeries must route like Express's own stack of handlers: the same scenarios are served twice,
 * once as `app.post(path, ...handlers)` and once as `app.post(path, inSeries(handlers))`, and the
 * answers compared.
 */
type Scenario = RequestHandler[];

const mark = (name: string): RequestHandler => (req, _res, next) => {
  (req as unknown as { trail: string[] }).trail.push(name);
  next();
};

const scenarios: Record<string, Scenario> = {
  'all pass, the last answers': [mark('a'), mark('b'), (req, res) => { res.json({ trail: (req as unknown as { trail: string[] }).trail }); }],
  'all pass, nobody answers (falls through to the next layer)': [mark('a'), mark('b')],
  'next(error) skips the rest': [mark('a'), (_req, _res, next) => next(new Error('refused')), mark('never')],
  'a throw skips the rest': [mark('a'), () => { throw new Error('thrown'); }, mark('never')],
  'a rejected promise skips the rest': [mark('a'), async () => { throw new Error('rejected'); }, mark('never')],
  'an async handler that calls next goes on': [async (_req, _res, next) => { await Promise.resolve(); next(); }, mark('after async')],
};

async function serve(wrap: boolean): Promise<{ url: string; close(): Promise<void> }> {
  const app = express();
  app.use((req, _res, next) => { (req as unknown as { trail: string[] }).trail = []; next(); });
  Object.values(scenarios).forEach((handlers, i) => {
    if (wrap) app.post(`/s${i}`, inSeries(handlers));
    else app.post(`/s${i}`, ...handlers);
  });
  app.use((req, res) => { res.status(404).json({ fellThrough: (req as unknown as { trail: string[] }).trail }); });
  const onError: ErrorRequestHandler = (error: Error, req, res, _next) => {
    res.status(500).json({ error: error.message, trail: (req as unknown as { trail: string[] }).trail });
  };
  app.use(onError);
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((done) => server.close(() => done())) };
}

describe('inSeries: several Express handlers as one layer', () => {
  let plain: Awaited<ReturnType<typeof serve>>;
  let wrapped: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    plain = await serve(false);
    wrapped = await serve(true);
  });
  afterAll(async () => {
    await plain.close();
    await wrapped.close();
  });

  const ask = async (base: string, i: number) => {
    const res = await fetch(`${base}/s${i}`, { method: 'POST' });
    return { status: res.status, body: await res.json() };
  };

  Object.keys(scenarios).forEach((name, i) => {
    it(`routes as Express does: ${name}`, async () => {
      const expected = await ask(plain.url, i);
      const actual = await ask(wrapped.url, i);
      expect(actual).toEqual(expected);
      expect(JSON.stringify(actual.body)).not.toContain('never');
    });
  });

  it('answers what each scenario should (the reference itself is checked)', async () => {
    expect(await ask(wrapped.url, 0)).toEqual({ status: 200, body: { trail: ['a', 'b'] } });
    expect(await ask(wrapped.url, 1)).toEqual({ status: 404, body: { fellThrough: ['a', 'b'] } });
    expect(await ask(wrapped.url, 2)).toEqual({ status: 500, body: { error: 'refused', trail: ['a'] } });
    expect(await ask(wrapped.url, 4)).toEqual({ status: 500, body: { error: 'rejected', trail: ['a'] } });
    expect(await ask(wrapped.url, 5)).toEqual({ status: 404, body: { fellThrough: ['after async'] } });
  });
});
