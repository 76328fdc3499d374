import { CODESETS } from 'marc8/lib/marc8_mapping';

/**
 * The MARC-8 graphic character sets, built once at load from the LoC-derived code tables shipped in
 * the `marc8` package (data only: its decoder is not used). The rest of the code sees only this shape.
 * Code tables: https://www.loc.gov/marc/specifications/specchartables.html
 *
 * Characters are keyed by their 7-bit code (0x21-0x7E, or for EACC three such bytes as one 24-bit
 * number): the package keys some sets on the G0 range and others (ANSEL, Extended Arabic, Extended
 * Cyrillic) on the G1 range, while a record may designate any set as G0 or as G1 (ISO 2022).
 */
export interface Marc8Char {
  readonly text: string;
  /** MARC-8 stores combining marks before their base character; Unicode after. */
  readonly combining: boolean;
}

export interface Marc8Charset {
  readonly name: string;
  /** The final byte of the escape sequences that designate this set. */
  readonly final: number;
  readonly bytesPerChar: 1 | 3;
  get(code: number): Marc8Char | undefined;
}

const NAMES: Record<number, string> = {
  0x42: 'Basic Latin (ASCII)',
  0x45: 'Extended Latin (ANSEL)',
  0x67: 'Greek symbols',
  0x62: 'Subscripts',
  0x70: 'Superscripts',
  0x53: 'Basic Greek',
  0x4e: 'Basic Cyrillic',
  0x51: 'Extended Cyrillic',
  0x32: 'Basic Hebrew',
  0x33: 'Basic Arabic',
  0x34: 'Extended Arabic',
  0x31: 'East Asian ideographs (EACC)',
};

const EACC = 0x31;

/**
 * Where the package's tables predate LoC's current ANSEL table: alif is U+02BC (not U+02BE), and
 * eszett (0xC7) and the euro sign (0xC8), added to ANSEL later, are missing from the package.
 */
const CORRECTIONS: Record<number, Record<number, number>> = {
  0x45: { 0x2e: 0x02bc, 0x47: 0x00df, 0x48: 0x20ac },
};

const isGraphic7 = (b: number) => b >= 0x21 && b <= 0x7e;

function singleByteSet(final: number, name: string, table: Record<number, [number, number]>): Marc8Charset {
  const chars: (Marc8Char | undefined)[] = new Array(128).fill(undefined);
  for (const [key, [codePoint, combining]] of Object.entries(table)) {
    const code = Number(key) & 0x7f;
    // Controls and space (ESC, delimiters, 0x20 in Basic Latin; NSB/NSE in ANSEL) are no graphic characters: the decoder handles them.
    if (!isGraphic7(code) || (Number(key) >= 0x80 && Number(key) < 0xa1)) continue;
    if (chars[code]) throw new Error(`MARC-8 table ${name} defines 0x${code.toString(16)} twice (G0 and G1 keys)`);
    chars[code] = { text: String.fromCodePoint(codePoint), combining: combining === 1 };
  }
  for (const [code, codePoint] of Object.entries(CORRECTIONS[final] ?? {})) chars[Number(code)] = { text: String.fromCodePoint(codePoint), combining: false };
  return { name, final, bytesPerChar: 1, get: (code) => chars[code] };
}

function eaccSet(table: Record<number, [number, number]>): Marc8Charset {
  const chars = new Map<number, Marc8Char>();
  for (const [key, [codePoint, combining]] of Object.entries(table)) chars.set(Number(key), { text: String.fromCodePoint(codePoint), combining: combining === 1 });
  return { name: NAMES[EACC], final: EACC, bytesPerChar: 3, get: (code) => chars.get(code) };
}

const SETS = new Map<number, Marc8Charset>(
  Object.entries(NAMES).map(([final, name]) => {
    const table = CODESETS[Number(final)];
    if (!table) throw new Error(`the marc8 package has no code table for MARC-8 set ${name}`);
    return [Number(final), Number(final) === EACC ? eaccSet(table) : singleByteSet(Number(final), name, table)];
  }),
);

/** The set an escape's final byte designates, or undefined when MARC-8 defines none. */
export const marc8Charset = (final: number): Marc8Charset | undefined => SETS.get(final);

export const BASIC_LATIN = SETS.get(0x42)!;
export const ANSEL = SETS.get(0x45)!;
