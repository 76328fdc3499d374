import { ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import { describeNeeding, needsRedis } from './needs';

/**
 * Suites that need a real Redis (TEST_REDIS_URL). Without it the suite is skipped locally (the reason
 * in its name) and fails in CI (CI=true), so a missing Redis never passes for a green run.
 */
export function describeWithRedis(title: string, body: (redisUrl: string) => void): void {
  const redisUrl = process.env.TEST_REDIS_URL;
  if (redisUrl) {
    body(redisUrl);
    return;
  }
  describeNeeding(needsRedis(), title, () => undefined);
}

/** A free TCP port on 127.0.0.1 (bound, then released). */
export function freePort(): Promise<number> {
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
export async function eventually<T>(check: () => Promise<T>, done: (value: T) => boolean, attempts = 200): Promise<T> {
  let value = await check();
  for (let i = 0; i < attempts && !done(value); i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await check();
  }
  return value;
}

/** A throwaway redis-server on 127.0.0.1 (no persistence), so this test may kill it. */
export async function startRedis(port: number): Promise<ChildProcess> {
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

/** Kills a redis-server started by startRedis (SIGKILL: gone at once, as in a crash) and waits for its exit. */
export const stopRedis = (child: ChildProcess) => new Promise<void>((resolve) => {
  if (child.exitCode !== null || child.signalCode !== null) return resolve();
  child.once('exit', () => resolve());
  child.kill('SIGKILL');
});
