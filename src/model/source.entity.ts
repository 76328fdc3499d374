import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { SourceFormat } from '../datasources/adapter';
import { InstantColumn } from '../db/columns';
import type { SyncSkips } from './sync-skips';

/**
 * One feed of one partner (an .ics URL, a JSON-LD page, an HSDS API...). Besides where to pull, it keeps
 * the HTTP validators for conditional GET and the health of the last runs, which the scheduler uses to
 * back off and the API shows as OK / STALE / FAILING.
 */
@Entity({ name: 'source' })
export class SourceEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  partnerId!: string;

  @Column({ type: 'varchar', length: 32 })
  format!: SourceFormat;

  @Column({ type: 'varchar', length: 2000 })
  url!: string;

  /** The feed's own title, as it last announced it (e.g. X-WR-CALNAME). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  title!: string | null;

  @Column({ type: 'integer', default: 60 })
  refreshMinutes!: number;

  /** Override of the recurrence window (archives, past school years); null = the configured default. */
  @InstantColumn({ nullable: true })
  expandFrom!: Date | null;

  @InstantColumn({ nullable: true })
  expandTo!: Date | null;

  /** Format-specific settings, JSON (e.g. LibCal client id). */
  @Column({ type: 'text', default: '{}' })
  options!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  etag!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  lastModified!: string | null;

  @InstantColumn({ nullable: true })
  lastAttemptAt!: Date | null;

  @InstantColumn({ nullable: true })
  lastSuccessAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  /** What the last stored sync skipped and why (count and the first reasons); null when nothing was. */
  @Column({ type: 'simple-json', nullable: true })
  lastSkips!: SyncSkips | null;

  /** The version of the format the feed last turned out to be (HSDS 1.x / 2.x / 3.x...); null when the format has one. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  formatVersion!: string | null;

  /**
   * When the feed was last parsed in full. Recurrences are expanded into a window that moves with time,
   * so even a feed that never changes (always 304) is pulled unconditionally once a day to add the
   * occurrences that entered the window.
   */
  @InstantColumn({ nullable: true })
  lastExpandedAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  consecutiveFailures!: number;

  @Column({ type: 'integer', default: 0 })
  itemCount!: number;

  /** When the scheduler should next pull it (interval + jitter, or a back-off after failures). */
  @Index()
  @InstantColumn({ nullable: true })
  nextSyncAt!: Date | null;

  @InstantColumn()
  createdAt!: Date;
}
