import { IANAZone } from 'luxon';
import { DataSource } from 'typeorm';
import { Context } from '../../context';
import { LIVE_FORMATS, SourceFormat } from '../../datasources/adapter';
import { ilsEndpointFromSource } from '../../datasources/ils/ils-item';
import { EventEntity } from '../../model/event.entity';
import { PartnerEntity } from '../../model/partner.entity';
import { SourceEntity } from '../../model/source.entity';
import { EventStatus, PartnerKind, SourceStatus } from '../../domain/enums';
import { DomainError, ErrorCode, InvalidArgumentError } from '../../domain/errors';
import { localIdOf, toGlobalId } from '../../domain/global-id';
import { stableId } from '../../domain/ids';
import { access } from '../../domain/access';
import { DataChanges } from '../../pubsub/data-changes';
import { sourceHealth } from './schedule-policy';
import { SourceLocks } from './source-lock';
import { FeedCheck } from './feed-check';
import { SyncProgress, SyncReport, SyncService } from './sync.service';
import { webUrl } from '../../domain/web-url';

export interface AddPartnerInput { slug: string; name: string; kind: PartnerKind; timezone: string; website?: string | null }
export interface AddSourceInput {
  partnerId: string;
  format: SourceFormat;
  url: string;
  refreshMinutes?: number | null;
  expandFrom?: Date | null;
  expandTo?: Date | null;
  options?: Record<string, unknown> | null;
}

export interface CheckFeedInput {
  format: string;
  url: string;
  /** The partner's zone: floating times and dates are read in it. */
  timezone: string;
  options?: Record<string, unknown>;
  window?: { from: Date; to: Date };
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MIN_REFRESH_MINUTES = 5;
const MAX_REFRESH_MINUTES = 7 * 24 * 60;

/** Partners and their sources: ADMIN manages them; everyone sees a source's health, staff see its URL and error. */
export class SourceService {
  constructor(
    private readonly db: DataSource, private readonly engine: SyncService, private readonly locks: SourceLocks, private readonly changes: DataChanges,
  ) {}

  async addPartner(ctx: Context, input: AddPartnerInput): Promise<PartnerEntity> {
    access.requireAdmin(ctx.principal, 'addPartner');
    if (!SLUG.test(input.slug) || input.slug.length > 64) throw new InvalidArgumentError('input.slug', input.slug, 'lower-case words joined by "-" (at most 64 characters)');
    if (!input.name.trim() || input.name.length > 200) throw new InvalidArgumentError('input.name', input.name, 'a non-empty name of at most 200 characters');
    if (!Object.values(PartnerKind).includes(input.kind)) throw new InvalidArgumentError('input.kind', input.kind, Object.values(PartnerKind).join(' | '));
    if (!IANAZone.isValidZone(input.timezone)) throw new InvalidArgumentError('input.timezone', input.timezone, 'an IANA time zone such as America/Chicago');
    if (input.website != null && !webUrl(input.website)) throw new InvalidArgumentError('input.website', input.website, 'an http(s) URL');
    const repo = this.db.getRepository(PartnerEntity);
    if (await repo.findOneBy({ slug: input.slug })) throw new DomainError(ErrorCode.CONFLICT, `A partner with slug "${input.slug}" already exists.`);
    const partner = repo.create({
      id: stableId('partner', input.slug), slug: input.slug, name: input.name.trim(), kind: input.kind,
      website: input.website ?? null, timezone: input.timezone, createdAt: ctx.now,
    });
    await repo.insert(partner);
    this.changes.committed('partners');
    return partner;
  }

  /**
   * `file:` URLs read the server's own disk, so only the operator's CLI may add them (`allowFileUrls`);
   * over the API a file's first line could otherwise come back in lastError.
   */
  async addSource(ctx: Context, input: AddSourceInput, options: { allowFileUrls?: boolean } = {}): Promise<SourceEntity> {
    access.requireKey(ctx.principal, 'addSource');
    const partnerId = localIdOf('Partner', input.partnerId, 'input.partnerId');
    access.requirePartner(ctx.principal, partnerId, 'addSource');
    if (!(await this.db.getRepository(PartnerEntity).findOneBy({ id: partnerId }))) throw new DomainError(ErrorCode.NOT_FOUND, `No partner with id "${input.partnerId}".`);
    if (!Object.values(SourceFormat).includes(input.format)) throw new InvalidArgumentError('input.format', input.format, Object.values(SourceFormat).join(' | '));
    const live = LIVE_FORMATS.includes(input.format);
    if (!live && !this.engine.supports(input.format)) throw new InvalidArgumentError('input.format', input.format, `a format with an installed adapter (${this.engine.formats().join(', ')}) or a live format (${LIVE_FORMATS.join(', ')})`);
    if (input.format === SourceFormat.ILS_AVAILABILITY) {
      try {
        ilsEndpointFromSource({ partnerId, url: input.url, options: input.options ?? {} });
      } catch (error) {
        throw new InvalidArgumentError('input.options', input.options ?? {}, 'options.protocol "ILSDI" (default) or "RTAC"');
      }
    }
    if (!isFeedUrl(input.url, options.allowFileUrls ?? false)) {
      throw new InvalidArgumentError('input.url', input.url, options.allowFileUrls ? 'an http:, https: or file: URL' : 'an http: or https: URL (file: URLs only through the community-graph CLI)');
    }
    const refreshMinutes = input.refreshMinutes ?? 60;
    if (!Number.isInteger(refreshMinutes) || refreshMinutes < MIN_REFRESH_MINUTES || refreshMinutes > MAX_REFRESH_MINUTES) {
      throw new InvalidArgumentError('input.refreshMinutes', refreshMinutes, `an integer from ${MIN_REFRESH_MINUTES} to ${MAX_REFRESH_MINUTES}`);
    }
    if (input.expandFrom && input.expandTo && input.expandFrom >= input.expandTo) {
      throw new InvalidArgumentError('input.expandTo', input.expandTo.toISOString(), 'an instant after expandFrom');
    }
    const repo = this.db.getRepository(SourceEntity);
    const source = repo.create({
      id: stableId('source', partnerId, input.format, input.url), partnerId, format: input.format, url: input.url, refreshMinutes,
      expandFrom: input.expandFrom ?? null, expandTo: input.expandTo ?? null, options: JSON.stringify(input.options ?? {}),
      title: null, etag: null, lastModified: null, lastAttemptAt: null, lastSuccessAt: null, lastError: null, lastSkips: null, formatVersion: null, lastExpandedAt: null,
      consecutiveFailures: 0, itemCount: 0, nextSyncAt: live ? null : ctx.now, createdAt: ctx.now,
    });
    if (await repo.findOneBy({ id: source.id })) throw new DomainError(ErrorCode.CONFLICT, `This partner already has a ${input.format} source at ${input.url}.`);
    await repo.insert(source);
    this.changes.committed('sources');
    return source;
  }

  /**
   * Deletes the source; its events stay (registrations and links point at them) but upcoming ones are
   * marked CANCELLED with removedAt, as if they had vanished from the feed.
   */
  async removeSource(ctx: Context, id: string): Promise<boolean> {
    access.requireKey(ctx.principal, 'removeSource');
    const sourceId = localIdOf('Source', id);
    await this.db.transaction(async (manager) => {
      const source = await manager.findOneBy(SourceEntity, { id: sourceId });
      if (!source) throw new DomainError(ErrorCode.NOT_FOUND, `No source with id "${id}".`);
      access.requirePartner(ctx.principal, source.partnerId, 'removeSource');
      await manager.createQueryBuilder().update(EventEntity)
        .set({ status: EventStatus.CANCELLED, removedAt: ctx.now, updatedAt: ctx.now })
        .where('sourceId = :sourceId AND removedAt IS NULL AND endsAt > :now', { sourceId, now: ctx.now.toISOString() })
        .execute();
      await manager.delete(SourceEntity, { id: sourceId });
    });
    this.changes.committed('sources');
    return true;
  }

  async syncSource(ctx: Context, id: string, onProgress?: (progress: SyncProgress) => void): Promise<SyncReport> {
    access.requireKey(ctx.principal, 'syncSource');
    const sourceId = localIdOf('Source', id);
    const source = await this.db.getRepository(SourceEntity).findOneBy({ id: sourceId });
    if (!source) throw new DomainError(ErrorCode.NOT_FOUND, `No source with id "${id}".`);
    access.requirePartner(ctx.principal, source.partnerId, 'syncSource');
    if (LIVE_FORMATS.includes(source.format)) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, `${source.format} sources are read per request and never synced.`);
    }
    const report = await this.locks.tryRun(sourceId, () => this.engine.run(sourceId, new Date(), onProgress));
    if (!report) throw new DomainError(ErrorCode.CONFLICT, `Source "${id}" is being synced right now; try again when that sync has finished.`);
    return report;
  }

  /**
   * What a sync of a feed not yet added would store (nothing is written): ADMIN only, as it fetches
   * any URL the fetch policy allows; `file:` only for the operator's CLI, as in addSource.
   */
  async checkFeed(ctx: Context, input: CheckFeedInput, options: { allowFileUrls?: boolean } = {}): Promise<FeedCheck> {
    access.requireAdmin(ctx.principal, 'checkFeed');
    if (!this.engine.supports(input.format)) {
      throw new InvalidArgumentError('format', input.format, `a format with an installed adapter (${this.engine.formats().join(', ')})`);
    }
    if (!isFeedUrl(input.url, options.allowFileUrls ?? false)) {
      throw new InvalidArgumentError('url', input.url, options.allowFileUrls ? 'an http:, https: or file: URL' : 'an http: or https: URL');
    }
    if (!IANAZone.isValidZone(input.timezone)) throw new InvalidArgumentError('timezone', input.timezone, 'an IANA time zone such as America/Chicago');
    if (input.window && input.window.from >= input.window.to) throw new InvalidArgumentError('to', input.window.to.toISOString(), 'an instant after from');
    return this.engine.check(input, ctx.now);
  }

  sourcesOf(ctx: Context, partnerId: string): Promise<SourceEntity[]> {
    return ctx.loaders.sourcesByPartner.load(partnerId);
  }

  sourceOf(ctx: Context, sourceId: string): Promise<SourceEntity | null> {
    return ctx.loaders.sourceById.load(sourceId);
  }

  health(ctx: Context, source: SourceEntity): SourceStatus {
    return sourceHealth(source, ctx.now);
  }

  /** Events and catalog records alike. fetchedAt: when the feed last confirmed the row (a later unchanged sync writes nothing to the row). */
  async provenanceOf(ctx: Context, event: SyncedRow): Promise<{ sourceId: string; externalId: string; fetchedAt: Date; stale: boolean } | null> {
    if (!event.sourceId || !event.externalId) return null;
    const source = await ctx.loaders.sourceById.load(event.sourceId);
    const fetched = event.fetchedAt ?? event.updatedAt;
    const confirmed = !event.removedAt && source?.lastSuccessAt && source.lastSuccessAt > fetched ? source.lastSuccessAt : fetched;
    return {
      sourceId: toGlobalId('Source', event.sourceId),
      externalId: event.externalId,
      fetchedAt: confirmed,
      stale: !source || event.removedAt != null || sourceHealth(source, ctx.now) !== 'OK',
    };
  }

  /** URL and last error reveal partner infrastructure: ADMIN or that partner's own key only. */
  canSeePrivate(ctx: Context, source: SourceEntity): boolean {
    return access.actsFor(ctx.principal, source.partnerId);
  }
}

/** What provenance needs of a synced row (an event, a catalog record). */
type SyncedRow = Pick<EventEntity, 'sourceId' | 'externalId' | 'fetchedAt' | 'updatedAt' | 'removedAt'>;

function isFeedUrl(value: string, allowFile: boolean): boolean {
  try {
    return ['http:', 'https:', ...(allowFile ? ['file:'] : [])].includes(new URL(value).protocol) && value.length <= 2000;
  } catch {
    return false;
  }
}
