import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeEachBackend, createTestDatabase, TestDatabase } from '../support/backends';
import { runCli } from '../support/cli';
import { FeedServer } from '../support/feed-server';

const fixture = (name: string) => pathToFileURL(path.join(__dirname, '../fixtures/ics', name)).href;

describeEachBackend('community-graph partners / sources / sync', (backend) => {
  let database: TestDatabase;
  let feeds: FeedServer;
  beforeAll(async () => {
    database = await createTestDatabase(backend);
    feeds = await new FeedServer().start();
    feeds.set('/down.ics', { kind: 'status', status: 404 });
  });
  afterAll(async () => {
    await feeds.close();
    await database.drop();
  });

  it('adds a partner and its feeds, syncs one source, then all with progress, and exits 1 when one fails', async () => {
    // The CLI fetches under the server's policy, so the operator allows the fixtures and the loopback feed server.
    const env = { DATABASE_URL: database.url, SYNC_RETRIES: '0', SOURCE_FILE_ROOTS: path.join(__dirname, '../fixtures'), SOURCE_ALLOW_HOSTS: '127.0.0.1' };
    const partner = await runCli(['partners', 'add', '--slug', 'eastside-elementary', '--name', 'Eastside Elementary', '--kind', 'school', '--timezone', 'America/Chicago'], env);
    expect(partner).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Added partner eastside-elementary \(\S+\)\.\n$/) });

    const added = await runCli(['sources', 'add', '--partner', 'eastside-elementary', '--format', 'ICALENDAR', '--url', fixture('recurrence.ics'),
      '--expand-from', '2025-12-01', '--expand-to', '2027-12-01T00:00:00Z'], env);
    expect(added.code).toBe(0);
    const sourceId = /Added source (\S+) /.exec(added.stdout)![1];
    await runCli(['sources', 'add', '--partner', 'eastside-elementary', '--format', 'ICALENDAR', '--url', `${feeds.url}/down.ics`], env);

    const one = await runCli(['sync', '--source', sourceId], env);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^\[1\/1\] syncing \S+ \.\.\.\n    fetched and parsed: 26 item\(s\); storing \.\.\.\n    stored\.\n\[1\/1\] OK \(created 26, updated 0, removed 0, unchanged 0, skipped 0\) in \d+ ms\n$/);

    const all = await runCli(['sync', '--all'], env);
    expect(all.code).toBe(1);
    expect(all.stdout).toContain(`[1/2] syncing eastside-elementary ICALENDAR ${fixture('recurrence.ics')} ...\n[1/2] NOT_MODIFIED`);
    expect(all.stdout).toContain(`[2/2] FAILED: HTTP 404 Not Found from ${feeds.url}/down.ics.\n`);
    expect(all.stderr).toBe('1 of 2 source(s) failed.\n');

    const list = await runCli(['sources', 'list', '--partner', 'eastside-elementary'], env);
    expect(list.stdout.split('\n').filter(Boolean).map((line) => line.split('\t').slice(1, 4))).toEqual([
      ['ICALENDAR', 'OK', '26 items'], ['ICALENDAR', 'FAILING', '0 items'],
    ]);
  }, 180_000); // seven child processes, each loading the whole server code through tsx

  it('explains usage mistakes with exit status 2, and bad values with the rule they break', async () => {
    const env = { DATABASE_URL: database.url };
    const neither = await runCli(['sync'], env);
    expect(neither).toMatchObject({ code: 2, stderr: 'Give exactly one of --source ID or --all.\nUsage: community-graph sync --source ID | --all\n' });
    const zone = await runCli(['partners', 'add', '--slug', 'x', '--name', 'X', '--kind', 'SCHOOL', '--timezone', 'Nowhere/Land'], env);
    expect(zone).toMatchObject({ code: 1, stderr: 'Invalid value for argument "input.timezone": "Nowhere/Land". Expected an IANA time zone such as America/Chicago.\n' });
  }, 60_000);
});
