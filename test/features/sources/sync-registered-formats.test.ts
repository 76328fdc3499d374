import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SourceFormat } from '../../../src/datasources/adapter';
import { PartnerKind } from '../../../src/domain/enums';
import { CatalogRecordEntity } from '../../../src/model/catalog-record.entity';
import { EventEntity } from '../../../src/model/event.entity';
import { ServiceEntity } from '../../../src/model/service.entity';
import { foodShareServices } from '../../../demo/feeds/nonprofits-hsds';
import { describeEachBackend } from '../../support/backends';
import { kohaBook } from '../../support/koha-record';
import { FieldSpec, iso2709, leader, marcXml, marcXmlRecord } from '../../support/marc-writer';
import { createSyncHarness, localOf, SyncHarness } from './sync-harness';

/** The formats merged beside iCalendar are registered with the engine and reach their sinks. */
describeEachBackend('sync engine with every registered format', (backend) => {
  let h: SyncHarness;
  let dir: string;

  beforeAll(async () => {
    h = await createSyncHarness(backend);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-formats-'));
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('knows every partner format except live ILS availability (read per request, never synced)', () => {
    expect(h.graph.services.sync.formats().sort()).toEqual(['GRAPHQL', 'HSDS', 'ICALENDAR', 'JSONLD', 'LIBCAL', 'MARC']);
  });

  it('streams a MARC file into the catalog, reports unreadable records after the sink read them, and applies deletions', async () => {
    const book = (id: string, title: string) => { const r = kohaBook({ id, title }); return marcXmlRecord(r.leader, r.fields); };
    const untitled = marcXmlRecord(leader(), [['001', 'no-title'], ['003', 'MilbPL']]);
    const file = path.join(dir, 'export.marcxml');
    fs.writeFileSync(file, marcXml([book('b1', 'First book'), book('b2', 'Second book'), untitled]));
    const partnerId = await h.addPartner('catalog-library', PartnerKind.LIBRARY);
    const sourceId = await h.addSource(partnerId, pathToFileURL(file).href, SourceFormat.MARC);

    const first = await h.graph.services.sources.syncSource(h.admin, sourceId);
    expect(first).toMatchObject({ status: 'PARTIAL', created: 2, skipped: 1, error: null });
    expect(first.skippedItems).toEqual([{ externalId: 'no-title', reason: 'record 3: record has no 245 title' }]);
    expect((await h.source(sourceId)).itemCount).toBe(2);

    const gone = kohaBook({ id: 'b2', title: 'Second book', status: 'd' });
    fs.writeFileSync(file, marcXml([book('b1', 'First book'), marcXmlRecord(gone.leader, gone.fields)]));
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5_000)); // a new mtime: not a 304
    const second = await h.graph.services.sources.syncSource(h.admin, sourceId);
    expect(second).toMatchObject({ status: 'OK', created: 0, removed: 1, unchanged: 1, skipped: 0 });
    const records = await h.graph.db.getRepository(CatalogRecordEntity).find({ where: { sourceId: localOf(sourceId) }, order: { externalId: 'ASC' } });
    expect(records.map((r) => [r.externalId, r.removedAt !== null])).toEqual([['b1', false], ['b2', true]]);
  });

  it('streams binary MARC-8 records in Cyrillic and CJK into the catalog as UTF-8; an escape to no MARC-8 set skips only its record', async () => {
    const marc8 = (text: string) => Buffer.from(text, 'latin1');
    const book = (id: string, title: Buffer, author: Buffer): Buffer => {
      const { fields } = kohaBook({ id, title: 'placeholder' });
      const withTitle = fields.map((f): FieldSpec => (f[0] === '245' ? ['245', '10', [['a', title], ['c', author]]] : f));
      return iso2709(leader({ coding: ' ' }), withTitle);
    };
    const file = path.join(dir, 'export-marc8.mrc');
    const records = [
      book('m8-ru', marc8('\x1b(NwOJNA I MIR /'), marc8('l. tOLSTOJ')),
      book('m8-ja', marc8('\x1b$1!Bs!Ci!BX!4H!5=\x1b(B /'), marc8('Ienaga Sabur\xe5o')),
      book('m8-bad', marc8('\x1b(Zabc /'), marc8('Nobody')),
      book('m8-en', marc8("M\xe8uller's almanac /"), marc8('Anon.')),
    ];
    fs.writeFileSync(file, Buffer.concat(records));
    const partnerId = await h.addPartner('marc8-library', PartnerKind.LIBRARY);
    const sourceId = await h.addSource(partnerId, pathToFileURL(file).href, SourceFormat.MARC);

    const report = await h.graph.services.sources.syncSource(h.admin, sourceId);
    expect(report).toMatchObject({ status: 'PARTIAL', created: 3, skipped: 1, error: null });
    expect(report.skippedItems).toEqual([{
      externalId: 'm8-bad', reason: 'record 3: unknown MARC-8 character set (escape sequence ESC ( Z)', offset: records[0].length + records[1].length,
    }]);
    const stored = await h.graph.db.getRepository(CatalogRecordEntity).find({ where: { sourceId: localOf(sourceId) }, order: { externalId: 'ASC' } });
    expect(stored.map((r) => [r.externalId, r.title])).toEqual([
      ['m8-en', "Müller's almanac"],
      ['m8-ja', '日本文化史'],
      ['m8-ru', 'Война и мир'],
    ]);
  });

  it('MARC salvage: UTF-8 records declared MARC-8 are read as UTF-8 (counted in the report); corrupt records are skipped with their offsets, the good ones stored', async () => {
    const utf8Book = (id: string, title: string, coding: 'a' | ' ') => {
      const { fields } = kohaBook({ id, title });
      return iso2709(leader({ coding }), fields);
    };
    const badLength = utf8Book('bad-length', 'Bad length', 'a');
    badLength.write('00042', 0, 'latin1');
    const parts = [
      utf8Book('u-fr', 'Café des poètes', ' '),
      badLength,
      utf8Book('u-zh', '三国演义', ' '),
      utf8Book('cut', 'Cut short', 'a').subarray(0, 90),
      utf8Book('u-en', 'Plain English', 'a'),
    ];
    const file = path.join(dir, 'export-mixed.mrc');
    fs.writeFileSync(file, Buffer.concat(parts));
    const at = (i: number) => parts.slice(0, i).reduce((n, b) => n + b.length, 0);
    const partnerId = await h.addPartner('mixed-library', PartnerKind.LIBRARY);
    const sourceId = await h.addSource(partnerId, pathToFileURL(file).href, SourceFormat.MARC);

    const report = await h.graph.services.sources.syncSource(h.admin, sourceId);
    expect(report).toMatchObject({ status: 'PARTIAL', created: 3, skipped: 2, error: null });
    expect(report.notes).toEqual(['2 record(s) declared MARC-8 (leader/09 blank) were UTF-8 and read as UTF-8']);
    const stored = await h.graph.db.getRepository(CatalogRecordEntity).find({ where: { sourceId: localOf(sourceId) }, order: { externalId: 'ASC' } });
    expect(stored.map((r) => [r.externalId, r.title])).toEqual([['u-en', 'Plain English'], ['u-fr', 'Café des poètes'], ['u-zh', '三国演义']]);
    const source = await h.source(sourceId);
    expect(source.lastSkips).toEqual({ count: 2, reasons: [
      { reason: `record 2: record length in the leader (42) does not match the record (${badLength.length} bytes)`, line: null, offset: at(1), ref: 'bad-length' },
      { reason: 'record 4: truncated record (90 bytes, no record terminator before the next record)', line: null, offset: at(3), ref: 'cut' },
    ] });
  });

  it('an HSDS 1.x-era tabular package: stores the services it can, and keeps the detected version and each skipped row on the Source', async () => {
    const url = pathToFileURL(path.join(__dirname, '../../fixtures/hsds/v1-package/datapackage.json')).href;
    const partnerId = await h.addPartner('riverside-help', PartnerKind.NONPROFIT);
    const sourceId = await h.addSource(partnerId, url, SourceFormat.HSDS);
    const report = await h.graph.services.sources.syncSource(h.admin, sourceId);
    expect(report).toMatchObject({ status: 'PARTIAL', created: 3, skipped: 3, error: null });
    const stored = await h.graph.db.getRepository(ServiceEntity).find({ where: { sourceId: localOf(sourceId) }, order: { name: 'ASC' } });
    expect(stored.map((s) => s.name)).toEqual(['Adult Reading Help', 'Community Supper', 'Saturday Pantry']);
    const source = await h.source(sourceId);
    expect([source.formatVersion, source.itemCount]).toEqual(['1.x/2.x tabular', 3]);
    expect(source.lastSkips!.count).toBe(3);
    expect(source.lastSkips!.reasons.map((r) => [r.line, r.ref])).toEqual([[7, 'svc-meals'], [4, 'rs-3'], [5, 'svc-noname']]);
  });

  it('routes an HSDS file to the services sink, and its dated sessions to the events sink', async () => {
    const now = new Date();
    const file = path.join(dir, 'services.json');
    fs.writeFileSync(file, JSON.stringify(foodShareServices(now)));
    const partnerId = await h.addPartner('food-share', PartnerKind.NONPROFIT);
    const sourceId = await h.addSource(partnerId, pathToFileURL(file).href, SourceFormat.HSDS);
    const report = await h.graph.services.sources.syncSource(h.admin, sourceId);
    expect(report).toMatchObject({ status: 'OK', error: null });
    const services = await h.graph.db.getRepository(ServiceEntity).findBy({ sourceId: localOf(sourceId) });
    expect(services.length).toBe(foodShareServices(now).length);
    expect((await h.source(sourceId)).itemCount).toBe(services.length);
    expect((await h.events(sourceId)).length).toBeGreaterThan(0);
  });

  it('syncs a saved LibCal /1.1/events file with no credentials, and publishes a seats_taken change like a native registration', async () => {
    const file = path.join(dir, 'libcal-events.json');
    const start = new Date(Date.now() + 7 * 864e5);
    const item = (seatsTaken: number, waitList: unknown) => ({
      id: 7001, title: 'Robot Lab', start: start.toISOString(), end: new Date(start.getTime() + 36e5).toISOString(),
      url: { public: 'https://lib.libcal.example/event/7001', admin: 'https://lib.libcal.example/admin/event/7001' },
      registration: true, seats: 10, seats_taken: seatsTaken, wait_list: waitList, internal_notes: 'Staff only: check the kits.',
    });
    fs.writeFileSync(file, JSON.stringify({ events: [item(4, 0)] }));
    const partnerId = await h.addPartner('libcal-library', PartnerKind.LIBRARY);
    const sourceId = await h.addSource(partnerId, pathToFileURL(file).href, SourceFormat.LIBCAL);
    expect(await h.graph.services.sources.syncSource(h.admin, sourceId)).toMatchObject({ status: 'OK', created: 1, error: null });
    const before = await h.graph.db.getRepository(EventEntity).findOneByOrFail({ sourceId: localOf(sourceId) });
    expect(before).toMatchObject({ registrationMode: 'EXTERNAL', capacity: 10, confirmedCount: 4, externalWaitlist: false });

    const seen = h.published.counts.length;
    fs.writeFileSync(file, JSON.stringify({ events: [item(10, true)] }));
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5_000)); // a new mtime: not a 304
    expect(await h.graph.services.sources.syncSource(h.admin, sourceId)).toMatchObject({ status: 'OK', updated: 1, error: null });
    await new Promise((resolve) => setImmediate(resolve));
    expect(h.published.counts.slice(seen)).toEqual([expect.objectContaining({ eventId: before.id, capacity: 10, confirmed: 10, remaining: 0, waitlisted: 0 })]);
    const after = await h.graph.db.getRepository(EventEntity).findOneByOrFail({ id: before.id });
    expect(after).toMatchObject({ confirmedCount: 10, externalWaitlist: true, sequence: before.sequence + 1 });
    expect(JSON.stringify(after)).not.toContain('Staff only');
  });
});
