import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createTestDatabase, TestDatabase } from '../support/backends';
import { BIN, CliResult, FROM_SOURCE, runCli } from '../support/cli';

const ROOT = path.join(__dirname, '../..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const SECTION = README.slice(README.indexOf("**4. Add a partner's feed.**"), README.indexOf('## Documentation'));
/** The tour's command lines, exactly as a reader pastes them into a shell at the checkout. */
const LINES = [...SECTION.matchAll(/^npx community-graph .*$/gm)].map((m) => m[0]);

/** One README line through a shell (its quoting and `$PWD` as a reader's), `npx community-graph` being this checkout's command. */
function runLine(line: string, env: Record<string, string>): Promise<CliResult & { line: string }> {
  const command = line.replace(/^npx community-graph /, `"${process.execPath}" "${BIN}" `);
  return new Promise((resolve) => {
    execFile('/bin/sh', ['-c', command], { cwd: ROOT, env: { ...process.env, ...FROM_SOURCE, LOG_LEVEL: 'warn', ...env }, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ line, code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/**
 * Issue 32: the tour's "Add a partner's feed" works verbatim on a fresh clone with the demo loaded,
 * offline: no line reaches the network, and the new partner's feed syncs with events to show.
 */
describe("the README tour's command line", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    const seeded = await runCli(['seed'], { DATABASE_URL: database.url });
    expect(seeded.code).toBe(0);
  }, 120_000);
  afterAll(() => database.drop());

  it('adds the partner, its feed and a key, and the sync reports the new source OK with events created', async () => {
    expect(LINES.map((line) => line.split(' ').slice(2, 4).join(' '))).toEqual(['partners add', 'sources add', 'sync --all', 'apikey create']);
    const results = [];
    for (const line of LINES) results.push(await runLine(line, { DATABASE_URL: database.url }));
    for (const result of results) expect({ line: result.line, code: result.code, stderr: result.stderr }).toEqual({ line: result.line, code: 0, stderr: '' });

    const sync = results[2].stdout.split('\n');
    const started = sync.findIndex((row) => /^\[\d+\/\d+\] syncing eastside-elementary ICALENDAR file:\/\/\S+\/demo\/feeds\/millbrook-schools\.ics \.\.\.$/.test(row));
    expect(started).toBeGreaterThanOrEqual(0);
    const step = /^\[(\d+)\//.exec(sync[started])![1];
    const outcome = sync.slice(started + 1).find((row) => row.startsWith(`[${step}/`))!;
    expect(outcome).toMatch(/^\[\d+\/\d+\] OK \(created (\d+), /);
    expect(Number(/created (\d+)/.exec(outcome)![1])).toBeGreaterThan(0);
  }, 300_000);
});
