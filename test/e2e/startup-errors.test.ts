import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { runCli, startServe } from '../support/cli';
import { itNeeding, needsPostgres } from '../support/needs';

/**
 * A newcomer's start-up mistakes, through the real `community-graph serve`: one line on stderr naming
 * the setting, its value (no password) and the fix; exit 1; no stack.
 */
describe('community-graph serve explains a failed start in one line', () => {
  const serve = (env: Record<string, string>) => runCli(['serve'], { DEMO: 'off', PORT: '0', ...env }, 30_000);
  const oneLine = (stderr: string) => {
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /);
    return lines[0];
  };

  it('names LOG_LEVEL and the levels it takes', async () => {
    const result = await serve({ LOG_LEVEL: 'verbose' });
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toBe('Invalid LOG_LEVEL="verbose": expected fatal, error, warn, info, debug, trace, silent');
  });

  it('names REGISTRANT_RETENTION_DAYS when it is not a whole number of days from 1', async () => {
    const result = await serve({ REGISTRANT_RETENTION_DAYS: '0' });
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toBe('Invalid REGISTRANT_RETENTION_DAYS="0": expected an integer >= 1');
  });

  itNeeding(needsPostgres(), 'names DATABASE_URL for a role that does not exist, a closed port and a missing database (password hidden)', async () => {
    const role = await serve({ DATABASE_URL: 'postgres://nobody@127.0.0.1:5432/postgres' });
    expect(role.code).toBe(1);
    expect(oneLine(role.stderr)).toBe('DATABASE_URL=postgres://nobody@127.0.0.1:5432/postgres: PostgreSQL refused the login (role "nobody" does not exist); use a role that exists with the right password (createuser nobody), or fix the user in DATABASE_URL.');
    const closed = await serve({ DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:5999/postgres' });
    expect(closed.code).toBe(1);
    expect(oneLine(closed.stderr)).toBe('DATABASE_URL=postgres://postgres:***@127.0.0.1:5999/postgres: nothing accepts connections at 127.0.0.1:5999; start PostgreSQL there, or fix the host and port in DATABASE_URL.');
    const missing = await serve({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/cg_no_such_database' });
    expect(missing.code).toBe(1);
    expect(oneLine(missing.stderr)).toBe('DATABASE_URL=postgres://postgres@127.0.0.1:5432/cg_no_such_database: the database "cg_no_such_database" does not exist; create it with: createdb -h 127.0.0.1 -p 5432 -U postgres cg_no_such_database');
  });

  it('names PORT when it is taken, before a new database is created or the demo loaded into it', async () => {
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as net.AddressInfo).port;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-port-'));
    try {
      const file = path.join(dir, 'data', 'db.sqlite');
      const result = await serve({ PORT: String(port), DEMO: 'on', DATABASE_URL: `sqlite://${file}` });
      expect(result.code).toBe(1);
      expect(oneLine(result.stderr)).toBe(`PORT=${port} is already in use on 127.0.0.1 (another community-graph?); stop it, or set PORT to a free port (0 picks one).`);
      // Not even the database's directory: no file was created, migrated or seeded with Millbrook.
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      holder.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a second server on one SQLite file, and serves it again once the first has stopped', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-owner-'));
    const file = path.join(dir, 'db.sqlite');
    try {
      const first = await startServe({ DEMO: 'off', DATABASE_URL: `sqlite://${file}` });
      const second = await serve({ DATABASE_URL: `sqlite://${file}` });
      expect(second.code).toBe(1);
      expect(oneLine(second.stderr)).toBe(`DATABASE_URL=sqlite://${file} is already served by another community-graph (PID ${first.child.pid}); stop it first, or set DATABASE_URL to another file (one server per SQLite file; use PostgreSQL for replicas).`);
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
      const again = await startServe({ DEMO: 'off', DATABASE_URL: `sqlite://${file}` });
      again.child.kill('SIGTERM');
      expect(await again.exited).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
