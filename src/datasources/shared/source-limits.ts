import { SkippedItem } from '../adapter';

/**
 * Limits per source (SYNC_MAX_OCCURRENCES_PER_SERIES, SYNC_MAX_EVENTS_PER_SYNC, SYNC_MAX_EVENTS_PER_SOURCE;
 * docs/security.md "Limits per source"): a 224-byte feed must not make us expand or store millions of
 * rows. The engine applies them to the events of every format; an adapter that expands recurrences
 * stops expanding at the per-series limit instead of expanding and then dropping.
 */
export interface SourceLimits {
  occurrencesPerSeries: number;
  eventsPerSync: number;
  eventsPerSource: number;
}

export const DEFAULT_SOURCE_LIMITS: SourceLimits = { occurrencesPerSeries: 2_000, eventsPerSync: 20_000, eventsPerSource: 50_000 };

/** A UID is partner text: enough of it to find the series, not so much that the setting's name is clipped away. */
const shortKey = (key: string) => (key.length > 80 ? `${key.slice(0, 79)}…` : key);

/** One summary skip per capped series, not one per dropped occurrence. */
export function seriesCappedSkip(seriesKey: string, limit: number): SkippedItem {
  return {
    externalId: seriesKey,
    reason: `Series "${shortKey(seriesKey)}" has more than ${limit} occurrences in the sync window; the rest were skipped (SYNC_MAX_OCCURRENCES_PER_SERIES).`,
  };
}

export function syncCappedSkip(events: number, limit: number): SkippedItem {
  return { reason: `This sync brought ${events} events, more than ${limit}; the ${events - limit} after the first ${limit} were skipped (SYNC_MAX_EVENTS_PER_SYNC).` };
}

export function sourceCappedSkip(dropped: number, limit: number): SkippedItem {
  return { reason: `Storing every event would take this source over ${limit} stored events; ${dropped} were skipped (SYNC_MAX_EVENTS_PER_SOURCE).` };
}
