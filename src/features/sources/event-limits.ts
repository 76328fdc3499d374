import { NormalizedEvent, SkippedItem } from '../../datasources/adapter';
import { seriesCappedSkip, sourceCappedSkip, SourceLimits, syncCappedSkip } from '../../datasources/shared/source-limits';

export interface EventCap {
  /** The pull's events, each external id once, in feed order. */
  items: NormalizedEvent[];
  limits: SourceLimits;
  /** Stored, not removed events of the source that this sync leaves in place whatever the pull holds. */
  staying: number;
  /** An item whose stored row stays even if the item is skipped (it counts as stored either way). */
  storedAnyway(item: NormalizedEvent): boolean;
}

/**
 * The limits per source, applied in order: occurrences per series, events per sync, then stored events
 * per source (the events kept after this sync, never more than the limit). Items are kept in feed order;
 * each limit that bites adds one summary skip naming its setting, never one skip per dropped item.
 */
export function capEvents({ items, limits, staying, storedAnyway }: EventCap): { kept: NormalizedEvent[]; skipped: SkippedItem[] } {
  const skipped: SkippedItem[] = [];

  const perSeries = new Map<string, number>();
  let kept = items.filter((item) => {
    if (item.seriesKey === null) return true;
    const n = (perSeries.get(item.seriesKey) ?? 0) + 1;
    perSeries.set(item.seriesKey, n);
    if (n === limits.occurrencesPerSeries + 1) skipped.push(seriesCappedSkip(item.seriesKey, limits.occurrencesPerSeries));
    return n <= limits.occurrencesPerSeries;
  });

  if (kept.length > limits.eventsPerSync) {
    skipped.push(syncCappedSkip(kept.length, limits.eventsPerSync));
    kept = kept.slice(0, limits.eventsPerSync);
  }

  let stored = staying + kept.filter(storedAnyway).length;
  let dropped = 0;
  kept = kept.filter((item) => {
    if (storedAnyway(item)) return true;
    if (stored >= limits.eventsPerSource) {
      dropped++;
      return false;
    }
    stored++;
    return true;
  });
  if (dropped) skipped.push(sourceCappedSkip(dropped, limits.eventsPerSource));

  return { kept, skipped };
}
