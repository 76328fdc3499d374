import { In, DataSource } from 'typeorm';
import { DEFAULT_LIVE_DELIVERY, LiveDeliveryLimits } from '../../config';
import { Context } from '../../context';
import { PartnerKind } from '../../domain/enums';
import { DomainError, ErrorCode, InvalidArgumentError } from '../../domain/errors';
import { localIdOf } from '../../domain/global-id';
import { EventEntity } from '../../model/event.entity';
import { LatestQueue } from '../../pubsub/latest-queue';
import { CommunityPubSub, MAX_PENDING_PER_SUBSCRIBER, TopicMessage } from '../../pubsub/pubsub';
import { EventChangeMessage, RegistrationCountsMessage } from '../../pubsub/topics';
import { sqlReaderOf } from '../../db/sql-reader';
import type { Logger } from '../../logger';
import { FreshCounts } from './fresh-counts';
import { countsMessage } from '../events/seats';

const MAX_EVENT_IDS = 200;

/** A subscription's arguments and context, as its @Subscription's topicId passes them. */
export interface LiveSubscribeRequest {
  args: { eventIds?: string[] | null; partnerId?: string | null; kinds?: PartnerKind[] | null };
  context: Context;
}


/**
 * Subscriptions: which pub/sub messages a subscriber receives. Arguments are checked when the
 * subscription starts (an unknown id is an error then, not silence forever); messages carry ids and
 * counts only, and each delivery resolves the rest with fresh loaders.
 */
export class LiveService {
  private storedCounts: { listeners: Set<(message: RegistrationCountsMessage) => void>; stop: () => void } | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly pubsub: CommunityPubSub,
    /** Read by the WebSocket transport, which applies them per socket. */
    readonly limits: LiveDeliveryLimits = DEFAULT_LIVE_DELIVERY,
    private readonly logger?: Logger,
  ) {}

  /**
   * What the schema's pubSub asks for (src/schema/build-schema.ts): one subscriber of `topic` with the
   * subscription's arguments, checked before anything is delivered (a refusal is the operation's error).
   */
  subscribe(topic: string, { args, context }: LiveSubscribeRequest): Promise<AsyncIterableIterator<unknown>> {
    if (topic === 'REGISTRATION_COUNTS') return this.registrationCounts(context, args.eventIds, args.partnerId);
    if (topic === 'EVENT_CHANGES') return this.eventChanges(context, args.partnerId, args.kinds);
    throw new Error(`No live topic ${topic}`);
  }

  async registrationCounts(ctx: Context, eventIds?: string[] | null, partnerGlobalId?: string | null): Promise<AsyncIterableIterator<RegistrationCountsMessage>> {
    if (eventIds && eventIds.length > MAX_EVENT_IDS) {
      throw new InvalidArgumentError('eventIds', `${eventIds.length} ids`, `at most ${MAX_EVENT_IDS} event ids`);
    }
    const ids = eventIds?.length ? [...new Set(eventIds.map((id) => localIdOf('Event', id, 'eventIds')))] : null;
    const partnerId = partnerGlobalId != null ? await this.knownPartner(ctx, partnerGlobalId) : null;
    if (ids) {
      const found = new Set((await this.db.getRepository(EventEntity).find({ select: { id: true }, where: { id: In(ids) } })).map((e) => e.id));
      const unknown = eventIds!.filter((id) => !found.has(localIdOf('Event', id)));
      if (unknown.length) {
        throw new DomainError(ErrorCode.NOT_FOUND, `No event has the id ${unknown.join(', ')}.`, { argument: 'eventIds', ids: unknown });
      }
    }
    const wanted = ids ? new Set(ids) : null;
    return this.deliver('REGISTRATION_COUNTS', (m) => (!wanted || wanted.has(m.eventId)) && (!partnerId || m.partnerId === partnerId));
  }

  async eventChanges(ctx: Context, partnerGlobalId?: string | null, kinds?: PartnerKind[] | null): Promise<AsyncIterableIterator<EventChangeMessage>> {
    const partnerId = partnerGlobalId != null ? await this.knownPartner(ctx, partnerGlobalId) : null;
    const wantedKinds = kinds?.length ? new Set(kinds) : null;
    return this.deliver('EVENT_CHANGES', (m) => (!partnerId || m.partnerId === partnerId) && (!wantedKinds || wantedKinds.has(m.partnerKind)));
  }

  /**
   * One subscriber's queue on `topic`, until its consumer stops (complete, socket closed, shutdown),
   * listening from its first read: a subscriber whose frames come from another's
   * identical subscription (src/edge/fan-out.ts) is attached but never reads. Both topics' messages
   * describe one event each and are reloaded on delivery, so while the consumer is busy only each
   * event's newest message waits (the subscriber reloads the event as it is now either way).
   */
  private deliver<K extends 'REGISTRATION_COUNTS' | 'EVENT_CHANGES'>(
    topic: K, wanted: (message: TopicMessage<K>) => boolean,
  ): AsyncIterableIterator<TopicMessage<K>> {
    let stop = () => undefined as void;
    const push = (message: TopicMessage<K>) => {
      if (wanted(message)) queue.push(message);
    };
    const queue: LatestQueue<TopicMessage<K>> = new LatestQueue<TopicMessage<K>>({
      keyOf: (message) => message.eventId,
      capacity: MAX_PENDING_PER_SUBSCRIBER,
      onStart: () => {
        stop = topic === 'REGISTRATION_COUNTS' ? this.listenToStoredCounts(push as (m: RegistrationCountsMessage) => void) : this.pubsub.listen(topic, push);
      },
      onClose: () => stop(),
    });
    return queue;
  }

  /** REGISTRATION_COUNTS as stored (fresh-counts.ts): one reading stage per replica, shared by its subscribers. */
  private listenToStoredCounts(listener: (message: RegistrationCountsMessage) => void): () => void {
    if (!this.storedCounts) {
      const listeners = new Set<(message: RegistrationCountsMessage) => void>();
      const fresh = new FreshCounts(
        (eventId) => readSeatCounts(this.db, eventId),
        (message) => { for (const each of [...listeners]) each(message); },
        (error) => this.logger?.error({ err: error }, 'reading live counts failed; the next change reads them again'),
      );
      this.storedCounts = { listeners, stop: this.pubsub.listen('REGISTRATION_COUNTS', (message) => fresh.push(message)) };
    }
    const shared = this.storedCounts;
    shared.listeners.add(listener);
    return () => {
      if (!shared.listeners.delete(listener) || shared.listeners.size) return;
      shared.stop();
      if (this.storedCounts === shared) this.storedCounts = null;
    };
  }

  private async knownPartner(ctx: Context, globalId: string): Promise<string> {
    const id = localIdOf('Partner', globalId, 'partnerId');
    if (!(await ctx.loaders.partnerById.load(id))) {
      throw new DomainError(ErrorCode.NOT_FOUND, `No partner has the id ${globalId}.`, { argument: 'partnerId' });
    }
    return id;
  }
}

/** An event's seat counts as stored, in the shape REGISTRATION_COUNTS carries (without its time). */
async function readSeatCounts(db: DataSource, eventId: string): Promise<Omit<RegistrationCountsMessage, 'changedAt'> | null> {
  const [row] = await sqlReaderOf(db).all<{
    partnerId: string; capacity: number | string | null; confirmedCount: number | string; waitlistedCount: number | string; seatHolds: string;
  }>('SELECT e."partnerId", e."capacity", e."confirmedCount", e."waitlistedCount", e."seatHolds" FROM "event" e WHERE e."id" = ?', [eventId]);
  if (!row) return null;
  const { changedAt: _unused, ...counts } = countsMessage({
    id: eventId, partnerId: row.partnerId, capacity: row.capacity == null ? null : Number(row.capacity),
    confirmedCount: Number(row.confirmedCount), waitlistedCount: Number(row.waitlistedCount), seatHolds: row.seatHolds,
  }, new Date());
  return counts;
}
