import { createHash } from 'node:crypto';
import { splitIsbn } from '../shared/isbn';
import { controlField, dataFields, MarcRecord, subfieldsOf } from './marc.record';

/** Which rule gave a MARC record its id: its own 001, or (when it has none) the first of the fallbacks found. */
export type MarcIdRule = '001' | '035' | '020' | '010' | 'sha256';

export interface MarcRecordId {
  id: string;
  rule: MarcIdRule;
}

/** How each fallback rule is named in the pull's notes. */
export const MARC_ID_RULE_LABELS: Record<Exclude<MarcIdRule, '001'>, string> = {
  '035': '035 system control number',
  '020': '020 ISBN',
  '010': '010 LCCN',
  sha256: 'content hash',
};

const firstSubfield = (record: MarcRecord, tag: string, code: string, accept: (raw: string) => string | null): string | null => {
  for (const value of dataFields(record, tag).flatMap((f) => subfieldsOf(f, code))) {
    const accepted = accept(value);
    if (accepted) return accepted;
  }
  return null;
};

const trimmed = (raw: string): string | null => raw.trim() || null;

/**
 * Fields left out of the content hash because they change without the record changing: 001/003 (absent
 * or meaningless here), 005 (the ILS's "last touched" stamp), and holdings (852, local 9XX such as Koha's
 * 952 items, whose due dates change with every loan). Hashing them would give a book a new id, and so a
 * remove + create, each time it is checked out.
 */
const volatileTag = (tag: string): boolean => ['001', '003', '005', '852'].includes(tag) || tag.startsWith('9');

/**
 * The decoded fields, not the bytes: the leader (record length, base address, status) is left out, and a
 * MARC-8 and a UTF-8 copy of one record hash the same.
 */
function contentHash(record: MarcRecord): string {
  const canonical = record.fields.filter((f) => !volatileTag(f.tag))
    .map((f) => [f.tag, f.value ?? null, f.ind1 ?? null, f.ind2 ?? null, (f.subfields ?? []).map((s) => [s.code, s.value])]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/**
 * The record's stable id: its 001 when it has one; else the first 035 $a, valid 020 $a (as ISBN-13) or
 * 010 $a; else a hash of its content. Fallback ids carry their rule as a prefix ("035:(OCoLC)12345",
 * "020:9780…", "010:…", "sha256:…") so they do not collide with the 001s of other records, which
 * never take that form.
 */
export function marcRecordId(record: MarcRecord): MarcRecordId {
  const own = controlField(record, '001')?.trim();
  if (own) return { id: own, rule: '001' };
  const fallbacks: [Exclude<MarcIdRule, '001' | 'sha256'>, string | null][] = [
    ['035', firstSubfield(record, '035', 'a', trimmed)],
    ['020', firstSubfield(record, '020', 'a', (raw) => splitIsbn(raw).isbn13)],
    ['010', firstSubfield(record, '010', 'a', trimmed)],
  ];
  const found = fallbacks.find(([, value]) => value !== null);
  if (found) return { id: `${found[0]}:${found[1]}`, rule: found[0] };
  return { id: `sha256:${contentHash(record)}`, rule: 'sha256' };
}
