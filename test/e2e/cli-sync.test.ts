import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeEachBackend, createTestDatabase, TestDatabase } from '../support/backends';
import { readTable, runCli } from '../support/cli';
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
    const failing = await runCli(['sources', 'add', '--partner', 'eastside-elementary', '--format', 'ICALENDAR', '--url', `${feeds.url}/down.ics`], env);
    const failingId = /Added source (\S+) /.exec(failing.stdout)![1];

    const one = await runCli(['sync', '--source', sourceId], env);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^\[1\/1\] syncing \S+ \.\.\.\n    fetched and parsed: 26 item\(s\); storing \.\.\.\n    stored\.\n\[1\/1\] OK \(created 26, updated 0, removed 0, unchanged 0, skipped 0\) in \d+ ms\n$/);

    // LOG_LEVEL unset, as an operator runs it: the FAILED line is the one report of the failure, no
    // structured log line beside it on either stream.
    const all = await runCli(['sync', '--all'], { ...env, LOG_LEVEL: '' });
    expect(all.code).toBe(1);
    expect(all.stdout).toContain(`[1/2] syncing eastside-elementary ICALENDAR ${fixture('recurrence.ics')} ...\n[1/2] NOT_MODIFIED`);
    expect(all.stdout).toContain(`[2/2] FAILED: HTTP 404 Not Found from ${feeds.url}/down.ics.\n`);
    expect(all.stdout.split('\n').filter((line) => line.startsWith('{'))).toEqual([]);
    expect(all.stderr).toBe('1 of 2 source(s) failed.\n');
    // Asked for, the log is there, on stderr (stdout stays the command's own).
    const logged = await runCli(['sync', '--source', failingId], { ...env, LOG_LEVEL: 'warn' });
    expect(logged.code).toBe(1);
    expect(logged.stdout).toContain(`[1/1] FAILED: HTTP 404 Not Found from ${feeds.url}/down.ics.\n`);
    expect(logged.stdout).not.toMatch(/^\{/m);
    const [logLine, summary] = logged.stderr.split('\n');
    expect(JSON.parse(logLine)).toMatchObject({ level: 40, msg: 'sync failed' });
    expect(summary).toBe('1 of 1 source(s) failed.');

    const list = await runCli(['sources', 'list', '--partner', 'eastside-elementary'], env);
    expect(list).toMatchObject({ code: 0, stderr: '' });
    expect(list.stdout).toMatch(/^ID {3,}PARTNER {3,}FORMAT {3,}HEALTH {3,}ITEMS {3,}URL {3,}LAST ERROR\n/);
    const table = readTable(list.stdout);
    expect(table.header).toEqual(['ID', 'PARTNER', 'FORMAT', 'HEALTH', 'ITEMS', 'URL', 'LAST ERROR']);
    expect(table.rows).toEqual([
      [sourceId, 'eastside-elementary', 'ICALENDAR', 'OK', '26', fixture('recurrence.ics'), '-'],
      [failingId, 'eastside-elementary', 'ICALENDAR', 'FAILING', '0', `${feeds.url}/down.ics`, `HTTP 404 Not Found from ${feeds.url}/down.ics.`],
    ]);
    const json = await runCli(['sources', 'list', '--partner', 'eastside-elementary', '--json'], env);
    expect(json).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(json.stdout)).toEqual([
      { id: sourceId, partner: 'eastside-elementary', format: 'ICALENDAR', health: 'OK', items: 26, url: fixture('recurrence.ics'), lastError: null },
      { id: failingId, partner: 'eastside-elementary', format: 'ICALENDAR', health: 'FAILING', items: 0, url: `${feeds.url}/down.ics`, lastError: `HTTP 404 Not Found from ${feeds.url}/down.ics.` },
    ]);
  }, 300_000); // ten child processes, each loading the whole server code through tsx

  it('explains usage mistakes with exit status 2, and bad values with the rule they break', async () => {
    const env = { DATABASE_URL: database.url };
    const neither = await runCli(['sync'], env);
    expect(neither).toMatchObject({ code: 2, stdout: '' });
    expect(neither.stderr).toMatch(/^Give exactly one of --source ID or --all\.\n\nUsage:\n  community-graph sync --source ID\n  community-graph sync --all\n/);
    const zone = await runCli(['partners', 'add', '--slug', 'x', '--name', 'X', '--kind', 'SCHOOL', '--timezone', 'Nowhere/Land'], env);
    expect(zone).toMatchObject({ code: 1, stderr: 'Invalid value for argument "input.timezone": "Nowhere/Land". Expected an IANA time zone such as America/Chicago.\n' });
  }, 60_000);
});
