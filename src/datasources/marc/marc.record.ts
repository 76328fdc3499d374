/** One MARC 21 record as parsed, before mapping: the leader and its fields in file order. */
export interface MarcSubfield {
  code: string;
  value: string;
}

export interface MarcField {
  tag: string;
  /** Control fields (00X) carry a value; data fields carry indicators and subfields. */
  value?: string;
  ind1?: string;
  ind2?: string;
  subfields?: MarcSubfield[];
}

export interface MarcRecord {
  leader: string;
  fields: MarcField[];
}

/**
 * What the streaming parsers yield: a record, or the reason one could not be read (the stream goes on).
 * `offset` is where the record starts in the file (ISO 2709 only: MARCXML has no byte layout worth
 * naming). `readAsUtf8`: leader/09 said MARC-8 but the bytes were UTF-8, and were read as such.
 */
export type MarcParseResult =
  | { ok: true; record: MarcRecord; index: number; offset?: number; readAsUtf8?: boolean }
  | { ok: false; reason: string; index: number; controlNumber: string | null; offset?: number };

export const controlField = (record: MarcRecord, tag: string): string | null =>
  record.fields.find((f) => f.tag === tag && f.value !== undefined)?.value ?? null;

export const dataFields = (record: MarcRecord, ...tags: string[]): MarcField[] =>
  record.fields.filter((f) => tags.includes(f.tag) && f.subfields !== undefined);

export const subfield = (field: MarcField, code: string): string | null =>
  field.subfields?.find((s) => s.code === code)?.value ?? null;

export const subfieldsOf = (field: MarcField, codes: string): string[] =>
  (field.subfields ?? []).filter((s) => codes.includes(s.code)).map((s) => s.value);
