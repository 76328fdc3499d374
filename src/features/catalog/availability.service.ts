import CircuitBreaker from 'opossum';
import DataLoader from 'dataloader';
import { GraphQLFormattedError } from 'graphql';
import { DataSource, In } from 'typeorm';
import { HttpClient, SourceFormat } from '../../datasources/adapter';
import { fetchAvailability } from '../../datasources/ils/ils.source';
import { IlsEndpoint, ilsEndpointFromSource, LiveItem } from '../../datasources/ils/ils-item';
import { AVAILABLE_NOW, HoldingStatus, REQUESTABLE } from '../../datasources/shared/catalog-item';
import { ErrorCode } from '../../domain/errors';
import { stableId } from '../../domain/ids';
import { toGlobalId } from '../../domain/global-id';
import { CatalogRecordEntity } from '../../model/catalog-record.entity';
import { HoldingEntity } from '../../model/holding.entity';
import { LocationEntity } from '../../model/location.entity';
import { SourceEntity } from '../../model/source.entity';
import type { Context } from '../../context';

/** A copy as shown to clients: the stored holding, overlaid with the ILS's live status when it answered. */
export interface LiveHolding extends Omit<HoldingEntity, 'position'> {
  holds: number | null;
  /** The status came from the ILS during this request. */
  live: boolean;
  /** The ILS was asked and did not answer: this is the status known from the last catalog sync. */
  stale: boolean;
  requestable: boolean;
}

export interface RecordAvailability {
  availableNow: boolean;
  availableCount: number;
  total: number;
  holds: number;
  requestable: boolean;
  stale: boolean;
}

export interface RecordHoldings {
  holdings: LiveHolding[];
  availability: RecordAvailability;
  /** Set when this record's library did not answer. */
  failure: { partnerId: string; reason: string } | null;
}

/** Which ILS answers for each library (the ILS_AVAILABILITY sources). */
export interface IlsDirectory {
  endpointsFor(partnerIds: string[]): Promise<Map<string, IlsEndpoint>>;
}

/**
 * The directory of the running server: each library's ILS_AVAILABILITY Source (the oldest one when a
 * library registered several). Read per batch (one small indexed query), so a source added or removed
 * through the API applies to the next request on every replica.
 */
export const sourceIlsDirectory = (db: DataSource): IlsDirectory => ({
  async endpointsFor(partnerIds) {
    if (!partnerIds.length) return new Map();
    const rows = await db.getRepository(SourceEntity).find({
      where: { format: SourceFormat.ILS_AVAILABILITY, partnerId: In(partnerIds) }, order: { createdAt: 'ASC', id: 'ASC' },
    });
    const endpoints = new Map<string, IlsEndpoint>();
    for (const row of rows) {
      if (endpoints.has(row.partnerId)) continue;
      // addSource validated the options; a row edited by hand into nonsense is passed by (stored holdings show).
      try {
        endpoints.set(row.partnerId, ilsEndpointFromSource({ partnerId: row.partnerId, url: row.url, options: JSON.parse(row.options) }));
      } catch {
        continue;
      }
    }
    return endpoints;
  },
});

export const staticIlsDirectory = (endpoints: IlsEndpoint[]): IlsDirectory => ({
  endpointsFor: async (partnerIds) => new Map(endpoints.filter((e) => partnerIds.includes(e.partnerId)).map((e) => [e.partnerId, e])),
});

export interface AvailabilityOptions {
  http: HttpClient | null;
  directory: IlsDirectory;
  /** How long an ILS answer is reused (default 30 s): popular titles on busy pages cost one call. */
  cacheMs: number;
  /** The ILS gets this long per batch call before we serve stale holdings. */
  timeoutMs: number;
  /** After the breaker opens, how long before one trial call is let through. */
  breakerResetMs: number;
}

const CACHE_LIMIT = 50_000;

/**
 * Live availability: per request, one DataLoader batches every record a query touches into ONE
 * upstream call per library (misses only; answers are cached `cacheMs`). Each ILS has its own
 * circuit breaker (opossum), so a dead ILS costs nothing after a few failures and never slows
 * other libraries. A failed library's records keep their ingested holdings, marked stale, and the
 * response carries a PARTNER_UNAVAILABLE error at each affected path.
 */
export class AvailabilityService {
  private readonly cache = new Map<string, { items: LiveItem[]; expires: number }>();
  private readonly breakers = new Map<string, CircuitBreaker<[IlsEndpoint, string[]], Map<string, LiveItem[]>>>();
  private readonly perRequest = new WeakMap<object, DataLoader<CatalogRecordEntity, RecordHoldings, string>>();
  /** Upstream calls made, per ILS URL (metrics and the batching tests). */
  readonly upstreamCalls = new Map<string, number>();

  constructor(private readonly options: AvailabilityOptions) {}

  holdingsOf(ctx: Context, record: CatalogRecordEntity): Promise<RecordHoldings> {
    let loader = this.perRequest.get(ctx.loaders);
    if (!loader) {
      loader = new DataLoader((records) => this.load(ctx, records), { cacheKeyFn: (r) => r.id, maxBatchSize: 1000 });
      this.perRequest.set(ctx.loaders, loader);
    }
    return loader.load(record);
  }

  /** The PARTNER_UNAVAILABLE error for a field whose library did not answer (added beside the data). */
  unavailableError(failure: NonNullable<RecordHoldings['failure']>, path: (string | number)[]): GraphQLFormattedError {
    return {
      message: `Live availability from this library is unavailable (${failure.reason}); showing holdings from the last catalog sync.`,
      path,
      extensions: { code: ErrorCode.PARTNER_UNAVAILABLE, partnerId: toGlobalId('Partner', failure.partnerId) },
    };
  }

  shutdown(): void {
    for (const breaker of this.breakers.values()) breaker.shutdown();
  }

  private async load(ctx: Context, records: readonly CatalogRecordEntity[]): Promise<RecordHoldings[]> {
    const [stored, locations] = await Promise.all([
      Promise.all(records.map((r) => ctx.loaders.holdingsByRecord.load(r.id))),
      Promise.all(records.map((r) => ctx.loaders.locationsByPartner.load(r.partnerId))),
    ]);
    const partnerIds = [...new Set(records.map((r) => r.partnerId))];
    const endpoints = this.options.http ? await this.options.directory.endpointsFor(partnerIds) : new Map<string, IlsEndpoint>();
    const live = new Map<string, LiveItem[]>();
    const failures = new Map<string, string>();
    await Promise.all(partnerIds.map(async (partnerId) => {
      const endpoint = endpoints.get(partnerId);
      if (!endpoint) return;
      const ids = [...new Set(records.filter((r) => r.partnerId === partnerId).map((r) => r.externalId))];
      try {
        const answers = await this.lookup(endpoint, ids);
        for (const [id, items] of answers) live.set(`${partnerId}|${id}`, items);
      } catch (error) {
        failures.set(partnerId, reasonOf(error));
        ctx.logger.warn({ partnerId, url: endpoint.url, err: error }, 'ILS availability call failed; serving stale holdings');
      }
    }));
    return records.map((record, i) => {
      const reason = failures.get(record.partnerId);
      const items = live.get(`${record.partnerId}|${record.externalId}`);
      const holdings = merge(record, stored[i], items, reason !== undefined, locations[i]);
      return { holdings, availability: summarize(holdings, reason !== undefined), failure: reason ? { partnerId: record.partnerId, reason } : null };
    });
  }

  /** Cached answers plus one call (through the ILS's breaker) for the misses. */
  private async lookup(endpoint: IlsEndpoint, ids: string[]): Promise<Map<string, LiveItem[]>> {
    const now = Date.now();
    const answers = new Map<string, LiveItem[]>();
    const misses: string[] = [];
    for (const id of ids) {
      const hit = this.cache.get(`${endpoint.url}|${id}`);
      if (hit && hit.expires > now) answers.set(id, hit.items);
      else misses.push(id);
    }
    if (misses.length) {
      const fetched = await this.breakerFor(endpoint).fire(endpoint, misses);
      if (this.cache.size > CACHE_LIMIT) this.cache.clear();
      for (const [id, items] of fetched) {
        answers.set(id, items);
        if (this.options.cacheMs > 0) this.cache.set(`${endpoint.url}|${id}`, { items, expires: now + this.options.cacheMs });
      }
    }
    return answers;
  }

  private breakerFor(endpoint: IlsEndpoint) {
    let breaker = this.breakers.get(endpoint.url);
    if (!breaker) {
      breaker = new CircuitBreaker(async (e: IlsEndpoint, ids: string[]) => {
        this.upstreamCalls.set(e.url, (this.upstreamCalls.get(e.url) ?? 0) + 1);
        return fetchAvailability(this.options.http!, e, ids);
      }, {
        timeout: this.options.timeoutMs,
        resetTimeout: this.options.breakerResetMs,
        errorThresholdPercentage: 50,
        volumeThreshold: 3,
      });
      this.breakers.set(endpoint.url, breaker);
    }
    return breaker;
  }
}

function reasonOf(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'EOPENBREAKER') return 'circuit open after repeated failures';
  if (code === 'ETIMEDOUT') return 'timed out';
  return error instanceof Error ? error.message : 'failed';
}

const requestable = (status: HoldingStatus) => REQUESTABLE.has(status);

/**
 * The ILS is the authority on which copies exist: when it lists items for a record, stored copies it
 * does not mention are dropped (withdrawn since the export, or an 852 export whose ids the ILS does
 * not share), and copies it adds are placed at the Location whose code or name is the item's location.
 * When it lists none (or was not asked), the stored copies stand.
 */
function merge(record: CatalogRecordEntity, stored: HoldingEntity[], items: LiveItem[] | undefined, failed: boolean, locations: LocationEntity[]): LiveHolding[] {
  const base = stored.map(({ position: _p, ...h }): LiveHolding => ({ ...h, holds: null, live: false, stale: failed, requestable: requestable(h.status) }));
  if (!items?.length) return base;
  const unmatched = [...items];
  const merged = base.flatMap((h) => {
    const at = unmatched.findIndex((item) => (item.itemId && item.itemId === h.itemId) || (item.barcode && item.barcode === h.barcode));
    if (at === -1) return [];
    const [item] = unmatched.splice(at, 1);
    return [{ ...h, status: item.status, rawStatus: item.rawStatus, dueDate: item.dueDate, holds: item.holds, live: true, requestable: requestable(item.status) }];
  });
  const place = (name: string | null) => {
    const key = name?.trim().toLowerCase();
    return key ? locations.find((l) => l.code?.toLowerCase() === key || l.name.toLowerCase() === key) ?? null : null;
  };
  // Copies the ILS knows but the last export did not (new acquisitions) still count.
  const extra = unmatched.map((item): LiveHolding => ({
    id: stableId(record.id, 'live', item.itemId ?? item.barcode ?? ''), recordId: record.id, partnerId: record.partnerId,
    locationId: place(item.location)?.id ?? null, branchCode: place(item.location)?.code ?? null, holdingBranchCode: null, callNumber: item.callNumber, barcode: item.barcode, itemId: item.itemId, itemType: null,
    libraryName: null, branchName: null,
    status: item.status, rawStatus: item.rawStatus, dueDate: item.dueDate, holds: item.holds, live: true, stale: false, requestable: requestable(item.status),
  }));
  return [...merged, ...extra];
}

function summarize(holdings: LiveHolding[], stale: boolean): RecordAvailability {
  const availableCount = holdings.filter((h) => AVAILABLE_NOW.has(h.status)).length;
  return {
    availableNow: availableCount > 0,
    availableCount,
    total: holdings.length,
    holds: holdings.reduce((sum, h) => sum + (h.holds ?? 0), 0),
    requestable: holdings.some((h) => h.requestable),
    stale,
  };
}
