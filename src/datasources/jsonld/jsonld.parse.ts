import { Parser } from 'htmlparser2';
import { AdapterError, SkippedItem } from '../adapter';
import { parsePartnerJson } from '../shared/json-text';

export type JsonObject = Record<string, unknown>;

export interface JsonLdDocument {
  /** Every top-level node: arrays and `@graph` containers flattened, in document order. */
  nodes: JsonObject[];
  /** Script blocks that could not be read (an HTML page with one broken block keeps the others). */
  skipped: SkippedItem[];
}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An HTML page or a bare JSON-LD document? Sniffed from the bytes, since servers mislabel both. */
function looksLikeHtml(text: string, contentType: string | null): boolean {
  if (contentType && /html/i.test(contentType)) return true;
  return /^\s*</.test(text);
}

/**
 * Reads every `<script type="application/ld+json">` block with a real HTML parser (so a `</script>`
 * inside a comment or attribute cannot fool it). Type matching ignores case and parameters
 * (`application/ld+json; charset=utf-8`).
 */
export function extractJsonLdScripts(html: string): string[] {
  const blocks: string[] = [];
  let current: string[] | null = null;
  const parser = new Parser({
    onopentag(name, attributes) {
      const type = (attributes.type ?? '').split(';')[0].trim().toLowerCase();
      if (name === 'script' && type === 'application/ld+json') current = [];
    },
    ontext(text) {
      if (current) current.push(text);
    },
    onclosetag(name) {
      if (name === 'script' && current) {
        blocks.push(current.join(''));
        current = null;
      }
    },
  }, { decodeEntities: false });
  parser.write(html);
  parser.end();
  return blocks;
}

function flatten(value: unknown, into: JsonObject[]): void {
  if (Array.isArray(value)) {
    value.forEach((v) => flatten(v, into));
  } else if (isObject(value)) {
    if (Array.isArray(value['@graph']) || isObject(value['@graph'])) flatten(value['@graph'], into);
    else into.push(value);
  }
}

function parseJson(text: string, where: string): unknown {
  // Some CMSs wrap the block in an HTML comment or CDATA; browsers and Google ignore the wrapper.
  const cleaned = text.trim().replace(/^<!--|-->$/g, '').replace(/^\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>$/g, '').trim();
  return parsePartnerJson(cleaned, where);
}

/** Parses a JSON-LD document or an HTML page carrying JSON-LD blocks. Pure: bytes in, nodes out. */
export function parseJsonLd(body: Buffer | string, contentType: string | null = null): JsonLdDocument {
  const text = (typeof body === 'string' ? body : body.toString('utf8')).replace(/^\uFEFF/, '');
  if (!text.trim()) throw new AdapterError('The JSON-LD document is empty.');
  const nodes: JsonObject[] = [];
  if (!looksLikeHtml(text, contentType)) {
    flatten(parseJson(text, 'The JSON-LD document'), nodes);
    return { nodes, skipped: [] };
  }
  const blocks = extractJsonLdScripts(text);
  if (blocks.length === 0) throw new AdapterError('The HTML page has no <script type="application/ld+json"> block.');
  const skipped: SkippedItem[] = [];
  blocks.forEach((block, i) => {
    try {
      flatten(parseJson(block, `JSON-LD script block ${i + 1} of ${blocks.length}`), nodes);
    } catch (error) {
      skipped.push({ externalId: null, reason: (error as Error).message });
    }
  });
  if (skipped.length === blocks.length) {
    throw new AdapterError(`Every JSON-LD block on the page is unreadable: ${skipped.map((s) => s.reason).join('; ')}`);
  }
  return { nodes, skipped };
}
