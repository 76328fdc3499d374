/** Builds MARC records for tests and the benchmark: ISO 2709 bytes (UTF-8 or raw MARC-8) and MARCXML. */
export type FieldSpec = [tag: string, value: string | Buffer] | [tag: string, indicators: string, subfields: [string, string | Buffer][]];

const toBytes = (value: string | Buffer) => (typeof value === 'string' ? Buffer.from(value, 'utf8') : value);

export function iso2709(leader: string, fields: FieldSpec[]): Buffer {
  const bodies = fields.map((field) => {
    if (field.length === 2) return { tag: field[0], bytes: Buffer.concat([toBytes(field[1]), Buffer.from([0x1e])]) };
    const [tag, indicators, subfields] = field;
    const parts: Buffer[] = [Buffer.from(indicators, "latin1")];
    for (const [code, value] of subfields) parts.push(Buffer.from([0x1f]), Buffer.from(code, 'latin1'), toBytes(value));
    parts.push(Buffer.from([0x1e]));
    return { tag, bytes: Buffer.concat(parts) };
  });
  let offset = 0;
  const directory = bodies.map(({ tag, bytes }) => {
    const entry = `${tag}${String(bytes.length).padStart(4, '0')}${String(offset).padStart(5, '0')}`;
    offset += bytes.length;
    return entry;
  }).join('');
  const base = 24 + directory.length + 1;
  const length = base + offset + 1;
  const fullLeader = String(length).padStart(5, '0') + leader.slice(5, 12) + String(base).padStart(5, '0') + leader.slice(17);
  return Buffer.concat([Buffer.from(fullLeader + directory, 'latin1'), Buffer.from([0x1e]), ...bodies.map((b) => b.bytes), Buffer.from([0x1d])]);
}

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function marcXmlRecord(leader: string, fields: FieldSpec[]): string {
  const body = fields.map((field) => {
    if (field.length === 2) return `<controlfield tag="${field[0]}">${esc(String(field[1]))}</controlfield>`;
    const [tag, ind, subfields] = field;
    return `<datafield tag="${tag}" ind1="${ind[0]}" ind2="${ind[1]}">${subfields.map(([c, v]) => `<subfield code="${c}">${esc(String(v))}</subfield>`).join('')}</datafield>`;
  }).join('\n  ');
  return `<record>\n  <leader>${leader}</leader>\n  ${body}\n</record>`;
}

export const marcXml = (records: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<collection xmlns="http://www.loc.gov/MARC21/slim">\n${records.join('\n')}\n</collection>\n`;

/** A leader for a UTF-8 (coding 'a') or MARC-8 (coding ' ') record; lengths are filled in by iso2709. */
export const leader = (opts: { status?: string; type?: string; level?: string; coding?: 'a' | ' ' } = {}) =>
  `00000${opts.status ?? 'n'}${opts.type ?? 'a'}${opts.level ?? 'm'} ${opts.coding ?? 'a'}2200000 i 4500`;
