import { CatalogFormat, HoldingStatus } from '../../../src/datasources/shared/catalog-item';
import { isbnsIn, toIsbn10, toIsbn13 } from '../../../src/datasources/shared/isbn';
import { mapMarcRecord } from '../../../src/datasources/marc/marc.map';
import { parseIso2709Record } from '../../../src/datasources/marc/iso2709.parse';
import { iso2709, leader } from '../../support/marc-writer';

const map = (fields: Parameters<typeof iso2709>[1], lead = leader()) => mapMarcRecord(parseIso2709Record(iso2709(lead, fields)));

describe('MARC → catalog record mapping', () => {
  it('maps the bibliographic fields the catalog shows', () => {
    const record = map([
      ['001', ' 123 '], ['003', 'MilbPL'], ['008', '240101s2019    nyu           000 1 eng d'],
      ['020', '  ', [['a', '0-7432-9779-2 (pbk.)']]], ['020', '  ', [['a', '9780743297790'], ['q', 'hardcover']]],
      ['020', '  ', [['z', '1234567890']]],
      ['022', '  ', [['a', '0317-8471']]], ['035', '  ', [['a', '(OCoLC)ocm00137335']]], ['041', '0 ', [['a', 'fre'], ['a', 'eng']]],
      ['100', '1 ', [['a', 'Hearth, Amy Hill,'], ['d', '1958-']]], ['700', '1 ', [['a', 'Doe, Jane.']]],
      ['245', '10', [['a', 'Strong Medicine speaks :'], ['b', 'a Native American elder /'], ['c', 'Amy Hill Hearth.']]],
      ['250', '  ', [['a', '1st ed.']]], ['264', ' 1', [['a', 'New York :'], ['b', 'Atria Books,'], ['c', '[2019]']]],
      ['300', '  ', [['a', 'xi, 241 p. :'], ['b', 'ill. ;'], ['c', '24 cm.']]],
      ['490', '1 ', [['a', 'Elders series ;'], ['v', '2']]], ['830', ' 0', [['a', 'Elders series.']]],
      ['520', '  ', [['a', 'A memoir.']]],
      ['650', ' 0', [['a', 'Delaware women'], ['z', 'New Jersey'], ['v', 'Biography.']]], ['651', ' 0', [['a', 'Bridgeton (N.J.)']]],
      ['856', '40', [['u', 'https://example.org/toc'], ['y', 'Table of contents']]],
      ['852', '  ', [['a', 'MilbPL'], ['b', 'EAST'], ['h', '305.48'], ['i', 'HEA'], ['p', '3900012']]],
    ]);
    expect(record).toMatchObject({
      externalId: '123', controlNumber: '123', controlNumberSource: 'MilbPL', deleted: false,
      title: 'Strong Medicine speaks', subtitle: 'a Native American elder', statementOfResponsibility: 'Amy Hill Hearth',
      authors: ['Hearth, Amy Hill', 'Doe, Jane'], issns: ['0317-8471'], oclcNumbers: ['137335'], language: 'fre',
      edition: '1st ed.', publisher: 'Atria Books', year: 2019, extent: 'xi, 241 p. : ill. ; 24 cm', format: CatalogFormat.BOOK,
      series: ['Elders series'], summary: 'A memoir', subjects: ['Delaware women -- New Jersey -- Biography', 'Bridgeton (N.J.)'],
      links: [{ url: 'https://example.org/toc', label: 'Table of contents' }],
    });
    expect(record.isbns).toEqual([{ isbn13: '9780743297790', qualifier: 'pbk.' }]);
    expect(record.holdings).toEqual([{ itemId: '3900012', branchCode: 'EAST', holdingBranchCode: null, callNumber: '305.48 HEA', barcode: '3900012', itemType: null, status: HoldingStatus.UNKNOWN, rawStatus: null, dueDate: null }]);
  });

  it('reads Koha 952 items: branch, call number, barcode, type, and status from due date / not-for-loan / lost / withdrawn', () => {
    const item = (extra: [string, string][]) => ['952', '  ', [['9', '77'], ['a', 'MAIN'], ['b', 'EAST'], ['o', 'FIC ROW'], ['p', 'B1'], ['y', 'BK'], ...extra]] as const;
    const record = map([
      ['001', '5'], ['245', '10', [['a', 'Wonder']]],
      item([]) as never, item([['q', '2026-12-01']]) as never, item([['7', '1']]) as never, item([['7', '-1']]) as never,
      item([['1', '2']]) as never, item([['0', '1']]) as never,
    ]);
    expect(record.holdings.map((h) => [h.status, h.rawStatus])).toEqual([
      [HoldingStatus.AVAILABLE, 'available'], [HoldingStatus.CHECKED_OUT, 'due 2026-12-01'], [HoldingStatus.NOT_FOR_LOAN, 'notforloan 1'],
      [HoldingStatus.ON_ORDER, 'notforloan -1'], [HoldingStatus.LOST, 'lost (2)'], [HoldingStatus.NOT_FOR_LOAN, 'withdrawn'],
    ]);
    expect(record.holdings[0]).toMatchObject({ itemId: '77', branchCode: 'MAIN', holdingBranchCode: 'EAST', callNumber: 'FIC ROW', barcode: 'B1', itemType: 'BK' });
  });

  it('derives the format from the leader and carrier fields', () => {
    const formatOf = (type: string, level = 'm', extra: Parameters<typeof iso2709>[1] = []) =>
      map([['001', '1'], ['245', '10', [['a', 'T']]], ...extra], leader({ type, level })).format;
    expect(formatOf('a')).toBe(CatalogFormat.BOOK);
    expect(formatOf('a', 'm', [['338', '  ', [['a', 'online resource']]]])).toBe(CatalogFormat.EBOOK);
    expect(formatOf('a', 's')).toBe(CatalogFormat.MAGAZINE);
    expect(formatOf('i')).toBe(CatalogFormat.AUDIOBOOK);
    expect(formatOf('j')).toBe(CatalogFormat.MUSIC);
    expect(formatOf('g')).toBe(CatalogFormat.DVD);
    expect(formatOf('m')).toBe(CatalogFormat.OTHER);
    expect(formatOf('a', 'm', [['336', '  ', [['a', 'spoken word'], ['b', 'spw']]]])).toBe(CatalogFormat.AUDIOBOOK);
    expect(formatOf('g', 'm', [['336', '  ', [['a', 'two-dimensional moving image']]]])).toBe(CatalogFormat.DVD);
    expect(formatOf('j', 'm', [['336', '  ', [['b', 'prm']]]])).toBe(CatalogFormat.MUSIC);
  });

  it('marks leader/05 = d records as deletions, keeps a record without 001 under its fallback id, and refuses one without 245', () => {
    expect(map([['001', '9']], leader({ status: 'd' }))).toMatchObject({ externalId: '9', deleted: true });
    expect(map([['003', 'MilbPL'], ['035', '  ', [['a', '(OCoLC)12345']]], ['245', '10', [['a', 'No id']]]]))
      .toMatchObject({ externalId: '035:(OCoLC)12345', controlNumber: '035:(OCoLC)12345', controlNumberSource: null, title: 'No id' });
    expect(() => map([['001', '3']])).toThrow('record has no 245 title');
  });

  it('normalizes ISBNs in any spelling and finds them in free text', () => {
    expect(toIsbn13('0-471-38314-7')).toBe('9780471383147');
    expect(toIsbn13('978 0 471 38314 7')).toBe('9780471383147');
    expect(toIsbn13('0471383148')).toBeNull();
    expect(toIsbn10('9780471383147')).toBe('0471383147');
    expect(isbnsIn('Read ISBN 0-596-00027-8 and 978-1-56592-699-8 before the club')).toEqual(['9780596000271', '9781565926998']);
  });
});
