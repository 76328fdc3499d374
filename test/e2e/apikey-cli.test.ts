import { createTestDatabase, describeEachBackend, TestDatabase } from '../support/backends';
import { readTable, runCli, startServe } from '../support/cli';

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
    expect(list.stdout).toMatch(/^ID {3,}ROLE {3,}PARTNER {3,}CREATED {3,}STATUS {3,}REVOKED {3,}LABEL\n/);
    const table = readTable(list.stdout);
    expect(table.header).toEqual(['ID', 'ROLE', 'PARTNER', 'CREATED', 'STATUS', 'REVOKED', 'LABEL']);
    expect(table.rows).toEqual(expect.arrayContaining([
      [adminId, 'ADMIN', '-', expect.stringMatching(/Z$/), 'active', '-', 'city IT'],
      [expect.any(String), 'PARTNER', 'millbrook-library', expect.stringMatching(/Z$/), 'active', '-', '-'],
    ]));
    expect(table.rows).toHaveLength(2);
    const json = await runCli(['apikey', 'list', '--json'], env);
    expect(json).toMatchObject({ code: 0, stderr: '' });
    const keys = JSON.parse(json.stdout) as Record<string, unknown>[];
    expect(keys.map((k) => Object.keys(k))).toEqual(Array(2).fill(['id', 'role', 'partner', 'createdAt', 'status', 'revokedAt', 'label']));
    expect(keys.map((k) => [k.id, k.role, k.partner ?? '-', k.createdAt, k.status, k.revokedAt ?? '-', k.label ?? '-'])).toEqual(table.rows);
    expect(keys).toContainEqual({ id: adminId, role: 'ADMIN', partner: null, createdAt: expect.any(String), status: 'active', revokedAt: null, label: 'city IT' });
    expect(json.stdout).not.toContain(adminKey);
    expect(list.stdout).not.toContain(adminKey);
    expect(list.stdout).not.toContain(partnerKey);

    const revoked = await runCli(['apikey', 'revoke', adminId], env);
    expect(revoked.stdout).toMatch(new RegExp(`^Revoked API key ${adminId} \\(ADMIN, "city IT"\\) at \\S+Z\\.\\n$`));
    expect(readTable((await runCli(['apikey', 'list'], env)).stdout).rows).toContainEqual([adminId, 'ADMIN', '-', expect.stringMatching(/Z$/), 'revoked', expect.stringMatching(/Z$/), 'city IT']);

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
    expect(badFlag.stderr).toMatch(/^Unknown option '--colour'.*\n\nUsage:\n  community-graph apikey create /);
  }, CLI_TIMEOUT_MS);
});
