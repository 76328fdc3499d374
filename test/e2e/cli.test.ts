import { describeEachBackend, createTestDatabase, TestDatabase } from '../support/backends';
import { runCli, startServe } from '../support/cli';

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

describe('the community-graph command line', () => {
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
