import { ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import { startTestServer, TestServer } from '../support/server';

/** A free TCP port on 127.0.0.1 (bound, then released). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `check` every 50 ms, at most `attempts` times; the last value is returned either way. */
async function eventually<T>(check: () => Promise<T>, done: (value: T) => boolean, attempts = 200): Promise<T> {
  let value = await check();
  for (let i = 0; i < attempts && !done(value); i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await check();
  }
  return value;
}

/** A throwaway redis-server on 127.0.0.1 (no persistence), so this test may kill it. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  await new Promise<void>((resolve, reject) => {
    child.once('error', (error) => reject(new Error(`redis-server (needed by this test) could not start: ${error.message}`)));
    child.once('spawn', () => resolve());
  });
  const up = await eventually(() => new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  }), (ok) => ok);
  if (!up) throw new Error(`redis-server did not listen on 127.0.0.1:${port}`);
  return child;
}

const stop = (child: ChildProcess) => new Promise<void>((resolve) => {
  if (child.exitCode !== null || child.signalCode !== null) return resolve();
  child.once('exit', () => resolve());
  child.kill('SIGKILL');
});

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
    if (redis) await stop(redis);
  });

  it('reports both Redis connections, answers 503 while Redis is down (queries still answer), and recovers when it returns', async () => {
    expect(await readyz()).toEqual({ status: 200, body: { status: 'ready', database: 'ok', redis: 'ok', redisSubscriber: 'ok' } });

    await stop(redis);
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
