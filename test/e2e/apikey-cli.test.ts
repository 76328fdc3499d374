import { createTestDatabase, describeEachBackend, TestDatabase } from '../support/backends';
import { runCli, startServe } from '../support/cli';

/** Each CLI run starts Node + tsx (about 1 s of CPU); on a loaded machine several runs take a while. */
const CLI_TIMEOUT_MS = 180_000;

describeEachBackend('community-graph apikey', (backend) => {
  let database: TestDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    database = await createTestDatabase(backend);
    env = { DATABASE_URL: database.url };
    expect((await runCli(['seed'], env)).code).toBe(0);
  }, CLI_TIMEOUT_MS);
  afterAll(() => database.drop());

  it('creates keys (printed once), lists them without secrets, revokes one, and the server honours all three', async () => {
    const admin = await runCli(['apikey', 'create', '--role', 'admin', '--label', 'city IT'], env);
    expect(admin.code).toBe(0);
    const [, adminId, adminKey] = /^Created ADMIN API key (\S+)\.\nKey \(shown only now; store it in a secret manager\):\n(cg_[A-Za-z0-9_-]{32})\n$/.exec(admin.stdout)!;
    const partner = await runCli(['apikey', 'create', '--role', 'partner', '--partner', 'millbrook-library'], env);
    expect(partner.stdout).toMatch(/^Created PARTNER API key \S+ for partner millbrook-library\.\n/);
    const partnerKey = partner.stdout.trim().split('\n').pop()!;

    const list = await runCli(['apikey', 'list'], env);
    expect(list.code).toBe(0);
    const lines = list.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ID\s+ROLE\s+PARTNER\s+CREATED\s+STATUS\s+LABEL$/);
    expect(lines).toHaveLength(3);
    expect(list.stdout).toMatch(new RegExp(`${adminId}\\s+ADMIN\\s+-\\s+\\S+\\s+active\\s+city IT`));
    expect(list.stdout).toMatch(/PARTNER\s+millbrook-library\s+\S+\s+active\s+-/);
    expect(list.stdout).not.toContain(adminKey);
    expect(list.stdout).not.toContain(partnerKey);

    const revoked = await runCli(['apikey', 'revoke', adminId], env);
    expect(revoked.stdout).toMatch(new RegExp(`^Revoked API key ${adminId} \\(ADMIN, "city IT"\\) at \\S+Z\\.\\n$`));
    expect((await runCli(['apikey', 'list'], env)).stdout).toMatch(new RegExp(`${adminId}\\s+ADMIN\\s+-\\s+\\S+\\s+revoked \\S+Z\\s+city IT`));

    const { child, url, exited } = await startServe({ ...env, DEMO: 'off' });
    try {
      const ask = (key: string) => fetch(url.replace('localhost', '127.0.0.1'), {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query: '{ partners { slug } }' }),
      });
      expect((await ask(partnerKey)).status).toBe(200);
      const refused = await ask(adminKey);
      expect(refused.status).toBe(401);
      expect((await refused.json()).errors[0]).toMatchObject({ message: 'The API key is unknown or revoked.', extensions: { code: 'UNAUTHENTICATED' } });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, CLI_TIMEOUT_MS);

  it('explains usage errors with exit code 2 and an unknown id with exit code 1', async () => {
    const noRole = await runCli(['apikey', 'create'], env);
    expect(noRole.code).toBe(2);
    expect(noRole.stderr).toMatch(/^--role must be admin or partner, got ""\.\n\nUsage:/);
    const noPartner = await runCli(['apikey', 'create', '--role', 'partner'], env);
    expect(noPartner.stderr).toMatch(/^A partner key needs --partner SLUG\./);
    const unknownPartner = await runCli(['apikey', 'create', '--role', 'partner', '--partner', 'nope'], env);
    expect(unknownPartner).toMatchObject({ code: 2, stdout: '' });
    expect(unknownPartner.stderr).toMatch(/^No partner has the slug "nope"\./);
    const unknownId = await runCli(['apikey', 'revoke', 'no-such-id'], env);
    expect(unknownId).toMatchObject({ code: 1, stderr: 'No API key has the id "no-such-id".\n' });
    const badFlag = await runCli(['apikey', 'list', '--colour'], env);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toContain("Unknown option '--colour'");
  }, CLI_TIMEOUT_MS);
});
