import { CatalogKeyEntity } from '../../../src/model/catalog-key.entity';
import { CatalogRecordEntity } from '../../../src/model/catalog-record.entity';
import { HoldingEntity } from '../../../src/model/holding.entity';
import { catalogRecordId } from '../../../src/features/catalog/catalog.sink';
import { describeEachBackend } from '../../support/backends';
import { createLibrary, marcSpec, syncMarc } from '../../support/catalog-fixtures';
import { startFakeServer, FakeServer } from '../../support/fake-http';
import { createTestGraph, TestGraph } from '../../support/graph';
import { testHttpClient } from '../../support/http-client';
import { kohaBook } from '../../support/koha-record';
import { iso2709 } from '../../support/marc-writer';

const book = (o: Parameters<typeof kohaBook>[0]) => { const r = kohaBook(o); return iso2709(r.leader, r.fields); };

describeEachBackend('catalog sink (MARC over HTTP → tables)', (backend) => {
  let graph: TestGraph;
  let server: FakeServer;
  let file: Buffer;
  let partnerId: string;

  beforeAll(async () => {
    graph = await createTestGraph(backend);
    partnerId = (await createLibrary(graph.db, 'millbrook', ['CEN', 'EAS'])).id;
    server = await startFakeServer((_req, res) => { res.setHeader('content-type', 'application/marc'); res.end(file); });
  });
  afterAll(async () => { await server.close(); await graph.close(); });

  const records = () => graph.db.getRepository(CatalogRecordEntity).find({ order: { externalId: 'ASC' } });
  const sync = () => syncMarc(graph.db, testHttpClient(), marcSpec(partnerId, `${server.url}/export.mrc`));

  it('stores records, holdings mapped to branch Locations by code, and match keys; skips a damaged record with its reason', async () => {
    const damaged = book({ id: 'bad', title: 'Broken' });
    damaged.write('9999', 24 + 3, 'latin1');
    file = Buffer.concat([
      book({ id: 'b1', title: 'The Wild Robot', isbn: '0-316-38199-3', author: 'Brown, Peter', subjects: ['Robots'], items: [{ branch: 'CEN', barcode: '1001', itemnumber: '11' }, { branch: 'EAS', barcode: '1002', due: '2026-12-20' }] }),
      damaged,
      book({ id: 'b2', title: 'Hatchet', isbn: '9781416936473', author: 'Paulsen, Gary', items: [{ branch: 'XYZ', barcode: '2001' }] }),
      book({ id: 'b3', title: 'River Towns', oclc: 'ocm00012345', items: [] }),
    ]);
    const report = await sync();
    expect(report).toEqual({ created: 3, updated: 0, removed: 0, unchanged: 0, skipped: [{ externalId: null, reason: 'record 2: directory entry for field 001 (start 0, length 9999) does not match the data', offset: file.indexOf(damaged) }] });
    expect((await records()).map((r) => [r.externalId, r.title, r.isbns.map((i) => i.isbn13), r.oclcNumbers])).toEqual([
      ['b1', 'The Wild Robot', ['9780316381994'], []], ['b2', 'Hatchet', ['9781416936473'], []], ['b3', 'River Towns', [], ['12345']],
    ]);
    const holdings = await graph.db.getRepository(HoldingEntity).find({ order: { barcode: 'ASC' } });
    expect(holdings.map((h) => [h.barcode, h.branchCode, h.locationId !== null, h.status, h.itemId])).toEqual([
      ['1001', 'CEN', true, 'AVAILABLE', '11'], ['1002', 'EAS', true, 'CHECKED_OUT', '1002'], ['2001', 'XYZ', false, 'AVAILABLE', '2001'],
    ]);
    const keys = await graph.db.getRepository(CatalogKeyEntity).findBy({ recordId: catalogRecordId(`marc-${partnerId}`, 'b1') });
    expect(keys.map((k) => `${k.kind}:${k.value}`).sort()).toEqual(['ISBN:9780316381994', 'SUBJECT:robots', 'TITLE:wild robot']);
  });

  it('writes nothing when the same file comes again', async () => {
    graph.sql.keepText = true;
    const before = graph.sql.statements.length;
    const report = await sync();
    const writes = graph.sql.statements.slice(before).filter((s) => /^\s*(INSERT|UPDATE|DELETE)/i.test(s));
    graph.sql.keepText = false;
    expect(report).toMatchObject({ created: 0, updated: 0, removed: 0, unchanged: 3 });
    expect(writes).toEqual([]);
  });

  it('updates a changed record, suppresses a leader/05=d deletion and a record gone from the full file', async () => {
    file = Buffer.concat([
      book({ id: 'b1', title: 'The Wild Robot Escapes', isbn: '0-316-38199-3', items: [{ branch: 'CEN', barcode: '1001' }] }),
      book({ id: 'b2', title: 'Hatchet', status: 'd' }),
    ]);
    const report = await sync();
    expect(report).toMatchObject({ created: 0, updated: 1, removed: 2, unchanged: 0, skipped: [] });
    const rows = await records();
    expect(rows.map((r) => [r.externalId, r.title, r.removedAt !== null])).toEqual([['b1', 'The Wild Robot Escapes', false], ['b2', 'Hatchet', true], ['b3', 'River Towns', true]]);
    expect(await graph.db.getRepository(HoldingEntity).count()).toBe(1);
    expect(await graph.db.getRepository(CatalogKeyEntity).countBy({ recordId: catalogRecordId(`marc-${partnerId}`, 'b2') })).toBe(0);
  });

  it('a file of only damaged records changes no stored data', async () => {
    const before = JSON.stringify(await records());
    file = Buffer.from('00042nam  2200000 a 4500 truncated');
    const report = await sync();
    expect(report).toEqual({ created: 0, updated: 0, removed: 0, unchanged: 0, skipped: [{ externalId: null, reason: 'record 1: truncated record at end of file (34 bytes, no record terminator)', offset: 0 }] });
    expect(JSON.stringify(await records())).toBe(before);
  });

  it('a damaged copy of a stored record does not remove it, while the rest of the file is ingested', async () => {
    const damaged = book({ id: 'b1', title: 'The Wild Robot Escapes' });
    damaged.write('9999', 24 + 3 * 12 + 3, 'latin1');
    file = Buffer.concat([damaged, book({ id: 'b4', title: 'New Arrival' })]);
    const report = await sync();
    expect(report).toMatchObject({ created: 1, updated: 0, removed: 0, skipped: [{ externalId: 'b1', reason: expect.stringContaining('does not match the data') }] });
    expect((await records()).filter((r) => !r.removedAt).map((r) => r.externalId)).toEqual(['b1', 'b4']);
  });
});
