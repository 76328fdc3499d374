import zlib from 'node:zlib';
import fc from 'fast-check';
import { getNamedType, GraphQLInputType, GraphQLSchema, isInputObjectType, isInterfaceType, isListType, isNonNullType, isObjectType } from 'graphql';

/** Statuses the GraphQL-over-HTTP spec lets a server answer a client's request with. */
export const SPEC_STATUSES = [200, 400, 405, 413, 415];

/**
 * The test's own statement of text the API refuses: C0 controls but tab, LF and CR, and surrogate
 * halves without their partner (walked by code point, so a proper pair is one code point).
 */
export function unsafeText(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return true;
    if (code >= 0xd800 && code <= 0xdfff) return true;
  }
  return false;
}

/** Text an attacker might send: any code point, weighted toward controls, lone surrogates and look-alikes. */
export const hostileText = (maxLength = 24): fc.Arbitrary<string> => fc.string({
  maxLength,
  unit: fc.oneof(
    { weight: 6, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)) },
    { weight: 2, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) },
    { weight: 2, arbitrary: fc.constantFrom('\u007f', '\u0085', '\u202e', '\u200b', '\ufeff', '\ufffd', 'e\u0301', '%', '_', "'", '"', '\\', '*', ':', '(', ')', 'OR', 'NEAR', '📚') },
  ),
});

/** `[[[…]]]` or `{"a":{"a":…1}}`, `depth` levels, built as text (JSON.stringify would overflow first). */
export function nestedJson(kind: 'array' | 'object', depth: number): string {
  return kind === 'array' ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** Content-Encoding values a client might send; the server decodes identity, gzip, deflate and br. */
export const ENCODINGS = ['identity', '', 'gzip', 'GZIP', 'deflate', 'br', 'Br', 'zstd', 'compress', 'x-gzip', 'gzip, br', 'identity, gzip', '*'];

export function decodedEncoding(header: string): boolean {
  const encoding = (header || 'identity').toLowerCase();
  // body-parser takes zstd where Node's zlib has it (Node 22.15+), so the test asks zlib too.
  return ['identity', 'gzip', 'deflate', 'br'].includes(encoding) || (encoding === 'zstd' && typeof (zlib as { createZstdDecompress?: unknown }).createZstdDecompress === 'function');
}

export function encodeBody(body: string, header: string): Buffer {
  const raw = Buffer.from(body, 'utf8');
  switch ((header || 'identity').toLowerCase()) {
    case 'gzip': return zlib.gzipSync(raw);
    case 'deflate': return zlib.deflateSync(raw);
    case 'br': return zlib.brotliCompressSync(raw);
    case 'zstd': return (zlib as unknown as { zstdCompressSync?: (b: Buffer) => Buffer }).zstdCompressSync?.(raw) ?? raw;
    default: return raw;
  }
}

/** How the suite exercises one bounded list: the operation, its variables around the list, the argument the error must name. */
export interface ListProbe {
  query: string;
  variables: (list: unknown[]) => Record<string, unknown>;
  argument: string;
}

/** Every list argument and input field of the schema, by coordinate, with the bound its description states. */
export function listBounds(schema: GraphQLSchema): Map<string, { bound: number | null; item: GraphQLInputType }> {
  const found = new Map<string, { bound: number | null; item: GraphQLInputType }>();
  const note = (coordinate: string, type: GraphQLInputType, description: string | null | undefined) => {
    const inner = isNonNullType(type) ? type.ofType : type;
    if (!isListType(inner)) return;
    const bound = /At most (\d+) values\./.exec(description ?? '');
    found.set(coordinate, { bound: bound ? Number(bound[1]) : null, item: inner.ofType });
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        for (const arg of field.args) note(`${type.name}.${field.name}(${arg.name}:)`, arg.type, arg.description);
      }
    }
    if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) note(`${type.name}.${field.name}`, field.type, field.description);
  }
  return found;
}

/**
 * Every place the schema takes an ID (an argument, or a field of an input object reached from one), as
 * `Type.field(argument).inputField…`, so a suite can prove it probes each one.
 */
export function idArguments(schema: GraphQLSchema): string[] {
  const found: string[] = [];
  const walk = (path: string, type: GraphQLInputType, seen: string[]) => {
    const named = getNamedType(type);
    if (named.name === 'ID') found.push(path);
    if (isInputObjectType(named) && !seen.includes(named.name)) {
      for (const field of Object.values(named.getFields())) walk(`${path}.${field.name}`, field.type, [...seen, named.name]);
    }
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) for (const arg of field.args) walk(`${type.name}.${field.name}(${arg.name})`, arg.type, []);
  }
  return found.sort();
}

/**
 * Ids an attacker might send: well-formed global ids of any type around hostile text (NUL and other
 * controls inside, which only the decoder sees), and hostile text that is no global id at all.
 */
/** Global ids of each kind with NUL, C1 and undecodable bytes inside: every ID probe tries these first. */
export const HOSTILE_GLOBAL_IDS = [
  'RXZlbnQ6AGFiYw', 'UGFydG5lcjoAYWJj', 'UmVnaXN0cmF0aW9uOgA', 'U291cmNlOgBhYmM', 'U2VydmljZToAeA', 'Q2F0YWxvZ1JlY29yZDoAeA',
  'TG9jYXRpb246AHg', 'RXZlbnQ6woA', 'RXZlbnQ677-9',
];

export const hostileId = (): fc.Arbitrary<string> => fc.oneof(
  fc.tuple(fc.constantFrom('Event', 'Partner', 'Registration', 'Source', 'Service', 'CatalogRecord', 'Location', 'X'), hostileText(12))
    .map(([type, local]) => Buffer.from(`${type}:${local}`, 'utf8').toString('base64url')),
  fc.constantFrom(...HOSTILE_GLOBAL_IDS),
  hostileText(40),
);
