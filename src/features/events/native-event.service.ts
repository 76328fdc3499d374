import { DataSource } from 'typeorm';
import { Context } from '../../context';
import { AttendanceMode, EventChangeType, EventStatus, RegistrationMode, WaitlistMode } from '../../domain/enums';
import { DomainError, ErrorCode, InvalidArgumentError } from '../../domain/errors';
import { localIdOf } from '../../domain/global-id';
import { newId } from '../../domain/ids';
import { runWriteTransaction } from '../../db/write-transaction';
import { EventEntity } from '../../model/event.entity';
import { LocationEntity } from '../../model/location.entity';
import { PartnerEntity } from '../../model/partner.entity';
import { CommunityPubSub } from '../../pubsub/pubsub';
import { access } from '../../domain/access';
import { checkNativeEvent, mergeFields, NativeEventFields, overriddenAfter } from './native-event-input';
import { cancelEventProgram, EventChangeHooks, updateEventProgram } from './native-event-programs';
import { countsMessage } from './seats';
import { DataChanges } from '../../pubsub/data-changes';

/** Client input: ids are global ids; omitted optional fields take the defaults below. */
export type NativeEventInput = Partial<Record<keyof NativeEventFields, unknown>> & { partnerId?: string };

/**
 * Events a partner runs itself (registration mode NATIVE), as opposed to events synced from its feeds,
 * which change only at their source. Every change is published on EVENT_CHANGES after it commits.
 */
export class NativeEventService {
  constructor(
    private readonly db: DataSource,
    private readonly pubsub: CommunityPubSub,
    private readonly changes: DataChanges,
    private readonly hooks: EventChangeHooks,
  ) {}

  async create(ctx: Context, input: NativeEventInput & { partnerId: string }): Promise<EventEntity> {
    const { partner, fields } = await this.checkNew(ctx, input, 'Creating an event');
    const event = this.newRow(ctx, partner.id, fields, null);
    await this.db.getRepository(EventEntity).insert(event);
    this.changes.committed('events');
    this.publishChange('CREATED', event, partner, ctx.now);
    return this.reload(ctx, event.id);
  }

  /** A new event's partner (the caller must act for it) and its checked fields, omitted ones at their defaults. */
  async checkNew(ctx: Context, input: NativeEventInput & { partnerId: string }, action: string): Promise<{ partner: PartnerEntity; fields: NativeEventFields }> {
    const partnerId = localIdOf('Partner', input.partnerId, 'input.partnerId');
    access.requirePartner(ctx.principal, partnerId, action);
    const partner = await ctx.loaders.partnerById.load(partnerId);
    if (!partner) throw new DomainError(ErrorCode.NOT_FOUND, `No partner has the id ${input.partnerId}.`, { argument: 'input.partnerId' });
    const defaults: NativeEventFields = {
      title: '', description: null, startsAt: new Date(NaN), endsAt: new Date(NaN), timezone: partner.timezone, locationId: null,
      audiences: [], categories: [], capacity: null, waitlistCapacity: 0, maxPartySize: 1, registrationOpensAt: null, registrationClosesAt: null,
      reminderHours: null, surveyUrl: null, waitlistMode: WaitlistMode.AUTO_PROMOTE, inviteHours: null,
      partyCategories: null,
    };
    // On create, an explicit null means "the default".
    const given = Object.fromEntries(Object.entries(input).filter(([, value]) => value != null)) as NativeEventInput;
    return { partner, fields: checkNativeEvent(mergeFields(defaults, await this.decodeLocation(ctx, partnerId, given))) };
  }

  /** The row of a new NATIVE event (one occurrence of a series when seriesId is given). */
  newRow(ctx: Context, partnerId: string, fields: NativeEventFields, seriesId: string | null): EventEntity {
    return this.db.getRepository(EventEntity).create({
      ...fields,
      id: newId(), partnerId, seriesId, allDay: false, startDate: null, endDate: null,
      status: EventStatus.SCHEDULED, attendanceMode: AttendanceMode.OFFLINE, rawAudiences: [], url: null, imageUrl: null,
      registrationMode: RegistrationMode.NATIVE, registrationUrl: null, confirmedCount: 0, waitlistedCount: 0, attendedCount: 0,
      sourceId: null, externalId: null, contentHash: null, fetchedAt: null, removedAt: null, sequence: 0, overriddenFields: null,
      createdAt: ctx.now, updatedAt: ctx.now,
    });
  }

  async update(ctx: Context, globalId: string, input: NativeEventInput): Promise<EventEntity> {
    const current = await this.findOwn(ctx, globalId, 'Editing an event');
    if (current.status === EventStatus.CANCELLED) throw new DomainError(ErrorCode.CONFLICT, 'A cancelled event cannot be edited.');
    const fields = checkNativeEvent(mergeFields(current, await this.decodeLocation(ctx, current.partnerId, input)));
    // Within a series, what is changed here alone is kept when the whole series changes later.
    const overridden = current.seriesId === null ? undefined : overriddenAfter(current, input);
    const outcome = await runWriteTransaction(this.db, () => updateEventProgram(current.id, fields, ctx.now, this.hooks, overridden));
    if (!outcome) throw new DomainError(ErrorCode.NOT_FOUND, `No event has the id ${globalId}.`, { argument: 'id' });
    this.changes.committed('events');
    const updated = await this.reload(ctx, current.id);
    this.publishChange('UPDATED', updated, await ctx.loaders.partnerById.load(updated.partnerId), ctx.now);
    if (outcome.seatsChanged) this.pubsub.publish('REGISTRATION_COUNTS', countsMessage(outcome.event, new Date()));
    return updated;
  }

  async cancel(ctx: Context, globalId: string): Promise<EventEntity> {
    const current = await this.findOwn(ctx, globalId, 'Cancelling an event');
    const outcome = await runWriteTransaction(this.db, () => cancelEventProgram(current.id, ctx.now, this.hooks));
    if (outcome?.changed) this.changes.committed('events');
    const updated = await this.reload(ctx, current.id);
    if (outcome?.changed) this.publishChange('CANCELLED', updated, await ctx.loaders.partnerById.load(updated.partnerId), ctx.now);
    return updated;
  }

  /** The event, if the caller acts for its partner; only NATIVE events (synced ones change at their source). */
  private async findOwn(ctx: Context, globalId: string, action: string): Promise<EventEntity> {
    const event = await ctx.loaders.eventById.load(localIdOf('Event', globalId, 'id'));
    access.requirePartner(ctx.principal, event?.partnerId ?? '', action);
    if (!event) throw new DomainError(ErrorCode.NOT_FOUND, `No event has the id ${globalId}.`, { argument: 'id' });
    if (event.sourceId !== null || event.registrationMode !== RegistrationMode.NATIVE) {
      throw new DomainError(ErrorCode.CONFLICT, 'This event comes from a partner feed; change it at its source.');
    }
    return event;
  }

  /** A location id must name one of this partner's own locations. */
  async decodeLocation(ctx: Context, partnerId: string, input: NativeEventInput): Promise<NativeEventInput> {
    if (input.locationId == null) return input;
    const locationId = localIdOf('Location', String(input.locationId), 'input.locationId');
    const location: LocationEntity | null = await ctx.loaders.locationById.load(locationId);
    if (!location || location.partnerId !== partnerId) {
      throw new InvalidArgumentError('input.locationId', input.locationId, 'one of this partner\'s own locations');
    }
    return { ...input, locationId };
  }

  async reload(ctx: Context, id: string): Promise<EventEntity> {
    ctx.loaders.eventById.clear(id);
    return (await ctx.loaders.eventById.load(id))!;
  }

  publishChange(type: EventChangeType, event: EventEntity, partner: PartnerEntity | null, now: Date): void {
    if (!partner) return;
    this.pubsub.publish('EVENT_CHANGES', {
      type, eventId: event.id, partnerId: event.partnerId, partnerKind: partner.kind, changedAt: now.toISOString(),
    });
  }
}
