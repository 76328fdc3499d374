import { SkippedItem } from '../datasources/adapter';

/** What the last stored sync skipped, as kept on the Source (`lastSkips`) and shown to its staff. */
export interface SyncSkips {
  count: number;
  reasons: SyncSkip[];
}

export interface SyncSkip {
  reason: string;
  line: number | null;
  offset: number | null;
  ref: string | null;
}

/** A few reasons are enough to find the pattern in an export; the count says how many there were. */
export const STORED_SKIP_REASONS = 20;
const MAX_REASON = 300;
const MAX_REF = 100;

/**
 * The stored summary, or null when nothing was skipped. Reasons and refs are cut short: adapters name
 * items by a short id, and a long text here would be partner content we have no business keeping.
 */
export function summarizeSkips(items: readonly SkippedItem[]): SyncSkips | null {
  if (!items.length) return null;
  return {
    count: items.length,
    reasons: items.slice(0, STORED_SKIP_REASONS).map((item) => ({
      reason: clip(item.reason, MAX_REASON),
      line: item.line ?? null,
      offset: item.offset ?? null,
      ref: clip(item.ref ?? item.externalId ?? null, MAX_REF),
    })),
  };
}

function clip<T extends string | null>(text: T, max: number): T {
  return (text !== null && text.length > max ? `${text.slice(0, max - 1)}…` : text) as T;
}
