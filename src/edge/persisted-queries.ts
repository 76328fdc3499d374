import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { ConfigError } from '../config';

/**
 * Persisted operations. The safelist file uses Apollo's persisted query manifest format, so client
 * tooling that generates it (e.g. @apollo/generate-persisted-query-manifest) works unchanged:
 *   { "format": "apollo-persisted-query-manifest", "version": 1,
 *     "operations": [{ "id": "<sha256 hex of body>", "name": "WidgetEvents", "type": "query", "body": "query WidgetEvents { … }" }] }
 */
export interface PersistedOperation {
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export function loadSafelist(file: string): Map<string, PersistedOperation> {
  let manifest: { format?: unknown; version?: unknown; operations?: unknown };
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError('SAFELIST_FILE', file, `a readable JSON persisted query manifest (${(error as Error).message})`);
  }
  if (manifest.format !== 'apollo-persisted-query-manifest' || manifest.version !== 1 || !Array.isArray(manifest.operations)) {
    throw new ConfigError('SAFELIST_FILE', file, '{"format": "apollo-persisted-query-manifest", "version": 1, "operations": [...]}');
  }
  const operations = new Map<string, PersistedOperation>();
  for (const op of manifest.operations as PersistedOperation[]) {
    if (typeof op?.body !== 'string' || op.id !== sha256Hex(op.body)) {
      throw new ConfigError('SAFELIST_FILE', file, `operation "${op?.name}" to have id = sha256 hex of its body`);
    }
    operations.set(op.id, op);
  }
  return operations;
}

/**
 * The cache Apollo's automatic persisted queries read and write (keys are "apq:<sha256>"): safelisted
 * operations always answer, so a client may send only the hash; learned queries are kept only when APQ
 * is on, bounded by count and total characters (oldest dropped first), so a client inventing queries
 * cannot grow the process without limit.
 */
export class PersistedQueryCache {
  private readonly learned = new Map<string, string>();
  private learnedChars = 0;

  constructor(
    private readonly safelist: Map<string, PersistedOperation>,
    private readonly learn: boolean,
    private readonly maxEntries = 2000,
    private readonly maxChars = 8_000_000,
  ) {}

  async get(key: string): Promise<string | undefined> {
    const id = key.replace(/^apq:/, '');
    return this.safelist.get(id)?.body ?? this.learned.get(id);
  }

  async set(key: string, value: string): Promise<void> {
    const id = key.replace(/^apq:/, '');
    if (!this.learn || this.safelist.has(id) || this.learned.has(id) || value.length > this.maxChars) return;
    while (this.learned.size >= this.maxEntries || this.learnedChars + value.length > this.maxChars) {
      const [oldest, body] = this.learned.entries().next().value as [string, string];
      this.learned.delete(oldest);
      this.learnedChars -= body.length;
    }
    this.learned.set(id, value);
    this.learnedChars += value.length;
  }

  async delete(key: string): Promise<boolean> {
    const id = key.replace(/^apq:/, '');
    const body = this.learned.get(id);
    if (body === undefined) return false;
    this.learnedChars -= body.length;
    return this.learned.delete(id);
  }

  /** Learned entries and their total characters (for tests and metrics). */
  get size(): { entries: number; chars: number } {
    return { entries: this.learned.size, chars: this.learnedChars };
  }
}
