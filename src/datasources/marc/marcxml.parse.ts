import { Parser } from 'htmlparser2';
import { MarcField, MarcParseResult, MarcRecord } from './marc.record';

/**
 * Streaming reader for MARCXML (http://www.loc.gov/standards/marcxml/), pure: text chunks in,
 * records out. htmlparser2 is a SAX parser, so memory is one record whatever the file size.
 * Namespace prefixes (`marc:record`) are ignored, as the slim schema allows any prefix.
 * A record that breaks the schema (no leader, a bad tag, a field outside a record, a record cut off
 * by the end of the document) becomes `{ ok: false, reason }`; the following records are still read.
 */
const localName = (name: string) => name.slice(name.indexOf(':') + 1).toLowerCase();

interface Building {
  record: MarcRecord;
  problem: string | null;
  field: MarcField | null;
  text: string | null;
}

export async function* parseMarcXml(chunks: AsyncIterable<Buffer | Uint8Array | string> | Iterable<Buffer | Uint8Array | string>): AsyncGenerator<MarcParseResult> {
  const ready: MarcParseResult[] = [];
  let index = 0;
  let current: Building | null = null;
  let sawRoot = false;

  const finish = (b: Building, truncated: boolean) => {
    const controlNumber = b.record.fields.find((f) => f.tag === '001')?.value?.trim() || null;
    const problem = truncated ? 'truncated MARCXML record (document ended before </record>)'
      : b.problem ?? (b.record.leader.length !== 24 ? `leader must be 24 characters, got ${b.record.leader.length}` : null);
    ready.push(problem ? { ok: false, reason: problem, index: index++, controlNumber } : { ok: true, record: b.record, index: index++ });
  };

  const parser = new Parser({
    onopentag(name, attributes) {
      const tag = localName(name);
      sawRoot = true;
      if (tag === 'record') {
        if (current) finish(current, true);
        current = { record: { leader: '', fields: [] }, problem: null, field: null, text: null };
        return;
      }
      const b = current as Building | null;
      if (!b) return;
      if (tag === 'leader') b.text = '';
      else if (tag === 'controlfield' || tag === 'datafield') {
        const fieldTag = attributes.tag ?? '';
        if (!/^[0-9A-Za-z]{3}$/.test(fieldTag)) b.problem ??= `${tag} with invalid tag ${JSON.stringify(fieldTag)}`;
        b.field = tag === 'controlfield' ? { tag: fieldTag, value: '' }
          : { tag: fieldTag, ind1: attributes.ind1 ?? ' ', ind2: attributes.ind2 ?? ' ', subfields: [] };
        if (tag === 'controlfield') b.text = '';
      } else if (tag === 'subfield') {
        if (!b.field?.subfields) b.problem ??= 'subfield outside a datafield';
        b.text = '';
        b.field?.subfields?.push({ code: attributes.code ?? '', value: '' });
      }
    },
    ontext(text) {
      const b = current as Building | null;
      if (b && b.text !== null) b.text += text;
    },
    onclosetag(name, isImplied) {
      const tag = localName(name);
      const b = current as Building | null;
      if (!b) return;
      if (tag === 'record') {
        // htmlparser2 closes still-open elements at end(): an implied </record> means the file was cut off.
        finish(b, isImplied);
        current = null;
      } else if (tag === 'leader') {
        b.record.leader = b.text ?? '';
        b.text = null;
      } else if (tag === 'subfield') {
        const subs = b.field?.subfields;
        if (subs?.length) subs[subs.length - 1].value = (b.text ?? '').normalize('NFC');
        b.text = null;
      } else if (tag === 'controlfield' && b.field) {
        b.field.value = (b.text ?? '').normalize('NFC');
        b.record.fields.push(b.field);
        b.field = null;
        b.text = null;
      } else if (tag === 'datafield' && b.field) {
        b.record.fields.push(b.field);
        b.field = null;
      }
    },
  }, { xmlMode: true, decodeEntities: true });

  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    while (ready.length) yield ready.shift()!;
  }
  parser.write(decoder.decode());
  parser.end();
  if (current) finish(current, true);
  if (!sawRoot) ready.push({ ok: false, reason: 'not MARCXML: no elements found', index: index++, controlNumber: null });
  while (ready.length) yield ready.shift()!;
}
