import { ANSEL, BASIC_LATIN, Marc8Charset, marc8Charset } from './marc8.tables';

/**
 * MARC-8 → Unicode, every MARC-8 set: an ISO 2022 subset where escape sequences designate the G0
 * set (bytes 0x21-0x7E) and the G1 set (bytes 0xA1-0xFE). Spec: "MARC 21 Specifications, Character
 * Sets", part 3 (https://www.loc.gov/marc/specifications/speccharmarc8.html).
 * - Each field starts with G0 = Basic Latin and G1 = ANSEL; a designation lasts until the next one or
 *   the end of the field (subfield delimiters do not reset it), so callers keep one state per field.
 * - Space (0x20) is a space whatever G0 is, EACC included (its characters are three bytes 0x21-0x7E).
 * - Combining marks come BEFORE their base character in MARC-8 and after it in Unicode: they are
 *   carried to the next base character (in whatever set), and the result is NFC-normalized.
 * A byte with no character in its set, or an escape to no MARC-8 set, is an error with the reason:
 * the record is skipped and reported, never stored garbled.
 */
export class Marc8Error extends Error {}

export interface Marc8State {
  g0: Marc8Charset;
  g1: Marc8Charset;
}

export const fieldStartState = (): Marc8State => ({ g0: BASIC_LATIN, g1: ANSEL });

const ESC = 0x1b;
const SPACE = 0x20;
/** Technique 1 (greek symbols, subscripts, superscripts): ESC + final redesignates G0 without an intermediate; ESC s returns to Basic Latin. */
const TECHNIQUE_1 = new Set([0x67, 0x62, 0x70]);
const RETURN_TO_LATIN = 0x73;
/** ANSEL's control characters (C1 range), valid whatever G1 is: NSB/NSE non-sort markers (no visible character), ZWJ and ZWNJ. */
const C1: Record<number, string> = { 0x88: '', 0x89: '', 0x8d: '\u200d', 0x8e: '\u200c' };

const hex = (value: number, bytes: number) => `0x${value.toString(16).toUpperCase().padStart(bytes * 2, '0')}`;
const shownEscape = (bytes: Buffer, from: number, to: number) =>
  ['ESC', ...Array.from(bytes.subarray(from + 1, to), (b) => (b > 0x20 && b < 0x7f ? String.fromCharCode(b) : hex(b, 1)))].join(' ');

/** Applies the escape sequence at `i` to `state`; returns the index after it. */
function applyEscape(bytes: Buffer, i: number, state: Marc8State): number {
  let at = i + 1;
  if (at >= bytes.length) throw new Marc8Error('truncated MARC-8 escape sequence ESC');
  const first = bytes[at];
  if (first === RETURN_TO_LATIN || TECHNIQUE_1.has(first)) {
    state.g0 = first === RETURN_TO_LATIN ? BASIC_LATIN : marc8Charset(first)!;
    return at + 1;
  }
  let g1 = false;
  if (first === 0x24) { // '$': a multi-byte set; G0 unless ',' ')' '-' follows
    at += 1;
    if (bytes[at] === 0x2c || bytes[at] === 0x29 || bytes[at] === 0x2d) g1 = bytes[at++] !== 0x2c;
  } else if (first === 0x28 || first === 0x2c || first === 0x29 || first === 0x2d) { // ( , → G0; ) - → G1
    g1 = first === 0x29 || first === 0x2d;
    at += 1;
  } else {
    throw new Marc8Error(`unknown MARC-8 escape sequence ${shownEscape(bytes, i, Math.min(at + 1, bytes.length))}`);
  }
  if (bytes[at] === 0x21) at += 1; // ANSEL's registered final is the pair "!E"; "E" alone is also written
  if (at >= bytes.length) throw new Marc8Error(`truncated MARC-8 escape sequence ${shownEscape(bytes, i, at)}`);
  // The final byte names the set, and the set fixes its width, so a missing or extra '$' is tolerated.
  const set = marc8Charset(bytes[at]);
  if (!set) throw new Marc8Error(`unknown MARC-8 character set (escape sequence ${shownEscape(bytes, i, at + 1)})`);
  if (g1) state.g1 = set;
  else state.g0 = set;
  return at + 1;
}

/** Pure ASCII in Basic Latin needs no per-character work (most catalog text). */
function isPlainAscii(bytes: Buffer, state: Marc8State): boolean {
  if (state.g0 !== BASIC_LATIN) return false;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x7f || bytes[i] === ESC) return false;
  return true;
}

/**
 * Decodes one subfield (or control field). `state` carries the designations from the previous
 * subfield of the same field and is updated in place; leave it out for a standalone string.
 */
export function decodeMarc8(bytes: Buffer, state: Marc8State = fieldStartState()): string {
  if (isPlainAscii(bytes, state)) return bytes.toString('latin1');
  let out = '';
  let pending = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    if (b === ESC) {
      i = applyEscape(bytes, i, state);
      continue;
    }
    if (b <= SPACE || b === 0x7f) { // space in every set; other C0 controls pass through as before
      out += String.fromCharCode(b) + pending;
      pending = '';
      i += 1;
      continue;
    }
    if ((b >= 0x80 && b <= 0xa0) || b === 0xff) {
      if (C1[b] === undefined) throw new Marc8Error(`invalid MARC-8 byte ${hex(b, 1)}`);
      out += C1[b];
      i += 1;
      continue;
    }
    const set = b < 0x80 ? state.g0 : state.g1;
    const width = set.bytesPerChar;
    if (i + width > bytes.length) throw new Marc8Error(`truncated ${set.name} character at the end of a MARC-8 subfield (${width} bytes expected)`);
    let raw = b;
    for (let k = 1; k < width; k++) raw = (raw << 8) | bytes[i + k];
    const char = set.get(width === 1 ? raw & 0x7f : raw & 0x7f7f7f);
    if (!char) throw new Marc8Error(`MARC-8 set ${set.name} has no character ${hex(raw, width)}`);
    if (char.combining) {
      pending += char.text;
    } else {
      out += char.text + pending;
      pending = '';
    }
    i += width;
  }
  return (out + pending).normalize('NFC');
}
