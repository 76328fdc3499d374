import { DataSource } from 'typeorm';
import { SyncStatus } from '../../domain/enums';
import { HttpClient, PullResult, SkippedItem, SourceAdapter, SourceSpec } from '../../datasources/adapter';
import { PartnerEntity } from '../../model/partner.entity';
import { SourceEntity } from '../../model/source.entity';
import { Logger } from '../../logger';
import { redactCredentials } from '../../datasources/shared/redact-credentials';
import { DataChanges } from '../../pubsub/data-changes';
import { SinkCounts, SyncSink } from '../../datasources/shared/sink';
import { nextSyncAfterFailure, nextSyncAfterSuccess } from './schedule-policy';
import { summarizeSkips } from '../../model/sync-skips';
import { checkFeed, FeedCheck } from './feed-check';
import { DEFAULT_SOURCE_LIMITS, SourceLimits } from '../../datasources/shared/source-limits';

export interface SyncReport extends SinkCounts {
  sourceId: string;
  status: SyncStatus;
  skipped: number;
  skippedItems: SkippedItem[];
  /** What was read leniently (PullResult.notes). */
  notes: string[];
  durationMs: number;
  error: string | null;
}

/** Phases of one sync, for progress output (CLI) on long feeds. */
export type SyncProgress =
  | { phase: 'pulled'; items: number; skipped: number }
  | { phase: 'stored' };

export interface SyncEngineOptions {
  http: HttpClient;
  adapters: SourceAdapter[];
  sinks: SyncSink[];
  windowPastDays: number;
  windowAheadDays: number;
  /** See SyncConfig.reexpandHours; default 24. */
  reexpandHours?: number;
  logger?: Logger;
  /** Aborted at shutdown (the same signal as the HttpClient's): see `run`. */
  stopping?: AbortSignal;
  /** Told after every run: even an unchanged feed moves its Source's public lastAttemptAt / lastSuccessAt. */
  dataChanges: DataChanges;
  /** SYNC_MAX_* (docs/security.md "Limits per source"); default DEFAULT_SOURCE_LIMITS. */
  limits?: SourceLimits;
}

const DAY_MS = 86_400_000;

/**
 * The generic sync engine: source → adapter.pull (through the one HttpClient) → the sink registered for
 * the pull's `kind` → source health. It knows no format and no table. A failing pull changes nothing
 * stored except the Source's error and back-off, so the last good data stays served.
 */
export class SyncService {
  private readonly adapters: Map<string, SourceAdapter>;
  private readonly sinks: Map<string, SyncSink>;
  private readonly limits: SourceLimits;

  constructor(private readonly db: DataSource, private readonly options: SyncEngineOptions) {
    this.adapters = new Map(options.adapters.map((a) => [a.format, a]));
    this.sinks = new Map(options.sinks.map((s) => [s.kind, s]));
    this.limits = options.limits ?? DEFAULT_SOURCE_LIMITS;
  }

  supports(format: string): boolean {
    return this.adapters.has(format);
  }

  formats(): string[] {
    return [...this.adapters.keys()];
  }

  /** Runs one sync now. Never throws for a bad feed: the report (and the Source) carries the error. */
  async run(sourceId: string, now = new Date(), onProgress?: (progress: SyncProgress) => void): Promise<SyncReport> {
    try {
      return await this.pullAndStore(sourceId, now, onProgress);
    } finally {
      // Every path that wrote anything (the sinks' transactions, the Source's status) has committed here.
      this.options.dataChanges.committed('sync');
    }
  }

  private async pullAndStore(sourceId: string, now: Date, onProgress?: (progress: SyncProgress) => void): Promise<SyncReport> {
    const started = Date.now();
    const source = await this.db.getRepository(SourceEntity).findOneByOrFail({ id: sourceId });
    const partner = await this.db.getRepository(PartnerEntity).findOneByOrFail({ id: source.partnerId });
    const base = { sourceId, created: 0, updated: 0, removed: 0, unchanged: 0, skipped: 0, skippedItems: [] as SkippedItem[], notes: [] as string[], error: null };
    let pull: PullResult;
    let counts: SinkCounts;
    const limitSkips: SkippedItem[] = [];
    const spec = this.specOf(source, partner, now);
    try {
      const adapter = this.adapters.get(source.format);
      if (!adapter) throw new Error(`No adapter is installed for format ${source.format}.`);
      pull = await adapter.pull(spec, this.options.http);
      if (pull.notModified) {
        await this.recordSuccess(source, now, pull, source.itemCount);
        return { ...base, status: 'NOT_MODIFIED', durationMs: Date.now() - started };
      }
      const parts = [pull, ...(pull.parts ?? [])];
      const sinks = parts.map((part) => {
        const sink = this.sinks.get(part.kind);
        if (!sink) throw new Error(`No sink is registered for items of kind "${part.kind}".`);
        return sink;
      });
      // A streamed pull (MARC) is handed to the sink as it is: the sink reads it batch by batch, so a
      // 100,000-record file never sits in memory. Its `skipped` fills while streaming (read below).
      if (parts.every((part) => Array.isArray(part.items))) {
        onProgress?.({ phase: 'pulled', items: parts.reduce((n, part) => n + (part.items as unknown[]).length, 0), skipped: pull.skipped.length });
      }
      counts = { created: 0, updated: 0, removed: 0, unchanged: 0 };
      let present = 0;
      for (const [i, part] of parts.entries()) {
        const stored = await sinks[i].apply({
          db: this.db, source: { id: source.id, partnerId: partner.id, partnerTimezone: partner.timezone }, now,
          incremental: part.incremental, deletedExternalIds: part.deletedExternalIds ?? [], window: spec.window, limits: this.limits,
        }, part.items);
        for (const key of ['created', 'updated', 'removed', 'unchanged'] as const) counts[key] += stored[key];
        limitSkips.push(...stored.limitSkips ?? []);
        // The main items count as pulled; a streamed pull or an extra part (which may carry skipped-record
        // markers, as MARC does) counts what its sink holds now.
        present += part.incremental ? stored.created
          : i === 0 && Array.isArray(part.items) ? part.items.length - (stored.notStored ?? 0) : stored.created + stored.updated + stored.unchanged;
      }
      onProgress?.({ phase: 'stored' });
      await this.recordSuccess(source, now, pull, pull.incremental ? source.itemCount + present : present, limitSkips);
    } catch (error) {
      // The last line of defence for what partners read back: no URL credentials, whatever threw.
      const message = redactCredentials((error as Error).message || String(error));
      if (this.options.stopping?.aborted) {
        // Interrupted by shutdown before anything was stored (a sink transaction, once begun, runs to its
        // end, and a failed one rolls back). Not the partner's fault: no failure and no back-off are
        // recorded, so the source is still due and syncs again after the restart.
        this.options.logger?.info({ sourceId, err: message }, 'sync interrupted by shutdown; it stays due');
        return { ...base, status: 'FAILED', error: message, durationMs: Date.now() - started };
      }
      this.options.logger?.warn({ sourceId, err: message }, 'sync failed');
      await this.recordFailure(source, now, message);
      return { ...base, status: 'FAILED', error: message, durationMs: Date.now() - started };
    }
    // Read only now: a streamed pull reports the records it could not read while the sink consumed it.
    const skippedItems = [...pull.skipped, ...limitSkips];
    return {
      ...base, ...counts, skipped: skippedItems.length, skippedItems, notes: [...(pull.notes ?? [])],
      status: skippedItems.length ? 'PARTIAL' : 'OK', durationMs: Date.now() - started,
    };
  }

  /**
   * What a sync of this feed would store, pulled through the same adapter and HttpClient (so the same
   * fetch policy) without touching the database: for partner staff testing an export before it is added.
   */
  async check(feed: { format: string; url: string; timezone: string; options?: Record<string, unknown>; window?: { from: Date; to: Date } }, now = new Date()): Promise<FeedCheck> {
    const adapter = this.adapters.get(feed.format);
    if (!adapter) throw new Error(`No adapter is installed for format ${feed.format}.`);
    const spec: SourceSpec = {
      id: 'check', partnerId: 'check', format: adapter.format, url: feed.url, partnerTimezone: feed.timezone,
      window: feed.window ?? {
        from: new Date(now.getTime() - this.options.windowPastDays * DAY_MS), to: new Date(now.getTime() + this.options.windowAheadDays * DAY_MS),
      },
      validators: { etag: null, lastModified: null }, lastSuccessAt: null, options: feed.options ?? {},
      maxOccurrencesPerSeries: this.limits.occurrencesPerSeries,
    };
    return checkFeed(adapter, this.options.http, spec);
  }

  specOf(source: SourceEntity, partner: PartnerEntity, now: Date): SourceSpec {
    return {
      id: source.id, partnerId: partner.id, format: source.format, url: source.url, partnerTimezone: partner.timezone,
      window: {
        from: source.expandFrom ?? new Date(now.getTime() - this.options.windowPastDays * DAY_MS),
        to: source.expandTo ?? new Date(now.getTime() + this.options.windowAheadDays * DAY_MS),
      },
      // A 304 skips parsing, so validators are dropped once a day to let the moving window advance.
      validators: source.lastExpandedAt && now.getTime() - source.lastExpandedAt.getTime() < (this.options.reexpandHours ?? 24) * 3_600_000
        ? { etag: source.etag, lastModified: source.lastModified }
        : { etag: null, lastModified: null },
      lastSuccessAt: source.lastSuccessAt,
      options: parseOptions(source.options),
      maxOccurrencesPerSeries: this.limits.occurrencesPerSeries,
    };
  }

  private async recordSuccess(source: SourceEntity, now: Date, pull: PullResult, itemCount: number, limitSkips: SkippedItem[] = []): Promise<void> {
    // A 304 parsed nothing: the skips and version of the data still served stay as they were. Otherwise
    // the pull is complete here (a streamed pull's skips fill while its sink reads it).
    const parsed = pull.notModified ? {} : {
      lastExpandedAt: now, lastSkips: summarizeSkips([...pull.skipped, ...limitSkips]), formatVersion: pull.formatVersion?.slice(0, 32) ?? null,
    };
    await this.db.getRepository(SourceEntity).update({ id: source.id }, {
      lastAttemptAt: now, lastSuccessAt: now, ...parsed,
      ...(pull.title !== undefined && !pull.notModified ? { title: pull.title?.slice(0, 200) ?? null } : {}), lastError: null, consecutiveFailures: 0, itemCount,
      etag: pull.validators.etag, lastModified: pull.validators.lastModified,
      nextSyncAt: nextSyncAfterSuccess(source.refreshMinutes, now),
    });
  }

  private async recordFailure(source: SourceEntity, now: Date, message: string): Promise<void> {
    const failures = source.consecutiveFailures + 1;
    await this.db.getRepository(SourceEntity).update({ id: source.id }, {
      lastAttemptAt: now, lastError: message.slice(0, 4000), consecutiveFailures: failures,
      nextSyncAt: nextSyncAfterFailure(source.refreshMinutes, failures, now),
    });
  }
}

function parseOptions(raw: string): Record<string, unknown> {
  try {
    const value = JSON.parse(raw);
    return value && typeof value === 'object' ? value : {};
  } catch {
    return {};
  }
}
