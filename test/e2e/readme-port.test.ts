import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { runCli, startServe } from '../support/cli';

/**
 * The README's "Another port" lines, checked against the real `community-graph serve` (what
 * `npm start` runs): the URL it prints for a chosen port, for PORT=0, and the line a taken port gets.
 */
const README = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');

/** Binds an ephemeral port on 127.0.0.1; `close` frees it again. */
async function holdPort(): Promise<{ port: number; close(): Promise<void> }> {
  const holder = net.createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  const { port } = holder.address() as net.AddressInfo;
  return { port, close: () => new Promise<void>((resolve) => holder.close(() => resolve())) };
}

describe('README: picking another port', () => {
  let dir: string;
  const env = () => ({ DEMO: 'off', DATABASE_URL: `sqlite://${path.join(dir, 'db.sqlite')}` });

  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-readme-port-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('PORT=<n> npm start prints the URL on that port', async () => {
    const documented = /^PORT=(\d+) npm start +# prints: Community Graph ready at (http:\/\/localhost:\d+\/graphql)$/m.exec(README);
    expect(documented).not.toBeNull();
    const [, readmePort, readmeUrl] = documented!;
    expect(readmeUrl).toBe(`http://localhost:${readmePort}/graphql`);

    const free = await holdPort();
    await free.close();
    const serve = await startServe({ ...env(), PORT: String(free.port) });
    try {
      expect(serve.url).toBe(readmeUrl.replace(`:${readmePort}/`, `:${free.port}/`));
      expect((await fetch(serve.url.replace('/graphql', '/healthz'))).status).toBe(200);
    } finally {
      serve.child.kill('SIGTERM');
      await serve.exited;
    }
  });

  it('PORT=0 npm start picks a free port and prints it', async () => {
    expect(README).toMatch(/^PORT=0 npm start +# a free port, picked by the system; the printed URL names it$/m);
    const serve = await startServe({ ...env(), PORT: '0' });
    try {
      const printed = /^http:\/\/localhost:(\d+)\/graphql$/.exec(serve.url);
      expect(printed).not.toBeNull();
      expect(Number(printed![1])).toBeGreaterThan(0);
      expect((await fetch(serve.url.replace('/graphql', '/healthz'))).status).toBe(200);
    } finally {
      serve.child.kill('SIGTERM');
      await serve.exited;
    }
  });

  it('a taken port gets the one line the README shows, and exit 1', async () => {
    const documented = /^(PORT=4000 is already in use on 127\.0\.0\.1 .*)$/m.exec(README);
    expect(documented).not.toBeNull();
    const held = await holdPort();
    try {
      const result = await runCli(['serve'], { ...env(), PORT: String(held.port) }, 30_000);
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toBe(documented![1].replace('PORT=4000', `PORT=${held.port}`));
    } finally {
      await held.close();
    }
  });
});
