import { Column, ColumnOptions, ValueTransformer } from 'typeorm';

/**
 * Instants are stored as fixed-width UTC ISO-8601 text (`2026-11-27T09:00:00.000Z`, 24 chars).
 * The same column type then works on SQLite and PostgreSQL, sorts and compares correctly as text,
 * and keyset cursors need no driver-specific date handling. The IANA zone lives in its own column.
 */
const isoInstant: ValueTransformer = {
  to: (value: Date | null | undefined) => (value instanceof Date ? value.toISOString() : value ?? null),
  from: (value: string | null) => (value == null ? null : new Date(value)),
};

export const ISO_INSTANT_LENGTH = 24;

export function InstantColumn(options: Omit<ColumnOptions, 'type' | 'length' | 'transformer'> = {}): PropertyDecorator {
  return Column({ ...options, type: 'varchar', length: ISO_INSTANT_LENGTH, transformer: isoInstant });
}

/** Lists kept as JSON text: portable across both backends, filtered with quoted LIKE patterns. */
export function JsonListColumn(options: Omit<ColumnOptions, 'type'> = {}): PropertyDecorator {
  return Column({ default: '[]', ...options, type: 'simple-json' });
}
