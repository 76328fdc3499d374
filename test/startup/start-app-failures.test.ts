import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startApp } from '../../src/app';
import { Config, loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { itNeeding, needsPostgres } from '../support/needs';

/**
 * startApp (what `serve` runs) refusing a setup the operator can fix, with the one-line StartupError
 * `serve` prints; test/e2e/startup-errors.test.ts checks the printed line through the real CLI. A refused
 * start leaves nothing behind: no SQLite owner file, so the next start is not refused.
 */
describe('startApp refuses a broken setup with a StartupError naming the fix', () => {
  let dir: string;
  const config = (overrides: Partial<Config>): Config => ({
    ...loadConfig({ RATE_LIMIT: 'off' }), host: '127.0.0.1', port: 0, demo: false, ...overrides,
  });
  const start = (overrides: Partial<Config>) => startApp(config(overrides), { logger: createLogger('silent'), demo: null });
  const sqlite = (file: string): Partial<Config> => ({ database: { kind: 'sqlite', file } });

  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-start-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a SQLite file that is not a database: named, and its owner file released', async () => {
    const file = path.join(dir, 'notes.sqlite');
    fs.writeFileSync(file, 'These are my notes, not a database. '.repeat(200));
    await expect(start(sqlite(file))).rejects.toMatchObject({
      name: 'StartupError',
      message: `DATABASE_URL=sqlite://${file}: the file is not a SQLite database (SQLITE_NOTADB); point DATABASE_URL at a Community Graph database or a new file.`,
    });
    expect(fs.existsSync(`${file}.serve.pid`)).toBe(false);
  });

  it('a SQLite path that is a directory: cannot be opened', async () => {
    const file = path.join(dir, 'folder.sqlite');
    fs.mkdirSync(file);
    await expect(start(sqlite(file))).rejects.toMatchObject({
      name: 'StartupError',
      message: `DATABASE_URL=sqlite://${file}: the file cannot be opened or created (SQLITE_CANTOPEN); check that its directory exists and is writable, or set DATABASE_URL to another file.`,
    });
    expect(fs.existsSync(`${file}.serve.pid`)).toBe(false);
  });

  it('a SQLite file under a path that cannot be a directory: its directory cannot be written', async () => {
    const blocker = path.join(dir, 'a-file');
    fs.writeFileSync(blocker, '');
    const file = path.join(blocker, 'sub', 'db.sqlite');
    await expect(start(sqlite(file))).rejects.toMatchObject({
      name: 'StartupError',
      message: `DATABASE_URL=sqlite://${file}: its directory cannot be written (ENOTDIR); choose a writable directory, or set DATABASE_URL to another file.`,
    });
  });

  it('a SQLite file owned by a running process is refused; one left by a dead process (or garbage) is taken over, and released on close', async () => {
    const file = path.join(dir, 'db.sqlite');
    const lock = `${file}.serve.pid`;
    fs.writeFileSync(lock, String(process.ppid)); // jest's parent process: alive
    await expect(start(sqlite(file))).rejects.toMatchObject({
      name: 'StartupError', message: expect.stringContaining(`is already served by another community-graph (PID ${process.ppid})`),
    });
    expect(fs.readFileSync(lock, 'utf8')).toBe(String(process.ppid)); // another's claim is left alone

    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    for (const leftover of [String(dead), 'not a pid']) {
      fs.writeFileSync(lock, leftover);
      const app = await start(sqlite(file));
      expect(fs.readFileSync(lock, 'utf8')).toBe(String(process.pid));
      await app.close();
      expect(fs.existsSync(lock)).toBe(false);
    }
  });

  it('a HOST that is not an address of this machine is named before anything listens', async () => {
    await expect(start({ ...sqlite(path.join(dir, 'db.sqlite')), host: '192.0.2.1', port: 4999 })).rejects.toMatchObject({
      name: 'StartupError', message: 'HOST=192.0.2.1 is not an address of this machine; set HOST to 127.0.0.1, 0.0.0.0 or one of its addresses.',
    });
    expect(fs.existsSync(path.join(dir, 'db.sqlite.serve.pid'))).toBe(false);
  });

  it('a PORT that is taken is named before the database is opened or the demo loaded, and the next start is not refused', async () => {
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as net.AddressInfo;
    const file = path.join(dir, 'db.sqlite');
    const demo = { isEmpty: jest.fn(async () => true), seedDemo: jest.fn() };
    try {
      await expect(startApp(config({ ...sqlite(file), port, demo: true }), { logger: createLogger('silent'), demo })).rejects.toMatchObject({
        name: 'StartupError', message: `PORT=${port} is already in use on 127.0.0.1 (another community-graph?); stop it, or set PORT to a free port (0 picks one).`,
      });
    } finally {
      holder.close();
    }
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(demo.isEmpty).not.toHaveBeenCalled();
    expect(demo.seedDemo).not.toHaveBeenCalled();
    const app = await start(sqlite(file));
    await app.close();
    expect(fs.existsSync(`${file}.serve.pid`)).toBe(false);
  });

  itNeeding(needsPostgres(), 'PostgreSQL: a host that does not resolve, a role that does not exist, a missing database (password hidden)', async () => {
    const server = new URL(process.env.TEST_DATABASE_URL!);
    const at = (user: string, database: string) => {
      const url = new URL(server.toString());
      url.username = user;
      url.password = 'secret';
      url.pathname = `/${database}`;
      return url.toString();
    };
    const shown = (url: string) => url.replace(':secret@', ':***@');
    const postgres = (url: string) => start({ database: { kind: 'postgres', url } });

    const unresolved = 'postgres://postgres:secret@no-such-host.invalid:5432/postgres';
    await expect(postgres(unresolved)).rejects.toMatchObject({
      name: 'StartupError', message: `DATABASE_URL=${shown(unresolved)}: the host "no-such-host.invalid" does not resolve; fix the host in DATABASE_URL.`,
    });
    const nobody = at('cg_nobody', 'postgres');
    await expect(postgres(nobody)).rejects.toMatchObject({
      name: 'StartupError',
      message: `DATABASE_URL=${shown(nobody)}: PostgreSQL refused the login (role "cg_nobody" does not exist); use a role that exists with the right password (createuser cg_nobody), or fix the user in DATABASE_URL.`,
    });
    const missing = at(server.username || 'postgres', 'cg_no_such_database');
    await expect(postgres(missing)).rejects.toMatchObject({
      name: 'StartupError',
      message: `DATABASE_URL=${shown(missing)}: the database "cg_no_such_database" does not exist; create it with: createdb -h ${server.hostname} -p ${server.port || '5432'} -U ${server.username || 'postgres'} cg_no_such_database`,
    });
  });
});
