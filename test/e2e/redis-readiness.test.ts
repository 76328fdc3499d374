import { ChildProcess } from 'node:child_process';
import { eventually, freePort, startRedis, stopRedis } from '../support/redis';
import { startTestServer, TestServer } from '../support/server';

describe('readiness when Redis goes away [sqlite]', () => {
  let redis: ChildProcess;
  let server: TestServer;
  let port: number;
  const readyz = async () => {
    const response = await fetch(`${server.app.url}/readyz`);
    return { status: response.status, body: await response.json() };
  };

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    server = await startTestServer('sqlite', { env: { REDIS_URL: `redis://127.0.0.1:${port}`, RATE_LIMIT_PER_IP: '100000' } });
  });
  afterAll(async () => {
    await server?.close();
    if (redis) await stopRedis(redis);
  });

  it('reports both Redis connections, answers 503 while Redis is down (queries still answer), and recovers when it returns', async () => {
    expect(await readyz()).toEqual({ status: 200, body: { status: 'ready', database: 'ok', redis: 'ok', redisSubscriber: 'ok' } });

    await stopRedis(redis);
    const down = await eventually(readyz, (r) => r.body.redisSubscriber === 'unreachable' && r.body.redis === 'unreachable');
    expect(down).toEqual({ status: 503, body: { status: 'unavailable', database: 'ok', redis: 'unreachable', redisSubscriber: 'unreachable' } });
    // Rate limits fall back to the in-process limiter: the API keeps answering.
    const { status, json } = await server.post({ query: '{ partners { slug } }' });
    expect(status).toBe(200);
    expect(json.data.partners).toHaveLength(5);
    expect((await fetch(`${server.app.url}/healthz`)).status).toBe(200);

    redis = await startRedis(port);
    const back = await eventually(readyz, (r) => r.status === 200);
    expect(back).toEqual({ status: 200, body: { status: 'ready', database: 'ok', redis: 'ok', redisSubscriber: 'ok' } });
  }, 60_000);
});
