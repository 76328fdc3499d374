import { DataSource } from 'typeorm';
import { openDatabase } from '../../src/db/data-source';
import { RegistrationEntity } from '../../src/model/registration.entity';
import { createTestDatabase, describeEachBackend, TestDatabase } from '../support/backends';
import { readTable, runCli } from '../support/cli';
import { endedEventWith } from '../support/ended-event';
import { createPartner } from '../support/native-event';

/** Each CLI run starts Node + tsx (about 1 s of CPU); on a loaded machine several runs take a while. */
const CLI_TIMEOUT_MS = 180_000;

describeEachBackend('community-graph registrations purge', (backend) => {
  let database: TestDatabase;
  let db: DataSource;
  let env: Record<string, string>;
  const held = async () => (await db.getRepository(RegistrationEntity).find({ order: { email: 'ASC' } })).filter((r) => r.erasedAt === null).map((r) => r.email);

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    db = await openDatabase(database.config);
    env = { DATABASE_URL: database.url };
    const { partner } = await createPartner(db, 'purge-cli');
    const now = new Date();
    await endedEventWith(db, partner.id, 'Seed   Library\tTalk', 200, ['ada', 'bea'], now);
    await endedEventWith(db, partner.id, 'Knitting Circle', 40, ['cy'], now);
    await endedEventWith(db, partner.id, 'Garden Walk', 10, ['dan'], now);
  }, CLI_TIMEOUT_MS);
  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  it('shows with --dry-run what would go, per event, and changes nothing; then erases it and says how many', async () => {
    const dry = await runCli(['registrations', 'purge', '--dry-run'], { ...env, REGISTRANT_RETENTION_DAYS: '30' });
    expect(dry).toMatchObject({ code: 0, stderr: '' });
    const [summary, ...table] = dry.stdout.split('\n');
    expect(summary).toMatch(/^Would erase the name and email of 3 registrations at 2 events \(events that ended before \S+Z, REGISTRANT_RETENTION_DAYS=30\); nothing was changed\.$/);
    const { header, rows } = readTable(table.join('\n'));
    expect(header).toEqual(['ENDED', 'REGISTRATIONS', 'TITLE']);
    expect(rows).toEqual([[expect.stringMatching(/Z$/), '2', 'Seed Library Talk'], [expect.stringMatching(/Z$/), '1', 'Knitting Circle']]);
    expect(await held()).toEqual(['ada@example.org', 'bea@example.org', 'cy@example.org', 'dan@example.org']);

    // The default term, 90 days, reaches only the oldest event.
    const purge = await runCli(['registrations', 'purge'], env);
    expect(purge).toMatchObject({ code: 0, stderr: '' });
    expect(purge.stdout).toMatch(/^Erased the name and email of 2 registrations \(events that ended before \S+Z, REGISTRANT_RETENTION_DAYS=90\)\.\n$/);
    expect(await held()).toEqual(['cy@example.org', 'dan@example.org']);

    const none = await runCli(['registrations', 'purge', '--dry-run'], env);
    expect(none.stdout).toMatch(/^Would erase the name and email of 0 registrations at 0 events \(.*\); nothing was changed\.\n$/);
  }, CLI_TIMEOUT_MS);

  it('answers an unknown action or option as a usage mistake', async () => {
    const unknown = await runCli(['registrations', 'forget'], env);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toMatch(/^Unknown registrations action "forget"\.\n\nUsage:\n {2}community-graph registrations purge \[--dry-run\]\n/);
    expect((await runCli(['registrations', 'purge', '--all'], env)).code).toBe(2);
  }, CLI_TIMEOUT_MS);
});
