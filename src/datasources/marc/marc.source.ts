import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CatalogSinkItem, NormalizedCatalogRecord } from '../shared/catalog-item';
import { AdapterError, CATALOG_KIND, HttpClient, PullResult, SkippedItem, SourceAdapter, SourceFormat, SourceSpec } from '../adapter';
import { FetchError } from '../shared/http';
import { createUrlPolicy } from '../shared/url-policy';
import { mapMarcRecord, MarcMappingError } from './marc.map';
import { parseMarc } from './marc.parse';
import { MarcParseResult } from './marc.record';
import { marcRecordId } from './marc.record-id';
import { MarcIdRuleTally } from './marc.id-note';

/** Slices an in-memory body so the parser sees the same chunked input as a file stream. */
function* chunksOf(body: Buffer, size = 64 * 1024): Generator<Buffer> {
  for (let at = 0; at < body.length; at += size) yield body.subarray(at, at + size);
}

/**
 * Parsed records are produced lazily while the sink consumes them, so at most one sink batch of
 * records exists at a time. `skipped` and `notes` fill up as the stream is read: read them after the
 * sink is done.
 */
export async function* catalogRecords(
  chunks: AsyncIterable<Buffer> | Iterable<Buffer>, skipped: SkippedItem[], notes: string[] = [],
): AsyncGenerator<CatalogSinkItem> {
  let readAsUtf8 = 0;
  const idRules = new MarcIdRuleTally();
  const skip = (result: MarcParseResult, controlNumber: string | null, reason: string): CatalogSinkItem => {
    skipped.push({
      externalId: controlNumber, reason: `record ${result.index + 1}: ${reason}`,
      ...(result.offset === undefined ? {} : { offset: result.offset }),
    });
    return { skipped: true, externalId: controlNumber };
  };
  for await (const result of parseMarc(chunks)) {
    if (!result.ok) {
      yield skip(result, result.controlNumber, result.reason);
      continue;
    }
    if (result.readAsUtf8) readAsUtf8++;
    const identity = marcRecordId(result.record);
    let mapped: NormalizedCatalogRecord;
    try {
      mapped = mapMarcRecord(result.record, identity);
    } catch (error) {
      if (!(error instanceof MarcMappingError)) throw error;
      // Skipped under its id, so the sink keeps a stored copy of it rather than removing it as gone.
      yield skip(result, identity.id, error.message);
      continue;
    }
    idRules.add(identity.rule);
    yield mapped;
  }
  if (readAsUtf8) notes.push(`${readAsUtf8} record(s) declared MARC-8 (leader/09 blank) were UTF-8 and read as UTF-8`);
  const idNote = idRules.note();
  if (idNote) notes.push(idNote);
}

export interface MarcSourceOptions {
  /**
   * SOURCE_FILE_ROOTS: directories `file://` source URLs may stream from, checked by the same rule as
   * every other source (url-policy.ts: `..` and symlinks resolved first). [] forbids file URLs;
   * null allows any file (trusted callers without a URL policy: CLI, tests).
   */
  fileRoots: string[] | null;
}

/**
 * The MARC format (MARCXML or ISO 2709, MARC-8 or UTF-8). Over HTTP the body arrives whole from the
 * shared HttpClient (its size cap applies) and is parsed lazily; a `file://` URL under `fileRoot`
 * streams from disk, so a 100,000-record export never sits in memory.
 */
export function createMarcSourceAdapter(options: MarcSourceOptions = { fileRoots: [] }): SourceAdapter {
  const policy = options.fileRoots ? createUrlPolicy({ allowHosts: [], fileRoots: options.fileRoots, maxRedirects: 0 }) : null;
  return {
    format: SourceFormat.MARC,
    async pull(source: SourceSpec, http: HttpClient): Promise<PullResult<CatalogSinkItem>> {
      const skipped: SkippedItem[] = [];
      const notes: string[] = [];
      if (source.url.startsWith('file:')) {
        let file = fileURLToPath(source.url);
        if (policy) {
          const checked = await policy.checkUrl(source.url).catch((error: Error) => {
            throw new AdapterError(`MARC file refused: ${error.message}`);
          });
          if (checked.kind === 'file') file = checked.path;
        }
        if (!fs.existsSync(file)) throw new AdapterError(`MARC file not found: ${source.url}`);
        const stream = fs.createReadStream(file, { highWaterMark: 64 * 1024 });
        return { notModified: false, validators: { etag: null, lastModified: null }, kind: CATALOG_KIND, items: catalogRecords(stream, skipped, notes), skipped, notes, incremental: false };
      }
      const response = await http.fetch(source.url, { conditional: source.validators }).catch((error: unknown) => {
        // The HttpClient fails on any status >= 400 (429/5xx after retries).
        if (error instanceof FetchError && error.status !== null) throw new AdapterError(`MARC source answered HTTP ${error.status} for ${source.url}`);
        throw error;
      });
      const validators = { etag: response.etag, lastModified: response.lastModified };
      if (response.notModified) return { notModified: true, validators, kind: CATALOG_KIND, items: [], skipped, incremental: false };
      if (response.status !== 200) throw new AdapterError(`MARC source answered HTTP ${response.status} for ${source.url}`);
      return { notModified: false, validators, kind: CATALOG_KIND, items: catalogRecords(chunksOf(response.body), skipped, notes), skipped, notes, incremental: false };
    },
  };
}
