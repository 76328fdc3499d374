import { parseIso2709 } from './iso2709.parse';
import { parseMarcXml } from './marcxml.parse';
import { MarcParseResult } from './marc.record';

/**
 * Either MARC serialization, told apart by the first meaningful byte ('<' is XML; ISO 2709 starts
 * with five digits). Pure and streaming: pass file or HTTP body chunks.
 */
export async function* parseMarc(chunks: AsyncIterable<Buffer | Uint8Array> | Iterable<Buffer | Uint8Array>): AsyncGenerator<MarcParseResult> {
  const iterator = (Symbol.asyncIterator in chunks ? chunks[Symbol.asyncIterator]() : toAsync(chunks as Iterable<Buffer>)) as AsyncIterator<Buffer | Uint8Array>;
  const head: (Buffer | Uint8Array)[] = [];
  let first: number | undefined;
  while (first === undefined) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
    const text = Buffer.from(next.value).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart();
    if (text.length) first = text.charCodeAt(0);
  }
  async function* replay() {
    yield* head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  if (first === undefined) return;
  yield* (first === 0x3c ? parseMarcXml(replay()) : parseIso2709(replay()));
}

async function* toAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}
