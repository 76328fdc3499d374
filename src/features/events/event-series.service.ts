import { DataSource } from 'typeorm';
import { Context } from '../../context';
import { access } from '../../domain/access';
import { EventStatus, RegistrationMode } from '../../domain/enums';
import { DomainError, ErrorCode, InvalidArgumentError } from '../../domain/errors';
import { newId } from '../../domain/ids';
import { runWriteTransaction } from '../../db/write-transaction';
import { EventEntity } from '../../model/event.entity';
import { DataChanges } from '../../pubsub/data-changes';
import { CommunityPubSub } from '../../pubsub/pubsub';
import { EventSeriesValue } from './event-series.type';
import { checkNativeEvent, mergeFields, NativeEventFields } from './native-event-input';
import { EventChangeHooks, UpdateOutcome, updateEventProgram } from './native-event-programs';
import { NativeEventInput, NativeEventService } from './native-event.service';
import { countsMessage } from './seats';
import { expandSeries } from './series-recurrence';
import { checkWindowHours, windowOf } from './series-window';

export type NativeSeriesInput = NativeEventInput & {
  partnerId: string;
  recurrence: string;
  registrationOpensHoursBefore?: number | null;
  registrationClosesHoursBefore?: number | null;
};

/** Instants of one date: the same value on every occurrence would put them all on one day. */
const PER_OCCURRENCE_ONLY = ['startsAt', 'endsAt', 'registrationOpensAt', 'registrationClosesAt'] as const;

/**
 * Recurring programs a partner runs itself: one NATIVE event row per occurrence sharing a seriesId,
 * so seats, holds, waitlists and cancellation stay per occurrence (native-event.service.ts). A
 * series-wide edit reaches the occurrences still to come, except the fields one was given alone.
 */
export class EventSeriesService {
  constructor(
    private readonly db: DataSource,
    private readonly pubsub: CommunityPubSub,
    private readonly changes: DataChanges,
    private readonly hooks: EventChangeHooks,
    private readonly nativeEvents: NativeEventService,
  ) {}

  async create(ctx: Context, input: NativeSeriesInput): Promise<EventSeriesValue> {
    const { recurrence, registrationOpensHoursBefore, registrationClosesHoursBefore, ...first } = input;
    const { partner, fields } = await this.nativeEvents.checkNew(ctx, first, 'Creating an event series');
    const hours = checkWindowHours({ opensHoursBefore: registrationOpensHoursBefore ?? null, closesHoursBefore: registrationClosesHoursBefore ?? null });
    const seriesId = newId();
    const rows = expandSeries(recurrence, fields, fields.timezone).map((times) => this.nativeEvents.newRow(
      ctx, partner.id, { ...fields, ...times, ...windowOf(times.startsAt, hours) }, seriesId,
    ));
    await this.db.transaction((manager) => manager.insert(EventEntity, rows));
    this.changes.committed('events');
    for (const row of rows) this.nativeEvents.publishChange('CREATED', row, partner, ctx.now);
    return this.seriesOf(seriesId);
  }

  async update(ctx: Context, seriesId: string, input: NativeEventInput): Promise<EventSeriesValue> {
    const occurrences = await this.findOwn(ctx, seriesId);
    for (const key of PER_OCCURRENCE_ONLY) {
      if (input[key] !== undefined) throw new InvalidArgumentError(`input.${key}`, input[key], 'no value: each occurrence has its own (change it with updateEvent)');
    }
    const decoded = await this.nativeEvents.decodeLocation(ctx, occurrences[0].partnerId, input);
    const plans = occurrences
      .filter((o) => o.startsAt.getTime() > ctx.now.getTime() && o.status !== EventStatus.CANCELLED)
      .map((o) => ({ id: o.id, fields: checkNativeEvent(mergeFields(o, withoutOverridden(decoded, o.overriddenFields))) }));
    // One transaction: a capacity one occurrence cannot take (below its confirmed seats) changes none.
    const outcomes = await runWriteTransaction(this.db, () => updateAll(plans, ctx.now, this.hooks));
    this.changes.committed('events');
    const partner = await ctx.loaders.partnerById.load(occurrences[0].partnerId);
    const at = new Date();
    for (const outcome of outcomes) {
      this.nativeEvents.publishChange('UPDATED', await this.nativeEvents.reload(ctx, outcome.event.id), partner, ctx.now);
      if (outcome.seatsChanged) this.pubsub.publish('REGISTRATION_COUNTS', countsMessage(outcome.event, at));
    }
    return this.seriesOf(seriesId);
  }

  /** The series' occurrences, if the caller acts for its partner; only NATIVE series (synced ones change at their source). */
  private async findOwn(ctx: Context, seriesId: string): Promise<EventEntity[]> {
    const occurrences = (await this.seriesOf(seriesId)).occurrences;
    access.requirePartner(ctx.principal, occurrences[0]?.partnerId ?? '', 'Editing an event series');
    if (occurrences.length === 0) throw new DomainError(ErrorCode.NOT_FOUND, `No event series has the id ${seriesId}.`, { argument: 'seriesId' });
    if (occurrences.some((o) => o.sourceId !== null || o.registrationMode !== RegistrationMode.NATIVE)) {
      throw new DomainError(ErrorCode.CONFLICT, 'This series comes from a partner feed; change it at its source.');
    }
    return occurrences;
  }

  private async seriesOf(seriesId: string): Promise<EventSeriesValue> {
    const occurrences = await this.db.getRepository(EventEntity).find({ where: { seriesId }, order: { startsAt: 'ASC', id: 'ASC' } });
    return { seriesId, occurrences };
  }
}

/** The input less the fields this occurrence keeps as its own. */
function withoutOverridden(input: NativeEventInput, overridden: string[] | null): NativeEventInput {
  return Object.fromEntries(Object.entries(input).filter(([key]) => !(overridden ?? []).includes(key)));
}

function* updateAll(plans: { id: string; fields: NativeEventFields }[], at: Date, hooks: EventChangeHooks) {
  const outcomes: UpdateOutcome[] = [];
  for (const plan of plans) {
    // The same program as updateEvent, so seat rules, waitlist offers and their mails stay the same.
    const outcome = yield* updateEventProgram(plan.id, plan.fields, at, hooks);
    if (outcome) outcomes.push(outcome);
  }
  return outcomes;
}
