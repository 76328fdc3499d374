import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createContext } from '../../../src/context';
import { ApiKeyRole } from '../../../src/domain/enums';
import { createLogger } from '../../../src/logger';
import { foodShareServices } from '../../../demo/feeds/nonprofits-hsds';
import { FeedServer } from '../../support/feed-server';
import { iso2709, leader } from '../../support/marc-writer';
import { createSyncHarness, fixtureText, localOf, SyncHarness } from './sync-harness';

const DAY_MS = 86_400_000;
const WINDOW = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') };

/**
 * SourceService.checkFeed (the operator's `sources check`): what a sync of a feed not yet added would
 * store, read through the real adapters and fetch policy, writing nothing. It never touches the
 * database, so one backend is enough.
 */
describe('feed check before a source is added', () => {
  let h: SyncHarness;
  let feeds: FeedServer;
  let dir: string;

  beforeAll(async () => {
    h = await createSyncHarness('sqlite', { retries: 0 });
    feeds = await new FeedServer().start();
    feeds.set('/district.ics', { kind: 'feed', body: fixtureText('one-bad-vevent.ics') })
      .set('/gone.ics', { kind: 'status', status: 404 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-check-'));
  });
  afterAll(async () => {
    await feeds.close();
    await h.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports PARTIAL with the events it would store, their date range and each skipped item, and writes nothing', async () => {
    const { result: check, tables } = await h.writes(() => h.graph.services.sources.checkFeed(h.admin, {
      format: 'ICALENDAR', url: `${feeds.url}/district.ics`, timezone: 'America/Chicago', window: WINDOW,
    }));
    expect(check).toMatchObject({
      status: 'PARTIAL', error: null, counts: { events: 2 }, window: WINDOW,
      range: { first: new Date('2026-04-10T23:00:00Z'), last: new Date('2026-04-11T23:00:00Z') },
      skips: { count: 1, reasons: [expect.objectContaining({ ref: 'bad@t', reason: expect.stringContaining('DTSTART is missing') })] },
    });
    expect(tables).toEqual([]);
    expect(feeds.count('/district.ics')).toBe(1);
  });

  it('counts an HSDS file\'s dated sessions as events, as the sink stores them, beside its services', async () => {
    const now = new Date();
    const services = foodShareServices(now);
    const file = path.join(dir, 'services.json');
    fs.writeFileSync(file, JSON.stringify(services));
    const check = await h.graph.services.sources.checkFeed(h.admin, { format: 'HSDS', url: pathToFileURL(file).href, timezone: 'America/Chicago' }, { allowFileUrls: true });
    expect(check.status).toBe('OK');
    expect(check.counts.services).toBe(services.length);
    expect(check.counts.events).toBeGreaterThan(0);
    expect(check.range!.first.getTime()).toBeLessThanOrEqual(check.range!.last.getTime());
    // No window given: the sync's own window around now (SYNC_WINDOW_PAST_DAYS / _AHEAD_DAYS defaults).
    expect(check.window.from.getTime()).toBe(h.admin.now.getTime() - 30 * DAY_MS);
    expect(check.window.to.getTime()).toBe(h.admin.now.getTime() + 400 * DAY_MS);
  });

  it('counts a MARC file\'s unreadable records as skips, not as catalog records, and reports the feed\'s title', async () => {
    const book = (id: string, title: string) => iso2709(leader({ coding: 'a' }), [['001', id], ['245', '10', [['a', title]]]]);
    const records = [book('m1', 'Plain'), book('m2', 'Broken'), book('m3', 'Also plain')];
    records[1].write('00007', 0, 'latin1'); // a record length that does not match the record
    feeds.set('/catalog.mrc', { kind: 'feed', body: Buffer.concat(records), contentType: 'application/marc' })
      .set('/titled.ics', { kind: 'feed', body: fixtureText('text.ics') });
    const marc = await h.graph.services.sources.checkFeed(h.admin, { format: 'MARC', url: `${feeds.url}/catalog.mrc`, timezone: 'UTC', window: WINDOW });
    expect(marc).toMatchObject({ status: 'PARTIAL', counts: { catalog: 2 }, range: null, skips: { count: 1, reasons: [expect.objectContaining({ ref: 'm2' })] } });
    const ics = await h.graph.services.sources.checkFeed(h.admin, { format: 'ICALENDAR', url: `${feeds.url}/titled.ics`, timezone: 'UTC', window: WINDOW });
    expect(ics).toMatchObject({ status: 'OK', title: 'Millbrook Schools' });
  });

  it('reports FAILED with the reason when the feed cannot be read, and nothing else', async () => {
    const check = await h.graph.services.sources.checkFeed(h.admin, { format: 'ICALENDAR', url: `${feeds.url}/gone.ics`, timezone: 'UTC', window: WINDOW });
    expect(check).toEqual({
      status: 'FAILED', error: `HTTP 404 Not Found from ${feeds.url}/gone.ics.`,
      title: null, formatVersion: null, counts: {}, skips: null, notes: [], range: null, window: WINDOW,
    });
  });

  it('refuses a partner key, an unknown format, a file: URL over the API, an unknown zone and a reversed window, before fetching anything', async () => {
    const before = feeds.requests.length;
    const url = `${feeds.url}/district.ics`;
    const check = (input: Partial<Parameters<SyncHarness['graph']['services']['sources']['checkFeed']>[1]>, ctx = h.admin) =>
      h.graph.services.sources.checkFeed(ctx, { format: 'ICALENDAR', url, timezone: 'UTC', ...input });

    const partnerId = await h.addPartner('check-school');
    const { secret } = await h.graph.services.apiKeys.create({ role: ApiKeyRole.PARTNER, partnerId: localOf(partnerId), label: 'staff' });
    const staff = await createContext({ db: h.graph.db, apiKeys: h.graph.services.apiKeys, logger: createLogger('silent') }, { authorization: `Bearer ${secret}` });
    await expect(check({}, staff)).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'checkFeed needs an ADMIN API key.' });

    await expect(check({ format: 'ILS_AVAILABILITY' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { argument: 'format' } });
    await expect(check({ url: pathToFileURL('/etc/passwd').href })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT', details: { argument: 'url' }, message: expect.stringContaining('Expected an http: or https: URL.'),
    });
    await expect(check({ url: 'gopher://example.org/feed' }, h.admin)).rejects.toMatchObject({ details: { argument: 'url' } });
    await expect(h.graph.services.sources.checkFeed(h.admin, { format: 'ICALENDAR', url: 'ftp://example.org/x.ics', timezone: 'UTC' }, { allowFileUrls: true }))
      .rejects.toMatchObject({ message: expect.stringContaining('Expected an http:, https: or file: URL.') });
    await expect(check({ timezone: 'Mars/Olympus_Mons' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { argument: 'timezone' } });
    await expect(check({ window: { from: WINDOW.to, to: WINDOW.from } })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { argument: 'to' } });
    expect(feeds.requests.length).toBe(before);
  });
});
