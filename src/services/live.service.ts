import { filter, pipe, Repeater } from '@graphql-yoga/subscription';
import { In, DataSource } from 'typeorm';
import { Context } from '../context';
import { PartnerKind } from '../domain/enums';
import { DomainError, ErrorCode, InvalidArgumentError } from '../domain/errors';
import { localIdOf } from '../domain/global-id';
import { EventEntity } from '../entities';
import { CommunityPubSub } from '../pubsub/pubsub';
import { EventChangeMessage, RegistrationCountsMessage } from '../pubsub/topics';

const MAX_EVENT_IDS = 200;

/**
 * Subscriptions: which pub/sub messages a subscriber receives. Arguments are checked when the
 * subscription starts (an unknown id is an error then, not silence forever); messages carry ids and
 * counts only, and each delivery resolves the rest with fresh loaders.
 */
export class LiveService {
  private active = 0;

  constructor(private readonly db: DataSource, private readonly pubsub: CommunityPubSub) {}

  /** Subscriptions currently attached to the pub/sub on this replica (a gauge for metrics and tests). */
  activeSubscriptions(): number {
    return this.active;
  }

  async registrationCounts(ctx: Context, eventIds?: string[] | null, partnerGlobalId?: string | null): Promise<AsyncIterable<RegistrationCountsMessage>> {
    if (eventIds && eventIds.length > MAX_EVENT_IDS) {
      throw new InvalidArgumentError('eventIds', `${eventIds.length} ids`, `at most ${MAX_EVENT_IDS} event ids`);
    }
    const ids = eventIds?.length ? [...new Set(eventIds.map((id) => localIdOf('Event', id, 'eventIds')))] : null;
    const partnerId = partnerGlobalId ? await this.knownPartner(ctx, partnerGlobalId) : null;
    if (ids) {
      const found = new Set((await this.db.getRepository(EventEntity).find({ select: { id: true }, where: { id: In(ids) } })).map((e) => e.id));
      const unknown = eventIds!.filter((id) => !found.has(localIdOf('Event', id)));
      if (unknown.length) {
        throw new DomainError(ErrorCode.NOT_FOUND, `No event has the id ${unknown.join(', ')}.`, { argument: 'eventIds', ids: unknown });
      }
    }
    const wanted = ids ? new Set(ids) : null;
    return this.track(pipe(
      this.pubsub.subscribe('REGISTRATION_COUNTS'),
      filter((m: RegistrationCountsMessage) => (!wanted || wanted.has(m.eventId)) && (!partnerId || m.partnerId === partnerId)),
    ) as Repeater<RegistrationCountsMessage>);
  }

  async eventChanges(ctx: Context, partnerGlobalId?: string | null, kinds?: PartnerKind[] | null): Promise<AsyncIterable<EventChangeMessage>> {
    const partnerId = partnerGlobalId ? await this.knownPartner(ctx, partnerGlobalId) : null;
    const wantedKinds = kinds?.length ? new Set(kinds) : null;
    return this.track(pipe(
      this.pubsub.subscribe('EVENT_CHANGES'),
      filter((m: EventChangeMessage) => (!partnerId || m.partnerId === partnerId) && (!wantedKinds || wantedKinds.has(m.partnerKind))),
    ) as Repeater<EventChangeMessage>);
  }

  /** Counts the subscription from now until its consumer stops (complete, socket closed, shutdown). */
  private track<T>(source: Repeater<T>): AsyncIterableIterator<T> {
    this.active++;
    let open = true;
    const release = () => {
      if (open) {
        open = false;
        this.active--;
      }
    };
    return {
      next: async () => {
        const result = await source.next();
        if (result.done) release();
        return result;
      },
      return: async (value?: unknown) => {
        release();
        return source.return(value as T);
      },
      throw: async (error?: unknown) => {
        release();
        return source.throw(error);
      },
      [Symbol.asyncIterator]() {
        return this;
      },
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
