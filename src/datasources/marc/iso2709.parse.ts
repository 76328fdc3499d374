import { decodeMarc8, fieldStartState, Marc8Error } from './marc8.decode';
import { MarcField, MarcParseResult, MarcRecord, MarcSubfield } from './marc.record';

/**
 * Streaming reader for MARC 21 exchange format (ISO 2709), pure: bytes in, records out.
 * https://www.loc.gov/marc/specifications/specrecstruc.html
 * Only one record's bytes are ever buffered, so a file of any size streams in constant memory.
 * A damaged record (truncated, lengths that disagree with the directory, unknown leader/09 coding)
 * becomes a `{ ok: false, reason }` and reading resumes at the next record terminator.
 */
const RECORD_TERMINATOR = 0x1d;
const FIELD_TERMINATOR = 0x1e;
const SUBFIELD_DELIMITER = 0x1f;
/** Leader/00-04 has five digits: no valid record is longer. */
const MAX_RECORD_BYTES = 99_999;

class RecordError extends Error {}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes one field's text pieces (its subfields, in order); a new one is made for every field. */
type FieldDecoder = (bytes: Buffer) => string;

function utf8Field(bytes: Buffer): string {
  try {
    return strictUtf8.decode(bytes).normalize('NFC');
  } catch {
    throw new RecordError('leader/09 says UTF-8 but the bytes are not valid UTF-8');
  }
}

/** MARC-8 designations last to the end of the field, across subfield delimiters, and reset at the next field. */
function marc8Field(): FieldDecoder {
  const state = fieldStartState();
  return (bytes) => {
    try {
      return decodeMarc8(bytes, state);
    } catch (error) {
      if (error instanceof Marc8Error) throw new RecordError(error.message);
      throw error;
    }
  };
}

/**
 * Exports very often write UTF-8 but leave leader/09 blank (MARC-8). The two are told apart by the
 * bytes: MARC-8 puts a combining mark (0xE0-0xFE) before an ASCII letter and ANSEL letters beside ASCII,
 * which is never valid UTF-8; while valid UTF-8 is often valid MARC-8 too (é, C3 A9, reads as "©♭"), so
 * waiting for MARC-8 to fail would garble most of them. Non-ASCII data that is all valid UTF-8 is UTF-8.
 */
function isUtf8NotAscii(data: Buffer): boolean {
  if (!data.some((b) => b >= 0x80)) return false;
  try {
    strictUtf8.decode(data);
    return true;
  } catch {
    return false;
  }
}

function fieldDecoderFor(leader: string, data: Buffer): { decoder: () => FieldDecoder; readAsUtf8: boolean } {
  const coding = leader[9];
  if (coding === 'a') return { decoder: () => utf8Field, readAsUtf8: false };
  if (coding === ' ') return isUtf8NotAscii(data) ? { decoder: () => utf8Field, readAsUtf8: true } : { decoder: marc8Field, readAsUtf8: false };
  throw new RecordError(`unknown character coding scheme in leader/09: ${JSON.stringify(coding)}`);
}

const digits = (text: string, what: string): number => {
  if (!/^\d+$/.test(text)) throw new RecordError(`${what} is not numeric: ${JSON.stringify(text)}`);
  return Number(text);
};

function parseDataField(tag: string, bytes: Buffer, decode: FieldDecoder): MarcField {
  if (bytes.length < 2) throw new RecordError(`field ${tag} is shorter than its two indicators`);
  const subfields: MarcSubfield[] = [];
  let start = bytes.indexOf(SUBFIELD_DELIMITER, 2);
  while (start !== -1) {
    const next = bytes.indexOf(SUBFIELD_DELIMITER, start + 1);
    const chunk = bytes.subarray(start + 1, next === -1 ? bytes.length : next);
    if (chunk.length > 0) subfields.push({ code: String.fromCharCode(chunk[0]), value: decode(chunk.subarray(1)) });
    start = next;
  }
  return { tag, ind1: String.fromCharCode(bytes[0]), ind2: String.fromCharCode(bytes[1]), subfields };
}

/** Parses one complete record (terminator included). Throws RecordError with the reason. */
export function parseIso2709Record(bytes: Buffer): MarcRecord {
  return readRecord(bytes).record;
}

function readRecord(bytes: Buffer): { record: MarcRecord; readAsUtf8: boolean } {
  if (bytes.length < 24) throw new RecordError(`truncated record: ${bytes.length} bytes, shorter than the 24-byte leader`);
  const leader = bytes.subarray(0, 24).toString('latin1');
  const declared = digits(leader.slice(0, 5), 'record length (leader/00-04)');
  if (declared !== bytes.length) {
    throw new RecordError(`record length in the leader (${declared}) does not match the record (${bytes.length} bytes)`);
  }
  const base = digits(leader.slice(12, 17), 'base address of data (leader/12-16)');
  if (base < 25 || base > bytes.length || bytes[base - 1] !== FIELD_TERMINATOR || (base - 25) % 12 !== 0) {
    throw new RecordError(`base address of data (${base}) does not end the directory`);
  }
  const { decoder: newFieldDecoder, readAsUtf8 } = fieldDecoderFor(leader, bytes.subarray(base, bytes.length - 1));
  const fields: MarcField[] = [];
  for (let at = 24; at < base - 1; at += 12) {
    const entry = bytes.subarray(at, at + 12).toString('latin1');
    const tag = entry.slice(0, 3);
    const length = digits(entry.slice(3, 7), `directory length of field ${tag}`);
    const start = digits(entry.slice(7, 12), `directory start of field ${tag}`);
    const end = base + start + length;
    if (length < 1 || end > bytes.length - 1 || bytes[end - 1] !== FIELD_TERMINATOR) {
      throw new RecordError(`directory entry for field ${tag} (start ${start}, length ${length}) does not match the data`);
    }
    const body = bytes.subarray(base + start, end - 1);
    const decode = newFieldDecoder();
    fields.push(tag.startsWith('00') ? { tag, value: decode(body) } : parseDataField(tag, body, decode));
  }
  return { record: { leader, fields }, readAsUtf8 };
}

/** Best effort: the 001 of a record we could not parse, so the report can name it. */
function sniffControlNumber(bytes: Buffer): string | null {
  const text = bytes.toString('latin1');
  const base = Number(text.slice(12, 17));
  const match = /001(\d{4})(\d{5})/.exec(text.slice(24, Number.isFinite(base) ? base : 24));
  if (!match || !(base > 0)) return null;
  const value = text.slice(base + Number(match[2]), base + Number(match[2]) + Number(match[1]) - 1).trim();
  return /^[\x20-\x7e]{1,64}$/.test(value) ? value : null;
}

function toResult(bytes: Buffer, index: number, offset: number): MarcParseResult {
  try {
    const { record, readAsUtf8 } = readRecord(bytes);
    return { ok: true, record, index, offset, ...(readAsUtf8 ? { readAsUtf8 } : {}) };
  } catch (error) {
    if (!(error instanceof RecordError)) throw error;
    return { ok: false, reason: error.message, index, controlNumber: sniffControlNumber(bytes), offset };
  }
}

/** MARC 21 leaders end in the entry map "4500"; with a length that ends exactly at the terminator, that is a record start. */
const ENTRY_MAP = Buffer.from('4500', 'latin1');

/**
 * A record cut short (its terminator lost) runs into the next one up to that one's terminator. Where a
 * leader inside the bytes declares a length reaching exactly their end, the record there is whole: it
 * is split off and read, so only the damaged one is lost.
 */
function embeddedRecordStart(bytes: Buffer): number | null {
  for (let at = bytes.indexOf(ENTRY_MAP, 21); at !== -1; at = bytes.indexOf(ENTRY_MAP, at + 1)) {
    const start = at - 20;
    const length = bytes.subarray(start, start + 5).toString('latin1');
    if (start > 0 && /^\d{5}$/.test(length) && Number(length) === bytes.length - start) return start;
  }
  return null;
}

function* resultsOf(bytes: Buffer, firstIndex: number, offset: number): Generator<MarcParseResult> {
  const whole = toResult(bytes, firstIndex, offset);
  const start = whole.ok ? null : embeddedRecordStart(bytes);
  if (start === null) {
    yield whole;
    return;
  }
  const cut = bytes.subarray(0, start);
  yield { ok: false, reason: `truncated record (${start} bytes, no record terminator before the next record)`, index: firstIndex, controlNumber: sniffControlNumber(cut), offset };
  yield toResult(bytes.subarray(start), firstIndex + 1, offset + start);
}

export async function* parseIso2709(chunks: AsyncIterable<Buffer | Uint8Array> | Iterable<Buffer | Uint8Array>): AsyncGenerator<MarcParseResult> {
  let pending: Buffer = Buffer.alloc(0);
  /** Byte offset in the file of pending[0]. */
  let consumed = 0;
  let index = 0;
  for await (const chunk of chunks) {
    pending = pending.length === 0 ? Buffer.from(chunk) : Buffer.concat([pending, chunk]);
    let terminator = pending.indexOf(RECORD_TERMINATOR);
    while (terminator !== -1) {
      const bytes = pending.subarray(0, terminator + 1);
      // Line breaks between records (some exports add them) are not part of the next record.
      const skip = bytes.findIndex((b) => b !== 0x0a && b !== 0x0d);
      for (const result of resultsOf(bytes.subarray(skip), index, consumed + skip)) {
        index = result.index + 1;
        yield result;
      }
      pending = pending.subarray(terminator + 1);
      consumed += terminator + 1;
      terminator = pending.indexOf(RECORD_TERMINATOR);
    }
    if (pending.length > MAX_RECORD_BYTES) {
      yield { ok: false, reason: `no record terminator within ${MAX_RECORD_BYTES} bytes`, index: index++, controlNumber: null, offset: consumed };
      consumed += pending.length;
      pending = Buffer.alloc(0);
    }
  }
  if (pending.toString('latin1').trim().length > 0) {
    yield { ok: false, reason: `truncated record at end of file (${pending.length} bytes, no record terminator)`, index, controlNumber: sniffControlNumber(pending), offset: consumed };
  }
}
