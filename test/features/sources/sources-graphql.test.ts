import { EventEntity } from '../../../src/model/event.entity';
import { PartnerEntity } from '../../../src/model/partner.entity';
import { SourceEntity } from '../../../src/model/source.entity';
import { ApiKeyRole } from '../../../src/domain/enums';
import { describeEachBackend } from '../../support/backends';
import { FeedServer } from '../../support/feed-server';
import { createSyncHarness, fixtureText, localOf, SyncHarness } from './sync-harness';

const ADD_PARTNER = `mutation($input: AddPartnerInput!) { addPartner(input: $input) { id slug kind timezone } }`;
const ADD_SOURCE = `mutation($input: AddSourceInput!) { addSource(input: $input) { id format status itemCount refreshMinutes url } }`;
const SYNC = `mutation($id: ID!) { syncSource(id: $id) { status created updated removed unchanged skipped skippedItems { externalId reason } durationMs error } }`;
const SOURCES = `query($slug: String!) { partner(slug: $slug) { sources { id format title status lastSuccessAt itemCount url lastError } } }`;

describeEachBackend('partner sources over GraphQL', (backend) => {
  let h: SyncHarness;
  let feeds: FeedServer;
  let admin: { authorization: string };
  let partnerId: string;
  let sourceId: string;

  beforeAll(async () => {
    h = await createSyncHarness(backend);
    feeds = await new FeedServer().start();
    admin = { authorization: `Bearer ${h.adminKey}` };
    feeds.set('/district.ics', { kind: 'feed', body: fixtureText('one-bad-vevent.ics') });
  });
  afterAll(async () => {
    await feeds.close();
    await h.close();
  });

  it('refuses addPartner without a key (UNAUTHENTICATED) and with a PARTNER key (FORBIDDEN), storing nothing', async () => {
    const input = { slug: 'eastside-elementary', name: 'Eastside Elementary', kind: 'SCHOOL', timezone: 'America/Chicago' };
    const anonymous = await h.graph.execute(ADD_PARTNER, { input });
    expect(anonymous.errors![0]).toMatchObject({ message: 'addPartner needs an API key (Authorization: Bearer <key>).', extensions: { code: 'UNAUTHENTICATED' } });
    const somePartner = await h.addPartner('some-partner');
    const { secret } = await h.graph.services.apiKeys.create({ role: ApiKeyRole.PARTNER, partnerId: localOf(somePartner), label: 'staff' });
    const partner = await h.graph.execute(ADD_PARTNER, { input }, { authorization: `Bearer ${secret}` });
    expect(partner.errors![0]).toMatchObject({ message: 'addPartner needs an ADMIN API key.', extensions: { code: 'FORBIDDEN' } });
    expect(await h.graph.db.getRepository(PartnerEntity).countBy({ slug: 'eastside-elementary' })).toBe(0);
  });

  it('rejects a partner with an unknown time zone, naming the argument, and stores nothing', async () => {
    const result = await h.graph.execute(ADD_PARTNER, { input: { slug: 'bad-zone', name: 'Bad', kind: 'SCHOOL', timezone: 'Mars/Olympus' } }, admin);
    expect(result.errors![0]).toMatchObject({
      message: 'Invalid value for argument "input.timezone": "Mars/Olympus". Expected an IANA time zone such as America/Chicago.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await h.graph.db.getRepository(PartnerEntity).countBy({ slug: 'bad-zone' })).toBe(0);
  });

  it.each(['javascript:alert(document.cookie)', ' JaVaScRiPt:alert(1)', 'data:text/html,x', 'mailto:staff@district.example', '//district.example'])(
    'rejects a partner website %j that is not an http(s) URL, and stores nothing', async (website) => {
      const result = await h.graph.execute(ADD_PARTNER, { input: { slug: 'bad-site', name: 'Bad', kind: 'SCHOOL', timezone: 'America/Chicago', website } }, admin);
      expect(result.errors![0]).toMatchObject({ message: expect.stringMatching(/^Invalid value for argument "input.website": .*Expected an http\(s\) URL\.$/), extensions: { code: 'BAD_USER_INPUT' } });
      expect(await h.graph.db.getRepository(PartnerEntity).countBy({ slug: 'bad-site' })).toBe(0);
    },
  );

  it('adds a partner and an iCalendar source with an ADMIN key, and syncSource returns the SyncReport', async () => {
    const added = await h.graph.execute(ADD_PARTNER, { input: { slug: 'millbrook-district', name: 'Millbrook District', kind: 'SCHOOL', timezone: 'America/Chicago', website: 'https://district.example' } }, admin);
    expect(added.errors).toBeUndefined();
    partnerId = added.data!.addPartner.id;
    const source = await h.graph.execute(ADD_SOURCE, { input: {
      partnerId, format: 'ICALENDAR', url: `${feeds.url}/district.ics`, refreshMinutes: 30, expandFrom: '2025-12-01T00:00:00Z', expandTo: '2027-12-01T00:00:00Z',
    } }, admin);
    expect(source.errors).toBeUndefined();
    expect(source.data!.addSource).toMatchObject({ format: 'ICALENDAR', status: 'STALE', itemCount: 0, refreshMinutes: 30, url: `${feeds.url}/district.ics` });
    sourceId = source.data!.addSource.id;
    const report = await h.graph.execute(SYNC, { id: sourceId }, admin);
    expect(report.errors).toBeUndefined();
    expect(report.data!.syncSource).toMatchObject({
      status: 'PARTIAL', created: 2, updated: 0, removed: 0, unchanged: 0, skipped: 1, error: null,
      skippedItems: [{ externalId: 'bad@t', reason: 'VEVENT at line 9 (UID bad@t): DTSTART is missing.' }],
    });
    expect(report.data!.syncSource.durationMs).toEqual(expect.any(Number));
  });

  it('rejects a source with an unsupported URL scheme or a file: URL (CLI only), and a refresh interval out of range', async () => {
    const bad = await h.graph.execute(ADD_SOURCE, { input: { partnerId, format: 'ICALENDAR', url: 'ftp://district.example/cal.ics' } }, admin);
    expect(bad.errors![0]).toMatchObject({ message: 'Invalid value for argument "input.url": "ftp://district.example/cal.ics". Expected an http: or https: URL (file: URLs only through the community-graph CLI).', extensions: { code: 'BAD_USER_INPUT' } });
    const file = await h.graph.execute(ADD_SOURCE, { input: { partnerId, format: 'ICALENDAR', url: 'file:///etc/passwd' } }, admin);
    expect(file.errors![0].message).toBe('Invalid value for argument "input.url": "file:///etc/passwd". Expected an http: or https: URL (file: URLs only through the community-graph CLI).');
    const fast = await h.graph.execute(ADD_SOURCE, { input: { partnerId, format: 'ICALENDAR', url: 'https://district.example/a.ics', refreshMinutes: 1 } }, admin);
    expect(fast.errors![0].message).toBe('Invalid value for argument "input.refreshMinutes": 1. Expected an integer from 5 to 10080.');
    expect(await h.graph.db.getRepository(SourceEntity).countBy({ partnerId: localOf(partnerId) })).toBe(1);
  });

  it('shows Partner.sources health to everyone, but url and lastError only to ADMIN or that partner\'s key', async () => {
    feeds.set('/district.ics', { kind: 'status', status: 404 });
    await h.graph.execute(SYNC, { id: sourceId }, admin);
    const everyone = await h.graph.execute(SOURCES, { slug: 'millbrook-district' });
    expect(everyone.data!.partner.sources).toEqual([expect.objectContaining({ format: 'ICALENDAR', status: 'FAILING', itemCount: 2, url: null, lastError: null })]);
    expect(everyone.data!.partner.sources[0].lastSuccessAt).toEqual(expect.any(String));
    const staff = await h.graph.services.apiKeys.create({ role: ApiKeyRole.PARTNER, partnerId: localOf(partnerId), label: 'district staff' });
    const own = await h.graph.execute(SOURCES, { slug: 'millbrook-district' }, { authorization: `Bearer ${staff.secret}` });
    expect(own.data!.partner.sources[0]).toMatchObject({ url: `${feeds.url}/district.ics`, lastError: `HTTP 404 Not Found from ${feeds.url}/district.ics.` });
    const viaAdmin = await h.graph.execute(SOURCES, { slug: 'millbrook-district' }, admin);
    expect(viaAdmin.data!.partner.sources[0].lastError).toBe(`HTTP 404 Not Found from ${feeds.url}/district.ics.`);
  });

  it('keeps what a PARTIAL sync skipped on the Source (lastSkips: count, first 20 reasons), for staff only, until a clean sync', async () => {
    const LAST_SKIPS = `query($slug: String!) { partner(slug: $slug) { sources { url formatVersion lastSkips { count reasons { reason line offset ref } } } } }`;
    const broken = Array.from({ length: 25 }, (_, i) => `BEGIN:VEVENT\r\nUID:broken-${i}@t\r\nSUMMARY:No start ${i}\r\nEND:VEVENT\r\n`).join('');
    const good = 'BEGIN:VEVENT\r\nUID:fine@t\r\nDTSTART:20260410T150000Z\r\nSUMMARY:Fine\r\nEND:VEVENT\r\n';
    feeds.set('/skips.ics', { kind: 'feed', body: `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n${good}${broken}END:VCALENDAR\r\n` });
    await h.graph.execute(ADD_PARTNER, { input: { slug: 'skips-school', name: 'Skips School', kind: 'SCHOOL', timezone: 'America/Chicago' } }, admin);
    const partner = (await h.graph.execute(SOURCES.replace('sources {', 'id sources {'), { slug: 'skips-school' })).data!.partner.id;
    const added = await h.graph.execute(ADD_SOURCE, { input: { partnerId: partner, format: 'ICALENDAR', url: `${feeds.url}/skips.ics`, expandFrom: '2026-01-01T00:00:00Z' } }, admin);
    const id = added.data!.addSource.id;
    const report = (await h.graph.execute(SYNC, { id }, admin)).data!.syncSource;
    expect([report.status, report.created, report.skipped]).toEqual(['PARTIAL', 1, 25]);
    const viaAdmin = (await h.graph.execute(LAST_SKIPS, { slug: 'skips-school' }, admin)).data!.partner.sources[0].lastSkips;
    expect(viaAdmin.count).toBe(25);
    // The stored reasons are the report's first 20, each naming the item by its UID.
    expect(viaAdmin.reasons).toEqual(report.skippedItems.slice(0, 20).map((item: { externalId: string; reason: string }) => (
      { reason: item.reason, line: null, offset: null, ref: item.externalId })));
    expect(viaAdmin.reasons.map((r: { ref: string }) => r.ref)).toEqual(Array.from({ length: 20 }, (_, i) => `broken-${i}@t`));
    const everyone = await h.graph.execute(LAST_SKIPS, { slug: 'skips-school' });
    expect(everyone.data!.partner.sources).toEqual([{ url: null, formatVersion: null, lastSkips: null }]);
    feeds.set('/skips.ics', { kind: 'status', status: 404 });
    expect((await h.graph.execute(SYNC, { id }, admin)).data!.syncSource.status).toBe('FAILED');
    // A failed pull stored nothing: the skips of the data still served stay.
    expect((await h.graph.execute(LAST_SKIPS, { slug: 'skips-school' }, admin)).data!.partner.sources[0].lastSkips.count).toBe(25);
    feeds.set('/skips.ics', { kind: 'feed', body: `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n${good}END:VCALENDAR\r\n` });
    expect((await h.graph.execute(SYNC, { id }, admin)).data!.syncSource.status).toBe('OK');
    expect((await h.graph.execute(LAST_SKIPS, { slug: 'skips-school' }, admin)).data!.partner.sources[0].lastSkips).toBeNull();
  });

  it('gives synced events their provenance, stale while the source is failing', async () => {
    const result = await h.graph.execute(`{ events(first: 10, filter: { from: "2026-04-01T00:00:00Z", to: "2026-05-01T00:00:00Z" }) {
      edges { node { title provenance { sourceId externalId fetchedAt stale } } } } }`);
    expect(result.errors).toBeUndefined();
    const synced = result.data!.events.edges.map((e: { node: unknown }) => e.node).filter((n: { title: string }) => n.title.startsWith('Good'));
    expect(synced).toEqual([
      { title: 'Good one', provenance: { sourceId, externalId: 'good-1@t', fetchedAt: expect.any(String), stale: true } },
      { title: 'Good two', provenance: { sourceId, externalId: 'good-2@t', fetchedAt: expect.any(String), stale: true } },
    ]);
  });

  it('removeSource deletes the source and cancels its upcoming events without deleting them', async () => {
    feeds.set('/upcoming.ics', { kind: 'feed', body: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:soon@t\r\nDTSTART:20991231T180000Z\r\nSUMMARY:Far future\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' });
    const added = await h.graph.execute(ADD_SOURCE, { input: { partnerId, format: 'ICALENDAR', url: `${feeds.url}/upcoming.ics`, expandTo: '2100-06-01T00:00:00Z' } }, admin);
    const id = added.data!.addSource.id;
    expect((await h.graph.execute(SYNC, { id }, admin)).data!.syncSource.created).toBe(1);
    const refused = await h.graph.execute(`mutation($id: ID!) { removeSource(id: $id) }`, { id });
    expect(refused.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const removed = await h.graph.execute(`mutation($id: ID!) { removeSource(id: $id) }`, { id }, admin);
    expect(removed.data!.removeSource).toBe(true);
    expect(await h.graph.db.getRepository(SourceEntity).countBy({ id: localOf(id) })).toBe(0);
    const [event] = await h.graph.db.getRepository(EventEntity).findBy({ sourceId: localOf(id) });
    expect([event.status, event.removedAt]).toEqual(['CANCELLED', expect.any(Date)]);
    const missing = await h.graph.execute(SYNC, { id }, admin);
    expect(missing.errors![0]).toMatchObject({ message: `No source with id "${id}".`, extensions: { code: 'NOT_FOUND' } });
  });
});
