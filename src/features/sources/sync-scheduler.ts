import { DataSource, In, IsNull, LessThanOrEqual, Not } from 'typeorm';
import { LIVE_FORMATS } from '../../datasources/adapter';
import { SourceEntity } from '../../model/source.entity';
import { Logger } from '../../logger';
import { metrics } from '../../observability/metrics';
import { SourceLocks } from './source-lock';
import { SyncReport, SyncService } from './sync.service';

export interface SchedulerOptions {
  /** Mean pause between looks for due sources; each pause is jittered ±20 %. */
  tickMs: number;
  /** Sources synced in parallel by one replica. */
  concurrency?: number;
  logger?: Logger;
}

/**
 * Syncs every source when it is due (Source.nextSyncAt: interval + jitter after a success, a doubling
 * back-off after failures). Each sync runs under SourceLocks, and the due date is re-read once the lock
 * is held, so with several replicas each due sync runs exactly once.
 */
export class SyncScheduler {
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<unknown> = Promise.resolve();
  private stopped = true;

  constructor(private readonly db: DataSource, private readonly engine: SyncService, private readonly locks: SourceLocks, private readonly options: SchedulerOptions) {}

  start(): void {
    this.stopped = false;
    this.schedule(Math.min(this.options.tickMs, 5_000));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.current.catch(() => undefined);
  }

  /** One look for due sources; returns the reports of the syncs this replica ran. */
  async tick(now = new Date()): Promise<SyncReport[]> {
    const due = await this.db.getRepository(SourceEntity).find({
      select: { id: true },
      // Live formats (ILS availability) are read per request: never due.
      where: [{ nextSyncAt: LessThanOrEqual(now), format: Not(In([...LIVE_FORMATS])) }, { nextSyncAt: IsNull(), format: Not(In([...LIVE_FORMATS])) }],
      order: { nextSyncAt: 'ASC', id: 'ASC' },
      take: 100,
    });
    const reports: SyncReport[] = [];
    const queue = due.map((s) => s.id);
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        const report = await this.locks.tryRun(id, async () => {
          // Another replica may have synced it between our query and our lock.
          const fresh = await this.db.getRepository(SourceEntity).findOneBy({ id });
          if (!fresh || (fresh.nextSyncAt && fresh.nextSyncAt > now)) return null;
          return this.engine.run(id);
        });
        if (report) {
          reports.push(report);
          this.options.logger?.info({ sourceId: id, status: report.status, created: report.created, updated: report.updated, removed: report.removed, ...(report.error ? { error: report.error } : {}) }, 'scheduled sync');
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, this.options.concurrency ?? 2) }, worker));
    return reports;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.current = this.tick()
        .catch((error) => this.options.logger?.error({ err: error }, 'sync scheduler tick failed'))
        .finally(() => {
          metrics.syncSchedulerTicks.inc();
          this.schedule(this.options.tickMs * (0.8 + Math.random() * 0.4));
        });
    }, delayMs);
    this.timer.unref();
  }
}
