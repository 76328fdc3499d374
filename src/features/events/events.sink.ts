import { createHash } from 'node:crypto';
import { EVENTS_KIND, NormalizedEvent } from '../../datasources/adapter';
import { EventEntity } from '../../model/event.entity';
import { LocationEntity } from '../../model/location.entity';
import { PartnerEntity } from '../../model/partner.entity';
import { EventStatus, RegistrationMode } from '../../domain/enums';
import { stableId } from '../../domain/ids';
import { CommunityPubSub } from '../../pubsub/pubsub';
import { EventChangeMessage, RegistrationCountsMessage } from '../../pubsub/topics';
import { EventLoopPacer } from '../../event-loop';
import { capEvents } from '../sources/event-limits';
import { LocationMatcher } from './location-matcher';
import { SinkCounts, SinkRun, SyncSink } from '../../datasources/shared/sink';

/** Row id of a synced occurrence: the same feed item always lands on the same row. */
export const syncedEventId = (partnerId: string, sourceId: string, externalId: string) => stableId(partnerId, sourceId, externalId);

/** Series ids are scoped like row ids: two feeds may both use UID "1@example.org" for unrelated series. */
export const syncedSeriesId = (partnerId: string, sourceId: string, seriesKey: string) => stableId(partnerId, sourceId, 'series', seriesKey);

/** Hash of everything we store from the item: equal hash ⇒ nothing to write. Key order is fixed by the literal. */
export function eventContentHash(e: NormalizedEvent): string {
  const canonical: unknown[] = [
    e.externalId, e.seriesKey, e.title, e.description, e.startsAt.toISOString(), e.endsAt.toISOString(), e.timezone, e.allDay,
    e.startDate, e.endDate, e.status, e.attendanceMode, e.audiences, e.rawAudiences, e.categories, e.url, e.imageUrl,
    e.place && [e.place.name, e.place.address, e.place.lat, e.place.lon, e.place.code ?? null],
    [e.registration.mode, e.registration.url, e.registration.capacity, e.registration.confirmed],
  ];
  // Partner details (issue 4), appended only when present: a change to them is an update, and rows
  // stored before these columns existed keep their hash (no mass sequence bump on upgrade).
  const offers = (e.details?.offers ?? []).map((o) => [o.name, o.price, o.currency, o.url, o.availability]);
  const previous = e.details?.previousStartsAt?.toISOString() ?? null;
  const organizerName = e.details?.organizerName ?? null;
  if (offers.length || previous || organizerName) canonical.push([offers, previous, organizerName]);
  const waitlist = e.details?.waitlist ?? null;
  if (waitlist !== null) canonical.push({ waitlist });
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

async function collect<T>(items: T[] | AsyncIterable<T>): Promise<T[]> {
  if (Array.isArray(items)) return items;
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** Rows per INSERT: TypeORM's insert builder slows down more than linearly with parameters per statement. */
const BATCH = 50;

/** What the diff needs of a stored row; selecting only this keeps an unchanged 10,000-row re-sync cheap. */
const DIFF_COLUMNS = { id: true, contentHash: true, removedAt: true, sequence: true, status: true, confirmedCount: true, startsAt: true } as const;

/**
 * Stores a pull of NormalizedEvents (kind 'events') for one source, in one transaction:
 * new → insert, changed hash → update (sequence + 1), gone from a full feed → CANCELLED + removedAt
 * (never deleted: registrations and links keep pointing at the row), same hash → no statement at all.
 * Changes are published only after the commit, so a subscriber never sees a rolled-back change.
 */
export function createEventsSink(deps: { pubsub: CommunityPubSub }): SyncSink<NormalizedEvent> {
  return {
    kind: EVENTS_KIND,
    async apply(run: SinkRun, input: NormalizedEvent[] | AsyncIterable<NormalizedEvent>): Promise<SinkCounts> {
      const items = uniqueByExternalId(await collect(input));
      const { source, now } = run;
      // One transaction, but never one long stretch of the event loop: every loop below gives it turns.
      const pacer = new EventLoopPacer();
      const ids = new Map<NormalizedEvent, string>();
      for (const item of items) {
        ids.set(item, syncedEventId(source.partnerId, source.id, item.externalId));
        await pacer.turn();
      }
      const idOf = (item: NormalizedEvent) => ids.get(item)!;
      const counts: SinkCounts = { created: 0, updated: 0, removed: 0, unchanged: 0 };
      const changes: Omit<EventChangeMessage, 'partnerKind' | 'partnerId' | 'changedAt'>[] = [];
      const registrationCounts: EventEntity[] = [];

      await run.db.transaction(async (manager) => {
        const existing = new Map((await manager.find(EventEntity, { select: DIFF_COLUMNS, where: { sourceId: source.id } })).map((row) => [row.id, row]));
        const deleted = new Set(run.deletedExternalIds.map((x) => syncedEventId(source.partnerId, source.id, x)));
        // A stored row this sync cannot remove: it stays whether or not the pull's item is stored.
        const stays = (row: EventEntity | undefined) => !!row && !row.removedAt && !deleted.has(row.id) && (run.incremental || !insideWindow(row, run.window));
        const pulled = new Set(ids.values());
        const { kept, skipped } = run.limits
          ? capEvents({
            items, limits: run.limits, storedAnyway: (item) => stays(existing.get(idOf(item))),
            staying: [...existing.values()].filter((row) => !pulled.has(row.id) && stays(row)).length,
          })
          : { kept: items, skipped: [] };
        if (skipped.length) Object.assign(counts, { limitSkips: skipped, notStored: items.length - kept.length });

        let matcher: LocationMatcher | null = null;
        const inserts: EventEntity[] = [];
        const seen = new Set<string>();

        for (const item of kept) {
          await pacer.turn();
          const id = idOf(item);
          seen.add(id);
          const hash = eventContentHash(item);
          const row = existing.get(id);
          if (row && row.contentHash === hash && !row.removedAt) {
            counts.unchanged++;
            continue;
          }
          matcher ??= await LocationMatcher.load(manager, source.partnerId);
          const fields = toColumns(item, item.seriesKey ? syncedSeriesId(source.partnerId, source.id, item.seriesKey) : null, matcher.resolve(item.place), hash, now);
          if (!row) {
            inserts.push(manager.create(EventEntity, {
              ...fields, id, partnerId: source.partnerId, sourceId: source.id, externalId: item.externalId,
              waitlistCapacity: 0, maxPartySize: 1, waitlistedCount: 0, registrationOpensAt: null, registrationClosesAt: null, reminderHours: null, surveyUrl: null, partyCategories: null,
              sequence: 0, createdAt: now,
            }));
            counts.created++;
            changes.push({ type: 'CREATED', eventId: id });
            continue;
          }
          await manager.update(EventEntity, { id }, { ...fields, sequence: row.sequence + 1 });
          counts.updated++;
          changes.push({ type: fields.status === EventStatus.CANCELLED && row.status !== EventStatus.CANCELLED ? 'CANCELLED' : 'UPDATED', eventId: id });
          if (fields.registrationMode === RegistrationMode.EXTERNAL && fields.confirmedCount !== row.confirmedCount) {
            registrationCounts.push({ ...row, ...fields } as EventEntity);
          }
        }

        // Another source of the same partner may create the same place concurrently: same stable id, keep one.
        if (matcher?.pending.length) await manager.createQueryBuilder().insert().into(LocationEntity).values(matcher.pending).orIgnore().execute();
        for (let i = 0; i < inserts.length; i += BATCH) {
          await manager.insert(EventEntity, inserts.slice(i, i + BATCH));
          await pacer.turn();
        }

        // Skipped by a limit counts as gone from a full feed: the kept set is what the source now holds.
        const gone = [...existing.values()].filter((row) => !row.removedAt && !seen.has(row.id) && (
          deleted.has(row.id) || (!run.incremental && insideWindow(row, run.window))));
        for (const row of gone) {
          await manager.update(EventEntity, { id: row.id }, { status: EventStatus.CANCELLED, removedAt: now, updatedAt: now, sequence: row.sequence + 1 });
          counts.removed++;
          changes.push({ type: 'REMOVED', eventId: row.id });
          await pacer.turn();
        }
      });

      if (changes.length) await publish(deps.pubsub, run, changes, registrationCounts, pacer);
      return counts;
    },
  };
}

/** The adapter reports duplicates as skipped; the first one wins. */
function uniqueByExternalId(items: NormalizedEvent[]): NormalizedEvent[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.externalId) && !!seen.add(item.externalId));
}

function insideWindow(row: EventEntity, window: SinkRun['window']): boolean {
  return !window || (row.startsAt >= window.from && row.startsAt < window.to);
}

function toColumns(e: NormalizedEvent, seriesId: string | null, locationId: string | null, contentHash: string, now: Date) {
  return {
    seriesId, title: e.title.slice(0, 500), description: e.description,
    startsAt: e.startsAt, endsAt: e.endsAt, timezone: e.timezone, allDay: e.allDay, startDate: e.startDate, endDate: e.endDate,
    status: e.status, attendanceMode: e.attendanceMode, audiences: e.audiences, rawAudiences: e.rawAudiences, categories: e.categories,
    url: e.url?.slice(0, 1000) ?? null, imageUrl: e.imageUrl?.slice(0, 1000) ?? null, locationId,
    registrationMode: e.registration.mode, registrationUrl: e.registration.url?.slice(0, 1000) ?? null,
    capacity: e.registration.capacity, confirmedCount: e.registration.confirmed ?? 0,
    offers: (e.details?.offers ?? []).map((o) => ({
      name: o.name?.slice(0, 500) ?? null, price: o.price, currency: o.currency, url: o.url?.slice(0, 1000) ?? null, availability: o.availability,
    })),
    previousStartsAt: e.details?.previousStartsAt ?? null, organizerName: e.details?.organizerName?.slice(0, 500) ?? null,
    externalWaitlist: e.details?.waitlist ?? null,
    contentHash, fetchedAt: now, removedAt: null, updatedAt: now,
  };
}

async function publish(
  pubsub: CommunityPubSub, run: SinkRun, changes: Omit<EventChangeMessage, 'partnerKind' | 'partnerId' | 'changedAt'>[], counts: EventEntity[], pacer: EventLoopPacer,
): Promise<void> {
  const partner = await run.db.getRepository(PartnerEntity).findOneByOrFail({ id: run.source.partnerId });
  const changedAt = run.now.toISOString();
  for (const change of changes) {
    pubsub.publish('EVENT_CHANGES', { ...change, partnerId: partner.id, partnerKind: partner.kind, changedAt });
    await pacer.turn();
  }
  for (const event of counts) {
    const message: RegistrationCountsMessage = {
      eventId: event.id, partnerId: partner.id, capacity: event.capacity, confirmed: event.confirmedCount, waitlisted: 0, held: 0,
      remaining: event.capacity == null ? null : Math.max(0, event.capacity - event.confirmedCount), changedAt,
    };
    pubsub.publish('REGISTRATION_COUNTS', message);
  }
}

