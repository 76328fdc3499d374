import { Column } from 'typeorm';
import { InstantColumn } from '../db/columns';

/**
 * What every row a sync owns outright carries (service listings, catalog records): the hash of its
 * content (an unchanged item costs no write), when it was fetched, when its source dropped it (kept,
 * suppressed, so links to it do not break) and the row's own times.
 */
export abstract class SyncedRow {
  @Column({ type: 'varchar', length: 64 })
  contentHash!: string;

  @InstantColumn()
  fetchedAt!: Date;

  /** Set when the source deleted the item or dropped it from a full pull: suppressed, not shown. */
  @InstantColumn({ nullable: true })
  removedAt!: Date | null;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn()
  updatedAt!: Date;
}
