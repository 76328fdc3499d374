import { Context } from '../../context';
import { EventEntity } from '../../model/event.entity';
import { LocationEntity } from '../../model/location.entity';
import { PartnerEntity } from '../../model/partner.entity';
import { DomainError, ErrorCode } from '../../domain/errors';
import { EventFilterInput } from '../../domain/event-filter';
import { toGlobalId } from '../../domain/global-id';
import type { FeedQuery } from './feed-query';
import { registrationInfo, RegistrationInfo } from '../events/registration-info';
import { EventService } from '../events/event.service';
import { PartnerService } from '../partners/partner.service';

/** Pages a per-series feed may read beyond what its limit needs, passing over the occurrences it skips. */
const SKIPPING_PAGES = 10;

/** One event with everything a feed, embed page or widget shows; loaded through the request's loaders. */
export interface FeedItem {
  globalId: string;
  event: EventEntity;
  partner: PartnerEntity;
  location: LocationEntity | null;
  registration: RegistrationInfo;
}

export interface FeedResult {
  /** The partners named in the query (empty: every partner). */
  partners: PartnerEntity[];
  items: FeedItem[];
}

/**
 * Feeds, embeds and the widget read events here, and this reads through the same EventService and
 * PartnerService (and DataLoaders) as GraphQL: there is no second query path whose filters could drift.
 */
export class EventFeedService {
  constructor(private readonly events: EventService, private readonly partners: PartnerService) {}

  /** Partners by slug; an unknown slug is a client error that names it (never an empty feed). */
  async partnersBySlug(ctx: Context, slugs: string[]): Promise<PartnerEntity[]> {
    const found = await Promise.all(slugs.map((slug) => this.partners.find(ctx, { slug })));
    const missing = slugs.filter((_, i) => !found[i]);
    if (missing.length) {
      const known = (await this.partners.list(ctx)).map((p) => p.slug).sort();
      const listed = known.length > 12 ? `${known.slice(0, 12).join(', ')}, …` : known.join(', ');
      throw new DomainError(ErrorCode.BAD_USER_INPUT, `Unknown partner "${missing[0]}". Known partners: ${listed || 'none yet'}.`, { argument: 'partner' });
    }
    return found as PartnerEntity[];
  }

  async list(ctx: Context, query: FeedQuery): Promise<FeedResult> {
    const partners = await this.partnersBySlug(ctx, query.partnerSlugs);
    const filter: EventFilterInput = {
      from: query.from, to: query.to,
      partnerIds: partners.length ? partners.map((p) => toGlobalId('Partner', p.id)) : null,
      kinds: query.kinds, audiences: query.audiences, categories: query.categories,
      status: query.status, text: query.text, near: query.near,
    };
    const events = await this.collect(ctx, filter, query);
    return { partners, items: await Promise.all(events.map((event) => this.item(ctx, event))) };
  }

  /**
   * Up to `limit` events in order; with `perSeries`, later occurrences of a series that already has
   * that many are passed over (a widget shows a weekly program once, with its next dates), reading at
   * most SKIPPING_PAGES more pages than the limit needs.
   */
  private async collect(ctx: Context, filter: EventFilterInput, query: FeedQuery): Promise<EventEntity[]> {
    const { perSeries } = query;
    if (perSeries === null) return (await this.events.collect(ctx, filter, query.limit)).events;
    const seen = new Map<string, number>();
    const keep = (event: EventEntity): boolean => {
      if (!event.seriesId) return true;
      const n = (seen.get(event.seriesId) ?? 0) + 1;
      seen.set(event.seriesId, n);
      return n <= perSeries;
    };
    return (await this.events.collect(ctx, filter, query.limit, { keep, extraPages: SKIPPING_PAGES })).events;
  }

  /** One event by its global id (the "Add to calendar" download). */
  async one(ctx: Context, globalId: string): Promise<FeedItem> {
    const event = await this.events.byId(ctx, globalId);
    if (!event) throw new DomainError(ErrorCode.NOT_FOUND, `No event with id "${globalId}".`, { argument: 'id' });
    return this.item(ctx, event);
  }

  private async item(ctx: Context, event: EventEntity): Promise<FeedItem> {
    const [partner, location] = await Promise.all([
      this.partners.organizerOf(ctx, event.partnerId),
      this.partners.locationOf(ctx, event.locationId),
    ]);
    if (!partner) throw new Error(`Event ${event.id} references missing partner ${event.partnerId}`);
    return { globalId: toGlobalId('Event', event.id), event, partner, location, registration: registrationInfo(event, ctx.now) };
  }
}
