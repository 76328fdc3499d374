import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SourceFormat } from '../../../src/datasources/adapter';
import { PartnerKind } from '../../../src/domain/enums';
import { CatalogRecordEntity } from '../../../src/model/catalog-record.entity';
import { describeEachBackend } from '../../support/backends';
import { FieldSpec, iso2709, leader } from '../../support/marc-writer';
import { createSyncHarness, localOf, SyncHarness } from './sync-harness';

/**
 * Issue 31: a binary export mixing corrupt records with good ones that have no 001 stored nothing.
 * The good ones are kept under their fallback ids; the corrupt ones are skipped with their offsets.
 */
describeEachBackend('sync engine: MARC records without a 001', (backend) => {
  let h: SyncHarness;
  let dir: string;

  beforeAll(async () => {
    h = await createSyncHarness(backend);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-marc-no-001-'));
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const record = (title: string, ...ids: FieldSpec[]) => iso2709(leader({ coding: ' ' }), [...ids, ['245', '10', [['a', `${title} /`], ['c', 'Andrew Hunt.']]]]);
  const corrupt = (title: string, at: number, text: string) => {
    const bytes = record(title);
    bytes.write(text, at, 'latin1');
    return bytes;
  };
  const parts = [
    record('The pragmatic programmer', ['035', '  ', [['a', '(OCoLC)41431256']]]),
    corrupt('Base address past the end', 12, '99999'),
    record('Programming Perl', ['020', '  ', [['a', '0-596-00027-8 (pbk.)']]]),
    corrupt('Directory not numeric', 24 + 3, 'ù089'),
    record('Perl cookbook', ['010', '  ', [['a', '   98048633 ']]]),
    record('Mastering regular expressions'),
  ];
  const offsetOf = (i: number) => parts.slice(0, i).reduce((n, b) => n + b.length, 0);

  it('stores the good records under 035, 020, 010 or content-hash ids, says so in the notes, and skips the corrupt ones at their offsets', async () => {
    const file = path.join(dir, 'export.mrc');
    fs.writeFileSync(file, Buffer.concat(parts));
    const partnerId = await h.addPartner('no-001-library', PartnerKind.LIBRARY);
    const sourceId = await h.addSource(partnerId, pathToFileURL(file).href, SourceFormat.MARC);

    const report = await h.graph.services.sources.syncSource(h.admin, sourceId);
    expect(report).toMatchObject({ status: 'PARTIAL', created: 4, skipped: 2, error: null });
    expect(report.notes).toEqual(['4 record(s) had no 001; identified by 035 system control number (1), 020 ISBN (1), 010 LCCN (1), content hash (1)']);
    expect(report.skippedItems).toEqual([
      { externalId: null, reason: 'record 2: base address of data (99999) does not end the directory', offset: offsetOf(1) },
      { externalId: null, reason: expect.stringMatching(/^record 4: directory length of field 245 is not numeric/), offset: offsetOf(3) },
    ]);
    const stored = await h.graph.db.getRepository(CatalogRecordEntity).find({ where: { sourceId: localOf(sourceId) }, order: { title: 'ASC' } });
    expect(stored.map((r) => [r.title, r.externalId])).toEqual([
      ['Mastering regular expressions', expect.stringMatching(/^sha256:[0-9a-f]{64}$/)],
      ['Perl cookbook', '010:98048633'],
      ['Programming Perl', '020:9780596000271'],
      ['The pragmatic programmer', '035:(OCoLC)41431256'],
    ]);

    // The same file again (a new mtime, so it is read): every record gets the same id, nothing is written.
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    const { result: again, tables } = await h.writes(() => h.graph.services.sources.syncSource(h.admin, sourceId));
    expect(again).toMatchObject({ status: 'PARTIAL', created: 0, updated: 0, removed: 0, unchanged: 4, skipped: 2 });
    expect(tables).toEqual(['source']); // only the source's health
  });
});
