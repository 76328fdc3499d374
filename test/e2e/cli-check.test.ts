import { DataSource } from 'typeorm';
import { openDatabase } from '../../src/db/data-source';
import { CatalogRecordEntity } from '../../src/model/catalog-record.entity';
import { EventEntity } from '../../src/model/event.entity';
import { PartnerEntity } from '../../src/model/partner.entity';
import { ServiceEntity } from '../../src/model/service.entity';
import { SourceEntity } from '../../src/model/source.entity';
import { describeEachBackend, createTestDatabase, TestDatabase } from '../support/backends';
import { runCli } from '../support/cli';
import { FeedServer } from '../support/feed-server';
import { iso2709, leader } from '../support/marc-writer';
import { fixtureText } from '../features/sources/sync-harness';

/** Each CLI run starts Node + tsx (about 1 s of CPU); on a loaded machine several runs take a while. */
const CLI_TIMEOUT_MS = 180_000;

describeEachBackend('community-graph sources check', (backend) => {
  let database: TestDatabase;
  let feeds: FeedServer;
  let env: Record<string, string>;
  const book = (id: string, title: string, coding: 'a' | ' ') => iso2709(leader({ coding }), [['001', id], ['245', '10', [['a', title]]]]);
  const marc = [book('m1', 'Café des poètes', ' '), book('m2', 'Broken', 'a'), book('m3', 'Plain', 'a')];
  marc[1].write('00007', 0, 'latin1');

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    feeds = await new FeedServer().start();
    feeds.set('/district.ics', { kind: 'feed', body: fixtureText('one-bad-vevent.ics') });
    feeds.set('/catalog.mrc', { kind: 'feed', body: Buffer.concat(marc), contentType: 'application/marc' });
    feeds.set('/gone.ics', { kind: 'status', status: 404 });
    // The feed server is on loopback, which the fetch policy refuses unless allowed.
    env = { DATABASE_URL: database.url, SOURCE_ALLOW_HOSTS: '127.0.0.1', SYNC_RETRIES: '0' };
  });
  afterAll(async () => {
    await feeds.close();
    await database.drop();
  });

  it('prints what a sync would store (counts, date range, skips with reasons) through the server\'s adapters, and stores nothing', async () => {
    const ics = await runCli(['sources', 'check', `${feeds.url}/district.ics`, '--format', 'icalendar', '--timezone', 'America/Chicago',
      '--expand-from', '2026-01-01', '--expand-to', '2027-01-01'], env);
    expect(ics).toMatchObject({ code: 0, stderr: '' });
    expect(ics.stdout).toBe([
      `Checked ICALENDAR ${feeds.url}/district.ics (nothing was stored)`,
      'window: 2026-01-01T00:00:00Z to 2027-01-01T00:00:00Z, times read in America/Chicago',
      'status: PARTIAL',
      'would store: 2 events',
      'dates: 2026-04-10T23:00:00Z to 2026-04-11T23:00:00Z', // 18:00 CDT on 10 and 11 April
      'skipped: 1',
      '  [bad@t] VEVENT at line 9 (UID bad@t): DTSTART is missing.',
      '',
    ].join('\n'));
    expect(feeds.requests.filter((r) => r.path === '/district.ics')).toHaveLength(1);

    const records = await runCli(['sources', 'check', `${feeds.url}/catalog.mrc`, '--format', 'MARC'], env);
    expect(records.code).toBe(0);
    const lines = records.stdout.split('\n');
    expect(lines.slice(2)).toEqual([
      'status: PARTIAL',
      'would store: 2 catalog records',
      'dates: none',
      'note: 1 record(s) declared MARC-8 (leader/09 blank) were UTF-8 and read as UTF-8',
      'skipped: 1',
      `  [byte ${marc[0].length}, m2] record 2: record length in the leader (7) does not match the record (${marc[1].length} bytes)`,
      '',
    ]);

    const db: DataSource = await openDatabase(database.config);
    try {
      const rows = await Promise.all([PartnerEntity, SourceEntity, EventEntity, ServiceEntity, CatalogRecordEntity].map((entity) => db.getRepository(entity).count()));
      expect(rows).toEqual([0, 0, 0, 0, 0]);
    } finally {
      await db.destroy();
    }
  }, CLI_TIMEOUT_MS);

  it('exits 1 with the reason when the feed cannot be read, and 2 on a usage mistake', async () => {
    const gone = await runCli(['sources', 'check', `${feeds.url}/gone.ics`, '--format', 'ICALENDAR'], env);
    expect(gone.code).toBe(1);
    expect(gone.stdout.split('\n').slice(-2)).toEqual([`status: FAILED: HTTP 404 Not Found from ${feeds.url}/gone.ics.`, '']);
    const noFormat = await runCli(['sources', 'check', `${feeds.url}/district.ics`], env);
    expect(noFormat.code).toBe(2);
    expect(noFormat.stderr).toMatch(/^sources check needs one URL and --format\./);
    const badFormat = await runCli(['sources', 'check', `${feeds.url}/district.ics`, '--format', 'CSV'], env);
    expect(badFormat).toMatchObject({ code: 1, stderr: expect.stringMatching(/^Invalid value for argument "format": "CSV"\. Expected a format with an installed adapter/) });
  }, CLI_TIMEOUT_MS);
});
