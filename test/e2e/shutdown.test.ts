import net from 'node:net';
import { ChildProcess } from 'node:child_process';
import { createTestDatabase, TestDatabase } from '../support/backends';
import { startServe } from '../support/cli';

/** Resolves once the child has logged a line containing `text` (stdout, JSON logs at LOG_LEVEL=info). */
function logged(child: ChildProcess, text: string): Promise<void> {
  return new Promise((resolve) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(text)) {
        child.stdout!.off('data', onData);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
  });
}

/**
 * A POST whose body is held back: a request in flight. `Expect: 100-continue` makes the server answer
 * "100 Continue" once it has accepted the request, so the test knows the request is in progress.
 */
function startSlowRequest(url: string, body: string): Promise<{ finish(): void; response: Promise<string> }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname === 'localhost' ? '127.0.0.1' : hostname, () => {
      socket.write(`POST /graphql HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nConnection: close\r\n`
        + `Expect: 100-continue\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`);
    });
    let received = '';
    const response = new Promise<string>((done) => {
      socket.on('close', () => done(received));
      socket.on('error', () => done(received));
    });
    socket.on('data', (chunk) => {
      const first = received === '';
      received += chunk.toString();
      if (first) resolve({ finish: () => socket.end(body), response });
    });
    socket.once('error', reject);
  });
}

/** Whether connecting succeeds right now. */
function connectionRefusedOnce(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname === 'localhost' ? '127.0.0.1' : hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

/** The listener closes a moment after the shutdown log line: poll, bounded. */
async function connectionRefused(url: string): Promise<boolean> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await connectionRefusedOnce(url)) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

describe('graceful shutdown of `community-graph serve` [sqlite]', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
  });
  afterAll(() => database.drop());

  it('on SIGTERM stops accepting, lets the request in flight finish, and exits 0', async () => {
    const { child, url, exited } = await startServe({ DATABASE_URL: database.url, LOG_LEVEL: 'info', SHUTDOWN_TIMEOUT_MS: '20000' });
    const slow = await startSlowRequest(url, JSON.stringify({ query: '{ partners { slug } }' }));
    const draining = logged(child, 'shutting down: draining requests');
    child.kill('SIGTERM');
    await draining;
    expect(await connectionRefused(url)).toBe(true);
    slow.finish();
    const response = await slow.response;
    expect(response).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 OK/);
    expect(response).toContain('"slug":"millbrook-library"');
    expect(await exited).toBe(0);
  }, 120_000);

  it('cuts a request that does not finish by SHUTDOWN_TIMEOUT_MS and still exits 0', async () => {
    const { child, url, exited } = await startServe({ DATABASE_URL: database.url, LOG_LEVEL: 'info', SHUTDOWN_TIMEOUT_MS: '500' });
    const stuck = await startSlowRequest(url, JSON.stringify({ query: '{ partners { slug } }' }));
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.kill('SIGTERM');
    expect({ code: await exited, stderr }).toEqual({ code: 0, stderr: '' });
    expect(await stuck.response).toBe('HTTP/1.1 100 Continue\r\n\r\n');
  }, 120_000);
});
