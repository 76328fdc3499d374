import { parseMarc } from '../../../src/datasources/marc/marc.parse';
import { decodeMarc8 } from '../../../src/datasources/marc/marc8.decode';
import { MarcParseResult } from '../../../src/datasources/marc/marc.record';
import { iso2709, leader, marcXml, marcXmlRecord } from '../../support/marc-writer';

async function parseAll(chunks: Buffer[]): Promise<MarcParseResult[]> {
  const out: MarcParseResult[] = [];
  for await (const r of parseMarc(chunks)) out.push(r);
  return out;
}

const titleOf = (r: MarcParseResult) => (r.ok ? r.record.fields.find((f) => f.tag === '245')?.subfields?.[0].value : undefined);

/** Splits bytes into tiny chunks, so records and multi-byte characters straddle chunk borders. */
const drip = (bytes: Buffer, size = 7) => Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));

describe('MARC parsing', () => {
  const book = (id: string, title: string) => iso2709(leader(), [['001', id], ['245', '10', [['a', title]]]]);

  it('reads ISO 2709 records split across arbitrary chunk borders, UTF-8 included', async () => {
    const results = await parseAll(drip(Buffer.concat([book('1', 'Café society'), book('2', 'Ἰλιάς'), book('3', '三国演义')])));
    expect(results.map(titleOf)).toEqual(['Café society', 'Ἰλιάς', '三国演义']);
  });

  it('converts MARC-8 (leader/09 blank) to UTF-8: ANSEL diacritics before their letter, special characters', async () => {
    const marc8 = Buffer.from([0x43, 0x61, 0x66, 0xe2, 0x65, 0x20, 0xa1, 0xf3, 0x64, 0xe8, 0x75, 0x20, 0xc3]); // Caf´e Łódź-ish
    const result = (await parseAll([iso2709(leader({ coding: ' ' }), [['001', '9'], ['245', '10', [['a', marc8]]]])]))[0];
    expect(titleOf(result)).toBe('Café Łd\u0324ü ©'.normalize('NFC'));
  });

  it('decodes the common ANSEL letters exactly', () => {
    expect(decodeMarc8(Buffer.from('M\xe8uller, \xe1A. \xa5sop \xb2l \xf0c', 'latin1'))).toBe('Müller, À. Æsop øl ç');
    expect(decodeMarc8(Buffer.from('\x1b(BAB', 'latin1'))).toBe('AB');
  });

  it('skips a record with a wrong directory length, with the reason, and reads the next one', async () => {
    const bad = book('2', 'Broken');
    bad.write('9999', 24 + 3, 'latin1'); // first directory entry's length
    const results = await parseAll([book('1', 'Good one'), bad, book('3', 'Good two')]);
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[1]).toEqual({ ok: false, index: 1, controlNumber: null, reason: 'directory entry for field 001 (start 0, length 9999) does not match the data', offset: book('1', 'Good one').length });
  });

  it('reports a wrong leader length and a truncated last record', async () => {
    const wrong = book('2', 'Wrong length');
    wrong.write('00010', 0, 'latin1');
    const whole = book('3', 'Cut off');
    const results = await parseAll([book('1', 'Fine'), wrong, whole.subarray(0, 40)]);
    expect(results.map((r) => (r.ok ? 'ok' : r.reason))).toEqual([
      'ok',
      `record length in the leader (10) does not match the record (${wrong.length} bytes)`,
      'truncated record at end of file (40 bytes, no record terminator)',
    ]);
  });

  it('reads a record declared MARC-8 (leader/09 blank) whose bytes are UTF-8 as UTF-8, and says so', async () => {
    const blank = leader({ coding: ' ' });
    // "é" as UTF-8 (C3 A9) is also valid MARC-8 ("©♭"); "三国" (E4 B8 89 E5 9B BD) is not: both are read as UTF-8.
    const cafe = iso2709(blank, [['001', 'u1'], ['245', '10', [['a', 'Café society']]]]);
    const cjk = iso2709(blank, [['001', 'u2'], ['245', '10', [['a', '三国演义']]]]);
    const ascii = iso2709(blank, [['001', 'u3'], ['245', '10', [['a', 'Plain title']]]]);
    // Real MARC-8: the acute (E2) comes before its letter, which is never valid UTF-8.
    const marc8 = iso2709(blank, [['001', 'u4'], ['245', '10', [['a', Buffer.from('Caf\xe2e', 'latin1')]]]]);
    const results = await parseAll(drip(Buffer.concat([cafe, cjk, ascii, marc8])));
    expect(results.map((r) => [titleOf(r), r.ok && r.readAsUtf8 === true])).toEqual([
      ['Café society', true], ['三国演义', true], ['Plain title', false], ['Café', false],
    ]);
  });

  it('a file mixing good and corrupt records: each corrupt one is skipped with its byte offset and reason, every good one is read', async () => {
    const good = [book('g1', 'First'), book('g2', 'Second'), book('g3', 'Third'), book('g4', 'Fourth')];
    const badDirectory = book('d1', 'Bad directory');
    badDirectory.write('12', 24 + 3, 'latin1'); // "001" entry's length becomes "12" + two letters: not numeric
    badDirectory.write('xx', 24 + 5, 'latin1');
    const badLength = book('l1', 'Bad length');
    badLength.write('00099', 0, 'latin1');
    // Cut off before its terminator: the bytes run on into the next record, which is still read.
    const truncated = book('t1', 'Truncated').subarray(0, 52); // leader, directory, 001 and a bit of 245
    const file = [good[0], badDirectory, good[1], badLength, truncated, good[2], good[3]];
    const offsets = file.map((_, i) => file.slice(0, i).reduce((n, b) => n + b.length, 0));
    const results = await parseAll(drip(Buffer.concat(file), 13));
    expect(results.map((r) => (r.ok ? ['ok', titleOf(r), r.offset] : [r.reason, r.controlNumber, r.offset]))).toEqual([
      ['ok', 'First', offsets[0]],
      // Its directory is what names the 001, so the report cannot name it: the offset finds it.
      ['directory length of field 001 is not numeric: "12xx"', null, offsets[1]],
      ['ok', 'Second', offsets[2]],
      [`record length in the leader (99) does not match the record (${badLength.length} bytes)`, 'l1', offsets[3]],
      ['truncated record (52 bytes, no record terminator before the next record)', 't1', offsets[4]],
      ['ok', 'Third', offsets[5]],
      ['ok', 'Fourth', offsets[6]],
    ]);
    expect(results.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('rejects an unknown leader/09 encoding and an escape to no MARC-8 set, and reads the records after them', async () => {
    const unknown = iso2709('00000nam z2200000 i 4500', [['001', '7'], ['245', '10', [['a', 'X']]]]);
    const noSuchSet = iso2709(leader({ coding: ' ' }), [['001', '8'], ['245', '10', [['a', Buffer.from('\x1b(Zabc', 'latin1')]]]]);
    const greek = iso2709(leader({ coding: ' ' }), [['001', '9'], ['245', '10', [['a', Buffer.from('\x1bga\x1bs-particles', 'latin1')]]]]);
    const results = await parseAll([unknown, noSuchSet, greek]);
    expect(results.map((r) => (r.ok ? titleOf(r) : r.reason))).toEqual([
      'unknown character coding scheme in leader/09: "z"',
      'unknown MARC-8 character set (escape sequence ESC ( Z)',
      'α-particles',
    ]);
    expect(results.map((r) => !r.ok && r.controlNumber)).toEqual(['7', '8', false]);
  });

  it('MARC-8: a designation lasts across the subfields of its field and the next field starts in Basic Latin', async () => {
    const record = iso2709(leader({ coding: ' ' }), [
      ['001', '10'],
      ['245', '10', [['a', Buffer.from('\x1b(NwOJNA I MIR /', 'latin1')], ['c', Buffer.from('l. tOLSTOJ', 'latin1')]]],
      ['246', '3 ', [['a', Buffer.from('\x1b$1!Bs!Ci', 'latin1')], ['b', Buffer.from(' !04', 'latin1')]]],
      ['500', '  ', [['a', 'MIR']]],
    ]);
    const [result] = await parseAll(drip(record, 5));
    const subfields = result.ok ? result.record.fields.slice(1).map((f) => f.subfields!.map((sf) => sf.value)) : result.reason;
    expect(subfields).toEqual([['Война и мир /', 'Л. Толстой'], ['日本', ' 中'], ['MIR']]);
  });

  it('reads MARCXML with or without a namespace prefix, streaming, and skips a record without a leader', async () => {
    const xml = marcXml([
      marcXmlRecord(leader(), [['001', 'x1'], ['245', '10', [['a', 'Tom & Jerry <annotated>']]]]),
      '<record><controlfield tag="001">x2</controlfield></record>',
      marcXmlRecord(leader(), [['001', 'x3'], ['245', '10', [['a', 'Third']]]]).replace(/<(\/?)(record|leader|controlfield|datafield|subfield)/g, '<$1marc:$2'),
    ]);
    const results = await parseAll(drip(Buffer.from(xml), 5));
    expect(results.map((r) => (r.ok ? titleOf(r) : r.reason))).toEqual(['Tom & Jerry <annotated>', 'leader must be 24 characters, got 0', 'Third']);
  });

  it('reports MARCXML cut off mid-record and text that is not MARCXML', async () => {
    const xml = marcXml([marcXmlRecord(leader(), [['001', 'a'], ['245', '10', [['a', 'A']]]])]);
    const cut = await parseAll([Buffer.from(xml.slice(0, xml.indexOf('<subfield')))]);
    expect(cut).toEqual([{ ok: false, index: 0, controlNumber: 'a', reason: 'truncated MARCXML record (document ended before </record>)' }]);
    const notXml = await parseAll([Buffer.from('<html')]);
    expect(notXml.every((r) => !r.ok)).toBe(true);
  });
});
