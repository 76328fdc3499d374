import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CatalogSinkItem } from '../../domain/catalog';
import { AdapterError, CATALOG_KIND, HttpClient, PullResult, SkippedItem, SourceAdapter, SourceFormat, SourceSpec } from '../adapter';
import { FetchError } from '../http';
import { createUrlPolicy } from '../url-policy';
import { mapMarcRecord, MarcMappingError } from './marc.map';
import { parseMarc } from './marc.parse';

/** Slices an in-memory body so the parser sees the same chunked input as a file stream. */
function* chunksOf(body: Buffer, size = 64 * 1024): Generator<Buffer> {
  for (let at = 0; at < body.length; at += size) yield body.subarray(at, at + size);
}

/**
 * Parsed records are produced lazily while the sink consumes them, so at most one sink batch of
 * records exists at a time. `skipped` fills up as the stream is read: read it after the sink is done.
 */
export async function* catalogRecords(chunks: AsyncIterable<Buffer> | Iterable<Buffer>, skipped: SkippedItem[]): AsyncGenerator<CatalogSinkItem> {
  for await (const result of parseMarc(chunks)) {
    if (!result.ok) {
      skipped.push({ externalId: result.controlNumber, reason: `record ${result.index + 1}: ${result.reason}` });
      yield { skipped: true, externalId: result.controlNumber };
      continue;
    }
    try {
      yield mapMarcRecord(result.record);
    } catch (error) {
      if (!(error instanceof MarcMappingError)) throw error;
      const controlNumber = result.record.fields.find((f) => f.tag === '001')?.value?.trim() || null;
      skipped.push({ externalId: controlNumber, reason: `record ${result.index + 1}: ${error.message}` });
      yield { skipped: true, externalId: controlNumber };
    }
  }
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
        return { notModified: false, validators: { etag: null, lastModified: null }, kind: CATALOG_KIND, items: catalogRecords(stream, skipped), skipped, incremental: false };
      }
      const response = await http.fetch(source.url, { conditional: source.validators }).catch((error: unknown) => {
        // The HttpClient fails on any status >= 400 (429/5xx after retries).
        if (error instanceof FetchError && error.status !== null) throw new AdapterError(`MARC source answered HTTP ${error.status} for ${source.url}`);
        throw error;
      });
      const validators = { etag: response.etag, lastModified: response.lastModified };
      if (response.notModified) return { notModified: true, validators, kind: CATALOG_KIND, items: [], skipped, incremental: false };
      if (response.status !== 200) throw new AdapterError(`MARC source answered HTTP ${response.status} for ${source.url}`);
      return { notModified: false, validators, kind: CATALOG_KIND, items: catalogRecords(chunksOf(response.body), skipped), skipped, incremental: false };
    },
  };
}
