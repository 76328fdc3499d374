/**
 * MARC-8 → Unicode for the character sets library catalogs in our region actually send: ASCII (G0)
 * and ANSEL extended Latin (G1). MARC-8 puts combining diacritics BEFORE their base letter; Unicode
 * puts them after, so they are carried over and the result is NFC-normalized.
 * Spec: https://www.loc.gov/marc/specifications/speccharmarc8.html and the ANSEL code table
 * (https://www.loc.gov/marc/specifications/codetables/ExtendedLatin.html).
 * Escape sequences to other sets (Greek, Cyrillic, Arabic, CJK EACC, ...) are rejected with a reason
 * rather than guessed: such a record is skipped and reported, never stored garbled.
 */
export class Marc8Error extends Error {}

const SPECIAL: Record<number, number> = {
  0xa1: 0x0141, 0xa2: 0x00d8, 0xa3: 0x0110, 0xa4: 0x00de, 0xa5: 0x00c6, 0xa6: 0x0152, 0xa7: 0x02b9, 0xa8: 0x00b7,
  0xa9: 0x266d, 0xaa: 0x00ae, 0xab: 0x00b1, 0xac: 0x01a0, 0xad: 0x01af, 0xae: 0x02bc, 0xb0: 0x02bb, 0xb1: 0x0142,
  0xb2: 0x00f8, 0xb3: 0x0111, 0xb4: 0x00fe, 0xb5: 0x00e6, 0xb6: 0x0153, 0xb7: 0x02ba, 0xb8: 0x0131, 0xb9: 0x00a3,
  0xba: 0x00f0, 0xbc: 0x01a1, 0xbd: 0x01b0, 0xc0: 0x00b0, 0xc1: 0x2113, 0xc2: 0x2117, 0xc3: 0x00a9, 0xc4: 0x266f,
  0xc5: 0x00bf, 0xc6: 0x00a1, 0xc7: 0x00df, 0xc8: 0x20ac,
};

const COMBINING: Record<number, number> = {
  0xe0: 0x0309, 0xe1: 0x0300, 0xe2: 0x0301, 0xe3: 0x0302, 0xe4: 0x0303, 0xe5: 0x0304, 0xe6: 0x0306, 0xe7: 0x0307,
  0xe8: 0x0308, 0xe9: 0x030c, 0xea: 0x030a, 0xeb: 0xfe20, 0xec: 0xfe21, 0xed: 0x0315, 0xee: 0x030b, 0xef: 0x0310,
  0xf0: 0x0327, 0xf1: 0x0328, 0xf2: 0x0323, 0xf3: 0x0324, 0xf4: 0x0325, 0xf5: 0x0333, 0xf6: 0x0332, 0xf7: 0x0326,
  0xf8: 0x031c, 0xf9: 0x032e, 0xfa: 0xfe22, 0xfb: 0xfe23, 0xfe: 0x0313,
};

const ESC = 0x1b;

/** Escapes that only (re)select ASCII or ANSEL, which we already decode: ESC ( B, ESC ( !E, ESC ) E, ESC ) !E, ESC s. */
function skipKnownEscape(bytes: Buffer, i: number): number {
  const rest = bytes.subarray(i + 1, i + 4).toString('latin1');
  if (rest.startsWith('(B') || rest.startsWith(')E')) return i + 3;
  if (rest.startsWith('(!E') || rest.startsWith(')!E')) return i + 4;
  if (rest.startsWith('s')) return i + 2;
  const shown = rest.replace(/[^\x20-\x7e]/g, '?');
  throw new Marc8Error(`unsupported MARC-8 character set (escape sequence ESC ${shown.trim() || '?'})`);
}

export function decodeMarc8(bytes: Buffer): string {
  let out = '';
  let pending = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    if (b === ESC) {
      i = skipKnownEscape(bytes, i);
      continue;
    }
    if (b < 0x80) {
      out += String.fromCharCode(b) + pending;
      pending = '';
    } else if (COMBINING[b] !== undefined) {
      pending += String.fromCharCode(COMBINING[b]);
    } else if (SPECIAL[b] !== undefined) {
      out += String.fromCharCode(SPECIAL[b]) + pending;
      pending = '';
    } else if (b === 0x88 || b === 0x89) {
      // NSB / NSE non-sort markers: no visible character.
    } else if (b === 0x8d || b === 0x8e) {
      out += b === 0x8d ? '\u200d' : '\u200c';
    } else {
      throw new Marc8Error(`invalid MARC-8 byte 0x${b.toString(16).toUpperCase()}`);
    }
    i += 1;
  }
  return (out + pending).normalize('NFC');
}
