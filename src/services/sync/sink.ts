import { DataSource } from 'typeorm';

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
}

export interface SinkCounts {
  created: number;
  updated: number;
  removed: number;
  unchanged: number;
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
