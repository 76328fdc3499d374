import fs from 'node:fs';
import { NormalizedCatalogRecord } from '../../src/datasources/shared/catalog-item';
import { SkippedItem } from '../../src/datasources/adapter';
import { catalogRecords } from '../../src/datasources/marc/marc.source';
import { corpusFile } from '../support/corpus';
import { describeNeeding, needsCorpus } from '../support/needs';

async function ingest(file: string): Promise<{ records: NormalizedCatalogRecord[]; skipped: SkippedItem[] }> {
  const skipped: SkippedItem[] = [];
  const records: NormalizedCatalogRecord[] = [];
  for await (const record of catalogRecords(fs.createReadStream(corpusFile('marc', file), { highWaterMark: 4096 }), skipped)) if (!('skipped' in record)) records.push(record);
  return { records, skipped };
}

const manifestCount = (file: string): number => {
  const line = fs.readFileSync(corpusFile('MANIFEST.tsv'), 'utf8').split('\n').find((l) => l.startsWith(`marc/${file}\t`));
  return Number(/(\d+) (?:real catalog |book )?records/.exec(line ?? '')?.[1] ?? NaN);
};

describeNeeding(needsCorpus(), 'MARC corpus (real catalog records)', () => {
  it('parses every record of every file in marc/ (none skipped), each with a control number and title', async () => {
    const files = fs.readdirSync(corpusFile('marc'));
    let total = 0;
    for (const file of files) {
      const { records, skipped } = await ingest(file);
      expect({ file, skipped }).toEqual({ file, skipped: [] });
      expect(records.length).toBe(manifestCount(file));
      for (const r of records) expect(r.controlNumber && r.title).toBeTruthy();
      total += records.length;
    }
    expect(total).toBe(42);
  });

  it('binary MARC 21 (leader/09 blank, MARC-8): titles, ISBN-13s with qualifiers apart, subjects', async () => {
    const { records } = await ingest('perl_books_10records.mrc');
    const first = records[0];
    expect(first).toMatchObject({ externalId: 'fol05731351', title: 'ActivePerl with ASP and ADO', authors: ['Martinsson, Tobias'], year: 2000, language: 'eng', format: 'BOOK' });
    expect(first.isbns).toEqual([{ isbn13: '9780471383147', qualifier: 'paper/cd-rom : alk. paper' }]);
    expect(records.find((r) => r.externalId === 'fol05865967')).toMatchObject({ title: 'Programming Perl', isbns: [{ isbn13: '9780596000271', qualifier: null }] });
    expect(records.every((r) => r.subjects.some((s) => s.startsWith('Perl (Computer program language)')))).toBe(true);
  });

  it('MARCXML from LC: a sound recording as MUSIC and a computer file as OTHER', async () => {
    const { records } = await ingest('loc_batch_2records.xml');
    expect(records.map((r) => [r.externalId, r.title, r.format, r.year])).toEqual([
      ['5637241', 'The Great Ray Charles', 'MUSIC', 1957],
      ['12149120', 'The White House', 'OTHER', 1994],
    ]);
  });

  it('multi-script MARCXML keeps diacritics exactly (NFC) and reads OCLC numbers and languages', async () => {
    const { records } = await ingest('multiscript_30records.marcxml');
    expect(records).toHaveLength(30);
    const byId = new Map(records.map((r) => [r.externalId, r]));
    expect(byId.get('2007020969')).toMatchObject({ title: '"Strong Medicine speaks"', oclcNumbers: ['137335139'], isbns: [{ isbn13: '9780743297790', qualifier: 'alk. paper' }] });
    expect(byId.get('77826928')).toMatchObject({ title: 'Koryŏ inmul yŏlchŏn', language: 'kor' });
    expect(byId.get('2003546302')!.title).toBe('al-Ḥarb fī al-alfīyah al-thālithah');
    expect(records.every((r) => r.title === r.title.normalize('NFC'))).toBe(true);
    expect(new Set(records.map((r) => r.language))).toEqual(new Set(['urd', 'per', 'jpn', 'rus', 'kor', 'san', 'heb', 'geo', 'ara', 'tib', 'eng', 'chi']));
  });
});

describeNeeding(needsCorpus(), 'MARC corpus: original-script titles', () => {
  it('keeps 880 titles in their script, without bidi marks', async () => {
    const { records } = await ingest('multiscript_30records.marcxml');
    const persian = records.find((r) => r.externalId === '00313831')!;
    expect(persian.alternateTitles).toEqual(['نقدى براى تمام فصول : گفت و گوى اکبر گنجى با عبد الله نورى : به پيوست متن استيضاح عبد الله نورى در مجلس پنجم']);
    expect(records.filter((r) => r.alternateTitles.length).length).toBeGreaterThan(10);
  });
});
