import { AttentionReason, RegistrationMode } from '../../domain/enums';
import { EventEntity } from '../../model/event.entity';
import { registrationInfo, waitlistOpen } from '../events/registration-info';

/** Seats and people over a set of events: what the dashboard's totals and each program's row show. */
export interface SeatTotals {
  events: number;
  seats: number;
  confirmed: number;
  waitlisted: number;
  attended: number;
  /** confirmed ÷ seats; null with no seats. */
  fillRate: number | null;
}

export interface ProgramOverview {
  /** The series id, or the event's own id for a one-off. */
  key: string;
  title: string;
  partnerId: string;
  occurrences: EventEntity[];
  totals: SeatTotals;
}

export interface AttentionItem {
  event: EventEntity;
  reason: AttentionReason;
}

export interface RegistrationOverview {
  totals: SeatTotals;
  programs: ProgramOverview[];
  needsAttention: AttentionItem[];
}

const HOUR = 3_600_000;
/** "Nearly empty" is under a quarter of the seats within three days of the start. */
export const UNDER_FILLED_SHARE = 0.25;
export const UNDER_FILLED_WITHIN_MS = 72 * HOUR;
export const NOT_OPEN_WITHIN_MS = 7 * 24 * HOUR;

/** Events that take registrations with a seat limit: the only ones with seats to count. */
export const hasSeats = (e: EventEntity): boolean => e.registrationMode !== RegistrationMode.NONE && e.capacity != null;

function totalsOf(events: EventEntity[]): SeatTotals {
  const t = { events: events.length, seats: 0, confirmed: 0, waitlisted: 0, attended: 0 };
  for (const e of events) {
    t.seats += e.capacity ?? 0;
    t.confirmed += e.confirmedCount;
    t.waitlisted += e.waitlistedCount;
    t.attended += e.attendedCount;
  }
  return { ...t, fillRate: t.seats ? t.confirmed / t.seats : null };
}

/** Why `e` needs a look at `now`, if it does; an event that has started or is cancelled needs none. */
export function attentionReason(e: EventEntity, now: Date): AttentionReason | null {
  const info = registrationInfo(e, now);
  const untilStart = e.startsAt.getTime() - now.getTime();
  if (untilStart <= 0 || e.status === 'CANCELLED' || e.status === 'POSTPONED') return null;
  if (info.remaining === 0 && !waitlistOpen(info)) return AttentionReason.FULL_NO_WAITLIST;
  if (e.registrationOpensAt && e.registrationOpensAt > now && untilStart <= NOT_OPEN_WITHIN_MS) return AttentionReason.NOT_YET_OPEN;
  if (untilStart <= UNDER_FILLED_WITHIN_MS && e.capacity && e.confirmedCount < UNDER_FILLED_SHARE * e.capacity) return AttentionReason.UNDER_FILLED;
  return null;
}

/**
 * The dashboard's picture of registrations over `events` (those with seats; start order): totals, one
 * row per program (the occurrences of a series together, in the order each program first occurs), and
 * the events that need attention.
 */
export function registrationOverview(events: EventEntity[], now: Date): RegistrationOverview {
  const counted = events.filter(hasSeats);
  const byKey = new Map<string, EventEntity[]>();
  for (const e of counted) {
    const key = e.seriesId ?? e.id;
    const list = byKey.get(key);
    if (list) list.push(e);
    else byKey.set(key, [e]);
  }
  const programs = [...byKey].map(([key, occurrences]) => ({
    key, title: occurrences[0].title, partnerId: occurrences[0].partnerId, occurrences, totals: totalsOf(occurrences),
  }));
  const needsAttention = counted.flatMap((event) => {
    const reason = attentionReason(event, now);
    return reason ? [{ event, reason }] : [];
  });
  return { totals: totalsOf(counted), programs, needsAttention };
}
