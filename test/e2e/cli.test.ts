import path from 'node:path';
import { describeEachBackend, createTestDatabase, TestDatabase } from '../support/backends';
import { CliResult, readTable, runCli, startServe } from '../support/cli';

describeEachBackend('the community-graph command', (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(backend);
  });
  afterAll(() => database.drop());

  it('migrates, seeds once, refuses to seed twice, then serves the data and stops cleanly on SIGTERM', async () => {
    const env = { DATABASE_URL: database.url };
    const migrated = await runCli(['migrate'], env);
    expect(migrated).toMatchObject({ code: 0, stdout: 'Database is up to date.\n' });

    const seeded = await runCli(['seed'], env);
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toMatch(/^Loaded the demo: 5 partners, 8 locations, \d+ events, \d+ registrations\.\n$/);
    const again = await runCli(['seed'], env);
    expect(again.stdout).toBe('The database already has partners; not loading the demo (use --force to add it anyway).\n');

    const partners = await runCli(['partners', 'list'], env);
    expect(partners).toMatchObject({ code: 0, stderr: '' });
    expect(partners.stdout).toMatch(/^SLUG {3,}KIND {3,}TIMEZONE {3,}ID {3,}NAME\n/);
    const table = readTable(partners.stdout);
    expect(table.header).toEqual(['SLUG', 'KIND', 'TIMEZONE', 'ID', 'NAME']);
    expect(table.rows).toContainEqual(['millbrook-library', 'LIBRARY', 'America/Chicago', expect.any(String), 'Millbrook Public Library']);
    expect(table.rows).toHaveLength(5);
    const json = await runCli(['partners', 'list', '--json'], env);
    expect(json).toMatchObject({ code: 0, stderr: '' });
    const listed = JSON.parse(json.stdout) as Record<string, string>[];
    expect(listed.map((p) => Object.keys(p))).toEqual(Array(5).fill(['slug', 'kind', 'timezone', 'id', 'name']));
    // The same facts as the table, the global id included.
    expect(listed.map((p) => [p.slug, p.kind, p.timezone, p.id, p.name])).toEqual(table.rows);
    expect(Buffer.from(listed[0].id, 'base64url').toString()).toMatch(/^Partner:/);

    const { child, url, exited } = await startServe({ ...env, DEMO: 'off' });
    try {
      expect(url).toMatch(/^http:\/\/localhost:\d+\/graphql$/);
      const response = await fetch(url.replace('localhost', '127.0.0.1'), {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ partners { slug } }' }),
      });
      expect((await response.json()).data.partners).toHaveLength(5);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});

/** Runs a few commands at a time: each is a Node process loading the server code through tsx. */
async function runAll(argvs: string[][]): Promise<Map<string, CliResult>> {
  const results = new Map<string, CliResult>();
  const queue = [...argvs];
  await Promise.all([1, 2].map(async () => {
    for (let argv = queue.shift(); argv; argv = queue.shift()) results.set(argv.join(' '), await runCli(argv, {}));
  }));
  return results;
}

const EXIT_STATUS = 'Exit status: 0 success, 1 the command ran and failed (e.g. a sync with a FAILED source), 2 a usage mistake.\n';

describe('the community-graph command line', () => {
  it('answers --help, -h and help <command> for every command it lists, and every subcommand, on stdout with status 0', async () => {
    const top = await runCli(['--help'], {});
    expect(top).toMatchObject({ code: 0, stderr: '' });
    expect(top.stdout.endsWith(EXIT_STATUS)).toBe(true);
    // The commands as the usage lists them (generated from src/cli/commands.ts's COMMANDS): a new one is covered here.
    const commands = [...top.stdout.split('\nCommands:\n')[1].matchAll(/^ {2}(\S+) /gm)].map((m) => m[1]);
    expect(commands).toEqual(expect.arrayContaining(['serve', 'migrate', 'seed', 'partners', 'sources', 'sync', 'registrations', 'apikey']));
    const subcommands = [['partners', 'add'], ['partners', 'list'], ['sources', 'add'], ['sources', 'list'], ['sources', 'check'], ['registrations', 'purge'], ['apikey', 'create'], ['apikey', 'list'], ['apikey', 'revoke']];
    const asks = [
      ...commands.flatMap((name) => [[name, '--help'], ['help', name]]),
      ...subcommands.map((words, i) => [...words, i % 2 ? '-h' : '--help']),
      ['help'], ['-h'],
    ];
    const results = await runAll(asks);
    for (const argv of asks) {
      const result = results.get(argv.join(' '))!;
      const command = argv[0] === 'help' ? argv[1] : argv[0];
      expect({ argv, code: result.code, stderr: result.stderr }).toEqual({ argv, code: 0, stderr: '' });
      expect(result.stdout).toMatch(command && command !== '-h' ? new RegExp(`^Usage:\\s+community-graph ${command}\\b`) : /^Usage: community-graph <command>/);
      expect(result.stdout.endsWith(EXIT_STATUS)).toBe(true);
      if (argv.length === 3 && argv[0] !== 'help') expect(result.stdout).toContain(`community-graph ${argv[0]} ${argv[1]}`);
    }
  }, 300_000);

  it('answers a usage mistake with the message and the usage on stderr, status 2', async () => {
    const mistakes = [['partners', 'list', '--colour'], ['sources', 'list', '--all'], ['migrate', '--force'], ['serve', '--port', '4000'], ['partners'], ['help', 'frobnicate']];
    const results = await runAll(mistakes);
    for (const argv of mistakes) {
      const result = results.get(argv.join(' '))!;
      expect({ argv, code: result.code, stdout: result.stdout }).toEqual({ argv, code: 2, stdout: '' });
      expect(result.stderr).toMatch(/^\S.*\n\nUsage:/);
      expect(result.stderr.endsWith(EXIT_STATUS)).toBe(true);
    }
    expect(results.get('partners list --colour')!.stderr).toMatch(/^Unknown option '--colour'/);
    expect(results.get('partners list --colour')!.stderr).toContain('\n\nUsage:\n  community-graph partners add ');
    expect(results.get('partners')!.stderr).toMatch(/^partners needs an action: add or list\.\n\nUsage:\n/);
    expect(results.get('help frobnicate')!.stderr).toMatch(/^Unknown command "frobnicate"\.\n\nUsage: community-graph <command>/);
  }, 300_000);

  it('answers help and an unknown command without loading a command, the database driver, the API or the demo', async () => {
    const asks = [['--help'], ['help', 'sources'], ['sync', '--help'], ['frobnicate']];
    const preload = { NODE_OPTIONS: `--require ${path.join(__dirname, '../support/report-loaded-modules.js')}` };
    const heavy = /[\\/](node_modules[\\/](typeorm|better-sqlite3|pg|type-graphql|graphql|@apollo|@opentelemetry)|demo|src[\\/]cli[\\/]\w+\.command\.ts|src[\\/]compose\.ts)[\\/.]/;
    for (const argv of asks) {
      const result = await runCli(argv, preload);
      const loaded = JSON.parse(/^loaded modules: (.*)$/m.exec(result.stderr)![1]) as string[];
      expect(loaded.length).toBeGreaterThan(3);
      expect({ argv, heavy: loaded.filter((file) => heavy.test(file)) }).toEqual({ argv, heavy: [] });
    }
    // A database command loads the database code and the services, not the API (src/compose-schema.ts)
    // nor the tracing SDK: that is what makes it answer in well under a second once compiled.
    const listed = await runCli(['partners', 'list'], { ...preload, DATABASE_URL: 'sqlite:///nonexistent-dir-for-this-test/x.sqlite' });
    const loaded = JSON.parse(/^loaded modules: (.*)$/m.exec(listed.stderr)![1]) as string[];
    expect(loaded.some((file) => /node_modules[\\/]typeorm[\\/]/.test(file))).toBe(true);
    expect(loaded.some((file) => /src[\\/]compose\.ts$/.test(file))).toBe(true);
    const api = /[\\/](node_modules[\\/](type-graphql|@apollo|graphql-scalars|@opentelemetry[\\/]sdk-trace-node)|src[\\/](compose-schema|schema[\\/]build-schema)\.ts)/;
    expect(loaded.filter((file) => api.test(file))).toEqual([]);
  }, 120_000);

  it('prints usage for --help and fails on an unknown command or a bad DATABASE_URL', async () => {
    expect((await runCli(['--help'], {})).stdout).toContain('Usage: community-graph <command>');
    const unknown = await runCli(['frobnicate'], {});
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "frobnicate".');
    const badUrl = await runCli(['migrate'], { DATABASE_URL: 'mysql://nope' });
    expect(badUrl.code).toBe(1);
    expect(badUrl.stderr).toBe('Invalid DATABASE_URL="mysql://nope": expected unset, sqlite:///absolute/path.sqlite or postgres://...\n');
  });
});
