import { randomBytes } from 'node:crypto';

/**
 * Seats held while a registration form is filled in (issue 20). The holds of an event live on its row
 * (`event.seatHolds`, JSON), beside the counts they change: every write to the seats already locks that
 * row, and every read of the counts already reads it, so a hold costs no statement and no table. A hold
 * past `until` holds nothing from that instant, for readers and writers alike (no timer, no sweeper);
 * the next write to the event drops it from the row.
 */
export interface SeatHold {
  /** A random bearer id (like a cancel token, but worth only the held seats until `until`). */
  id: string;
  /** People held. */
  n: number;
  /** ISO 8601 instant (UTC, milliseconds): held strictly before it. */
  until: string;
}

/** Linked Events' rule: a base time to fill in the form, plus a minute per person for their names. */
export const HOLD_BASE_MINUTES = 10;
export const HOLD_MINUTES_PER_PERSON = 1;

export function holdDurationMs(partySize: number): number {
  return (HOLD_BASE_MINUTES + HOLD_MINUTES_PER_PERSON * partySize) * 60_000;
}

export function newHoldId(): string {
  return randomBytes(18).toString('base64url');
}

/** The stored list; an unreadable value holds nothing (it can only come from a hand edit). */
export function parseHolds(stored: string | null | undefined): SeatHold[] {
  if (!stored) return [];
  try {
    const value = JSON.parse(stored) as unknown;
    return Array.isArray(value) ? value.filter(isHold) : [];
  } catch {
    return [];
  }
}

function isHold(value: unknown): value is SeatHold {
  const h = value as SeatHold | null;
  return !!h && typeof h.id === 'string' && typeof h.until === 'string' && Number.isInteger(h.n);
}

/** The holds still in force at `now` (ISO 8601). */
export const activeHolds = (holds: SeatHold[], now: string): SeatHold[] => holds.filter((h) => now < h.until);

/** People held at `now`. */
export const heldAt = (holds: SeatHold[], now: string): number => activeHolds(holds, now).reduce((sum, h) => sum + h.n, 0);

/** People held at `now` by an event row's stored holds. */
export const heldSeats = (stored: string | null | undefined, now: Date | string): number =>
  heldAt(parseHolds(stored), typeof now === 'string' ? now : now.toISOString());
