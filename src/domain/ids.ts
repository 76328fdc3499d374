import { createHash, randomUUID } from 'node:crypto';

/**
 * A deterministic id from its natural key (e.g. partner + source + UID + recurrence instance), so
 * re-ingesting the same item always lands on the same row. 32 hex chars = 128 bits of SHA-256.
 */
export function stableId(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u001f'), 'utf8').digest('hex').slice(0, 32);
}

export const newId = (): string => randomUUID();
