import http from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { openDatabase } from '../../src/db/data-source';
import { EventEntity } from '../../src/model/event.entity';
import { SourceEntity } from '../../src/model/source.entity';
import { createTestDatabase, TestDatabase } from '../support/backends';
import { runCli, startServe } from '../support/cli';

/**
 * A partner server that answers with headers and the first lines of a calendar, then never finishes:
 * the slowest kind of partner. `requested` resolves once the server's sync is in the middle of the pull.
 */
async function startStalledFeed(): Promise<{ url: string; requested: Promise<void>; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let markRequested: () => void = () => undefined;
  const requested = new Promise<void>((resolve) => (markRequested = resolve));
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/calendar' });
    res.write('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Stalled//EN\r\n', () => markRequested());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/calendar.ics`,
    requested,
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}

describe('graceful shutdown with a partner sync running [sqlite]', () => {
  let database: TestDatabase;
  let feed: Awaited<ReturnType<typeof startStalledFeed>>;
  const env = () => ({ DATABASE_URL: database.url, DEMO: 'off', SOURCE_ALLOW_HOSTS: '127.0.0.1' });

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    feed = await startStalledFeed();
  });
  afterAll(async () => {
    await feed.close();
    await database.drop();
  });

  it('on SIGTERM interrupts the stalled pull, writes nothing, leaves the source due, closes the database and exits 0', async () => {
    expect((await runCli(['partners', 'add', '--slug', 'slow-museum', '--name', 'Slow Museum', '--kind', 'museum', '--timezone', 'America/Chicago'], env())).code).toBe(0);
    const added = await runCli(['sources', 'add', '--partner', 'slow-museum', '--format', 'ICALENDAR', '--url', feed.url], env());
    expect(added).toMatchObject({ code: 0, stderr: '' });

    // The per-attempt fetch timeout (60 s) is far past the shutdown deadline (2 s + 5 s margin): only
    // an interrupted pull lets the process exit 0; a pull left running would end in exit 1.
    const { child, exited } = await startServe({
      ...env(), LOG_LEVEL: 'info', SYNC_SCHEDULER: 'on', SYNC_SCHEDULER_TICK_MS: '100', SYNC_TIMEOUT_MS: '60000', SYNC_RETRIES: '0', SHUTDOWN_TIMEOUT_MS: '2000',
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk) => (stdout += chunk));
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    await feed.requested;
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
    const logged = stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as { msg: string; status?: string; error?: string });
    // From the signal on (start-up lines may or may not be in what was read after "ready").
    const lines = logged.slice(logged.findIndex((line) => line.msg === 'shutting down: draining requests'));
    // The sync engine logs through the server's logger too (it was built without one before).
    expect(lines.map((line) => line.msg)).toEqual(['shutting down: draining requests', 'sync interrupted by shutdown; it stays due', 'scheduled sync', 'shut down cleanly']);
    expect(lines[2]).toMatchObject({ status: 'FAILED', error: `Fetching ${feed.url} was interrupted: the server is shutting down.` });

    // The database was closed cleanly (no lock left behind) and holds no trace of the interrupted sync.
    const db = await openDatabase(database.config);
    try {
      const source = await db.getRepository(SourceEntity).findOneByOrFail({ url: feed.url });
      expect(source).toMatchObject({ lastAttemptAt: null, lastSuccessAt: null, lastError: null, consecutiveFailures: 0, itemCount: 0 });
      expect(source.nextSyncAt!.getTime()).toBeLessThanOrEqual(Date.now());
      expect(await db.getRepository(EventEntity).count()).toBe(0);
    } finally {
      await db.destroy();
    }
  }, 120_000);
});
