import { decodeMarc8, fieldStartState } from '../../../src/datasources/marc/marc8.decode';

/** MARC-8 bytes written by hand from the LoC code tables (https://www.loc.gov/marc/specifications/specchartables.html). */
const marc8 = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const decode = (...parts: (string | number[])[]) => decodeMarc8(marc8(...parts));
const reason = (...parts: (string | number[])[]) => {
  try {
    decode(...parts);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a MARC-8 error');
};

describe('MARC-8 decoding, every character set', () => {
  it('Basic Greek (ESC ( S), its combining accent moved after the letter', () => {
    // Ε λ λ (acute) α δ α: the acute comes before alpha in MARC-8; NFC makes U+03AC.
    expect(decode('\x1b(SFnn"aea\x1b(B')).toBe('\u0395\u03bb\u03bb\u03ac\u03b4\u03b1');
  });

  it('Basic Cyrillic (ESC ( N) and Extended Cyrillic as G1 (ESC ) Q) and as G0 (ESC ( Q)', () => {
    expect(decode('\x1b(NwOJNA I MIR\x1b(B')).toBe('Война и мир');
    expect(decode('\x1b(N\x1b)QkI', [0xc7], 'W')).toBe('Київ');
    expect(decode('\x1b(Qc\x1b(B.')).toBe('Є.');
  });

  it('an ANSEL combining mark (G1) before a Cyrillic letter (G0)', () => {
    expect(decode('\x1b(NWOD', [0xe2], 'A\x1b(B')).toBe('вода\u0301');
  });

  it('Basic Hebrew and Basic Arabic designated as G1 (ESC ) 2, ESC ) 3), Extended Arabic (ESC ) 4)', () => {
    expect(decode('\x1b)2', [0xf9, 0xec, 0xe5, 0xed])).toBe('שלום');
    expect(decode('\x1b)3', [0xe3, 0xca, 0xc7, 0xc8], ' 12')).toBe('كتاب 12');
    expect(decode('\x1b)4', [0xa9])).toBe('پ');
  });

  it('CJK EACC (ESC $ 1, three bytes a character), with single-byte spaces and back to Latin', () => {
    expect(decode('\x1b$1!04!BX\x1b(B')).toBe('中文');
    expect(decode('\x1b$1!Bs!Ci !4H!5=\x1b(B (2 v.)')).toBe('日本 化史 (2 v.)');
    expect(decode('\x1b$,1!Bs\x1bs!')).toBe('日!');
  });

  it('subscripts, superscripts and greek symbols (ESC b, ESC p, ESC g; ESC s back to Basic Latin)', () => {
    expect(decode('H\x1bb2\x1bsO and E=mc\x1bp2\x1bs')).toBe('H₂O and E=mc²');
    expect(decode('\x1bga\x1bs-particles, \x1bgb\x1bs-decay')).toBe('α-particles, β-decay');
    expect(decode('x\x1bp(2+1)\x1bs, SO\x1bb4\x1bs\x1bp2-\x1bs')).toBe('x\u207d\u00b2\u207a\u00b9\u207e, SO\u2084\u00b2\u207b');
  });

  it('switches back and forth inside one string', () => {
    expect(decode('Tolstoy, \x1b(NwOJNA I MIR\x1b(B = War and peace; \x1b$1!04\x1b(B; \x1b(SFnn"aea\x1bs.'))
      .toBe('Tolstoy, Война и мир = War and peace; 中; \u0395\u03bb\u03bb\u03ac\u03b4\u03b1.');
  });

  it('keeps ANSEL as before: the ANSEL escapes, alif as U+02BC, eszett and euro', () => {
    expect(decode('\x1b)!E', [0xe2], 'e \x1b)E', [0xae], 'a ', [0xc7, 0xc8])).toBe('é ʼa ß€');
  });

  it('carries the designations in the state it is given (one state per field)', () => {
    const state = fieldStartState();
    expect(decodeMarc8(marc8('\x1b(NMIR'), state)).toBe('мир');
    expect(decodeMarc8(marc8('MIR'), state)).toBe('мир');
    expect(decodeMarc8(marc8('MIR'))).toBe('MIR');
  });

  it('names the set and the bytes of a character its set does not define', () => {
    expect(reason('\x1b)2', [0xd0])).toBe('MARC-8 set Basic Hebrew has no character 0xD0');
    expect(reason('\x1b$1~~~')).toBe('MARC-8 set East Asian ideographs (EACC) has no character 0x7E7E7E');
    expect(reason('\x1b$1!0')).toBe('truncated East Asian ideographs (EACC) character at the end of a MARC-8 subfield (3 bytes expected)');
    expect(reason('ok', [0x90])).toBe('invalid MARC-8 byte 0x90');
  });

  it('rejects escapes to no MARC-8 set, and cut-off escapes', () => {
    expect(reason('\x1b(Zabc')).toBe('unknown MARC-8 character set (escape sequence ESC ( Z)');
    expect(reason('\x1b$)Zabc')).toBe('unknown MARC-8 character set (escape sequence ESC $ ) Z)');
    expect(reason('\x1bxabc')).toBe('unknown MARC-8 escape sequence ESC x');
    expect(reason('abc\x1b(')).toBe('truncated MARC-8 escape sequence ESC (');
  });
});
