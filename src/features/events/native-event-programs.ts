import { EventStatus } from '../../domain/enums';
import { InvalidArgumentError } from '../../domain/errors';
import { exec, TxProgram } from '../../db/write-transaction';
import { NativeEventFields, NATIVE_EVENT_FIELDS } from './native-event-input';
import { lockEvent, SeatRow } from './seats';
import { offerFreedSeats } from './waitlist-offers';

/** Column values as stored: instants as fixed-width UTC text, lists as JSON text (see db/columns.ts). */
function stored(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return JSON.stringify(value);
  return value;
}

/**
 * What else an event's change writes in its own transaction: the mails of issue 20
 * (src/features/notifications), given by the composition root, as mail writing reads events (a
 * direct import would be a cycle between the features).
 */
export interface EventChangeHooks {
  /** Registrations the waitlist just confirmed. */
  promoted(registrationIds: string[], now: string): TxProgram<void>;
  /** Waitlisted registrations just invited to claim a seat (INVITE waitlists). */
  invited(registrationIds: string[], now: string): TxProgram<void>;
  /** The event was just cancelled; its registrations are as they were. */
  cancelled(eventId: string, now: string): TxProgram<void>;
}

export interface UpdateOutcome {
  event: SeatRow;
  promoted: string[];
  seatsChanged: boolean;
}

/**
 * Writes a partner's edit under the event row lock, so a capacity change and a registration cannot
 * interleave: capacity may not drop below the seats already confirmed, and added seats go to the
 * waitlist first, in order. `overriddenFields`, when given, replaces the occurrence's own fields
 * (those a series-wide edit leaves alone).
 */
export function* updateEventProgram(
  eventId: string, fields: NativeEventFields, at: Date, hooks: EventChangeHooks, overriddenFields?: string[],
): TxProgram<UpdateOutcome | null> {
  const before = yield* lockEvent(eventId);
  if (!before) return null;
  if (fields.capacity !== null && fields.capacity < before.confirmedCount) {
    throw new InvalidArgumentError('input.capacity', fields.capacity, `at least the ${before.confirmedCount} seats already confirmed`);
  }
  if (fields.waitlistCapacity < before.waitlistedCount) {
    throw new InvalidArgumentError('input.waitlistCapacity', fields.waitlistCapacity, `at least the ${before.waitlistedCount} places already taken`);
  }
  const now = at.toISOString();
  const columns: string[] = [...NATIVE_EVENT_FIELDS, ...(overriddenFields ? ['overriddenFields'] : [])];
  const values = { ...fields, overriddenFields } as Record<string, unknown>;
  yield* exec(
    `UPDATE "event" SET ${columns.map((column) => `"${column}" = ?`).join(', ')}, "sequence" = "sequence" + 1, "updatedAt" = ? WHERE "id" = ?`,
    [...columns.map((column) => stored(values[column])), now, eventId],
  );
  const offer = yield* offerFreedSeats(eventId, now);
  yield* hooks.promoted(offer.promoted, now);
  yield* hooks.invited(offer.invited, now);
  const after = (yield* lockEvent(eventId))!;
  const seatsChanged = offer.promoted.length + offer.invited.length + offer.lapsed.length > 0
    || before.capacity !== after.capacity || before.waitlistCapacity !== after.waitlistCapacity;
  return { event: after, promoted: offer.promoted, seatsChanged };
}

/**
 * Marks the event CANCELLED (registrations stay, so staff can reach the people who registered), and
 * runs the `cancelled` hook (the mail telling each active registration so).
 */
export function* cancelEventProgram(eventId: string, at: Date, hooks: EventChangeHooks): TxProgram<{ changed: boolean } | null> {
  const before = yield* lockEvent(eventId);
  if (!before) return null;
  if (before.status === EventStatus.CANCELLED) return { changed: false };
  const now = at.toISOString();
  yield* exec(
    `UPDATE "event" SET "status" = '${EventStatus.CANCELLED}', "sequence" = "sequence" + 1, "updatedAt" = ? WHERE "id" = ?`,
    [now, eventId],
  );
  yield* hooks.cancelled(eventId, now);
  return { changed: true };
}
