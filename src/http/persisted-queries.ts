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
 * operations always answer, so a client may send only the hash; learned queries are kept (bounded,
 * oldest dropped first) only when APQ is on.
 */
export class PersistedQueryCache {
  private readonly learned = new Map<string, string>();

  constructor(private readonly safelist: Map<string, PersistedOperation>, private readonly learn: boolean, private readonly maxEntries = 2000) {}

  async get(key: string): Promise<string | undefined> {
    const id = key.replace(/^apq:/, '');
    return this.safelist.get(id)?.body ?? this.learned.get(id);
  }

  async set(key: string, value: string): Promise<void> {
    if (!this.learn) return;
    const id = key.replace(/^apq:/, '');
    if (this.learned.size >= this.maxEntries) this.learned.delete(this.learned.keys().next().value as string);
    this.learned.set(id, value);
  }

  async delete(key: string): Promise<boolean> {
    return this.learned.delete(key.replace(/^apq:/, ''));
  }
}
