import { DataSource } from 'typeorm';
import { SkippedItem } from '../adapter';
import { SourceLimits } from './source-limits';

/** The source a sink stores for: enough to key rows and stamp provenance. */
export interface SinkSource {
  id: string;
  partnerId: string;
  partnerTimezone: string;
}

export interface SinkRun {
  db: DataSource;
  source: SinkSource;
  /** When this sync started: stamped as fetchedAt / removedAt. */
  now: Date;
  /** The pull was a delta: absent items stay as they are. */
  incremental: boolean;
  deletedExternalIds: string[];
  /**
   * The recurrence window of this pull. A stored item starting outside it that is absent from the pull
   * has aged out of (or not yet entered) the window; it is not "gone from the source".
   */
  window?: { from: Date; to: Date };
  /** The limits per source the engine applies (events sinks); absent: none. */
  limits?: SourceLimits;
}

export interface SinkCounts {
  created: number;
  updated: number;
  removed: number;
  unchanged: number;
  /** One summary skip per limit that bit (SourceLimits), added to the pull's own skips. */
  limitSkips?: SkippedItem[];
  /** Items of the pull not stored because of a limit. */
  notStored?: number;
}

/**
 * Stores one pull's items of one kind ('events', 'services', 'catalog', ...). The feature that owns
 * the table owns its sink; the sync engine only routes a PullResult to the sink of its `kind`.
 * A sink diffs by content hash (an unchanged item costs no write) and runs its own transaction(s):
 * one for a feed of events, batches for a 100,000-record MARC file.
 */
export interface SyncSink<Item = unknown> {
  kind: string;
  apply(run: SinkRun, items: Item[] | AsyncIterable<Item>): Promise<SinkCounts>;
}
