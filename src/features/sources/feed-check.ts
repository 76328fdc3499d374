import { HttpClient, PullResult, SkippedItem, SourceAdapter, SourceSpec } from '../../datasources/adapter';
import { summarizeSkips, SyncSkips } from '../../model/sync-skips';

/** What a sync of a feed would store, found by pulling it through its adapter and storing nothing. */
export interface FeedCheck {
  status: 'OK' | 'PARTIAL' | 'FAILED';
  error: string | null;
  title: string | null;
  formatVersion: string | null;
  /** Items per kind (events, services, catalog records); HSDS sessions count as events, as their sink stores them. */
  counts: Record<string, number>;
  /** The summary Source.lastSkips would keep (count and the first reasons). */
  skips: SyncSkips | null;
  notes: string[];
  /** Earliest and latest start among the dated items; null when none is dated. */
  range: { first: Date; last: Date } | null;
  window: { from: Date; to: Date };
}

/** A streamed pull (MARC) marks records it could not read among its items; they are skips, not records. */
const isSkipMarker = (item: unknown): boolean => typeof item === 'object' && item !== null && (item as { skipped?: unknown }).skipped === true;

function startsOf(item: unknown): Date[] {
  if (typeof item !== 'object' || item === null) return [];
  const { startsAt, sessions } = item as { startsAt?: unknown; sessions?: unknown };
  const own = startsAt instanceof Date ? [startsAt] : [];
  return Array.isArray(sessions) ? [...own, ...sessions.flatMap(startsOf)] : own;
}

/**
 * Pulls the feed exactly as a sync would (same adapter, same HttpClient and so the same fetch policy)
 * and reads every item, streamed ones included, without any sink: nothing is written anywhere.
 */
export async function checkFeed(adapter: SourceAdapter, http: HttpClient, spec: SourceSpec): Promise<FeedCheck> {
  const base = { title: null, formatVersion: null, counts: {}, skips: null, notes: [], range: null, window: spec.window };
  let pull: PullResult;
  const counts: Record<string, number> = {};
  let first: Date | null = null;
  let last: Date | null = null;
  try {
    pull = await adapter.pull(spec, http);
    for (const part of [pull, ...(pull.parts ?? [])]) {
      for await (const item of part.items as AsyncIterable<unknown> | unknown[]) {
        if (isSkipMarker(item)) continue;
        counts[part.kind] = (counts[part.kind] ?? 0) + 1;
        const starts = startsOf(item);
        const sessions = (item as { sessions?: unknown[] }).sessions;
        if (Array.isArray(sessions)) counts.events = (counts.events ?? 0) + sessions.length;
        for (const start of starts) {
          if (!first || start < first) first = start;
          if (!last || start > last) last = start;
        }
      }
    }
  } catch (error) {
    return { ...base, status: 'FAILED', error: (error as Error).message || String(error) };
  }
  const skipped: SkippedItem[] = pull.skipped;
  return {
    status: skipped.length ? 'PARTIAL' : 'OK', error: null, title: pull.title ?? null, formatVersion: pull.formatVersion ?? null,
    counts, skips: summarizeSkips(skipped), notes: [...(pull.notes ?? [])], range: first && last ? { first, last } : null, window: spec.window,
  };
}
