import { stableId } from '../../src/domain/ids';
import { Audience, PartnerKind } from '../../src/domain/enums';
import type { TownScale } from './town-scale';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export const TOWN_TIMEZONE = 'America/Chicago';
export const LOCATIONS_PER_PARTNER = 2;
const KINDS = [PartnerKind.LIBRARY, PartnerKind.SCHOOL, PartnerKind.MUSEUM, PartnerKind.NONPROFIT];
const AUDIENCE_SETS: Audience[][] = [
  [Audience.KIDS, Audience.FAMILIES], [Audience.ADULTS], [Audience.TEENS], [Audience.ALL_AGES],
  [Audience.PRESCHOOL, Audience.TODDLERS], [Audience.SENIORS, Audience.ADULTS],
];

export interface Seats {
  capacity: number;
  confirmed: number;
  waitlistCapacity: number;
  waitlisted: number;
}

/**
 * The town's shape as pure functions of (scale, anchor instant, index): every table generator can
 * compute the ids and facts of another table's rows without reading them back, and two runs at the
 * same scale build the same town (relative to their own "now").
 */
export class TownPlan {
  /** Occurrences run from a week ago to a year ahead, evenly spaced, so "from now" pages are full. */
  readonly firstStart: number;
  readonly spacingMs: number;
  private readonly registeredStride: number;

  constructor(readonly scale: TownScale, readonly now: Date) {
    this.firstStart = Math.floor((now.getTime() - 7 * DAY) / MINUTE) * MINUTE;
    this.spacingMs = Math.max(MINUTE, Math.floor((372 * DAY) / Math.max(1, scale.events) / MINUTE) * MINUTE);
    this.registeredStride = scale.registeredEvents > 0 ? Math.floor(scale.events / scale.registeredEvents) : 0;
  }

  partnerId = (p: number): string => stableId('bench-partner', String(p));
  partnerKind = (p: number): PartnerKind => KINDS[p % KINDS.length];
  locationId = (p: number, l: number): string => stableId('bench-location', String(p), String(l));
  eventId = (i: number): string => stableId('bench-event', String(i));
  eventPartner = (i: number): number => i % this.scale.partners;
  eventLocation = (i: number): number => Math.floor(i / this.scale.partners) % LOCATIONS_PER_PARTNER;
  eventAudiences = (i: number): Audience[] => AUDIENCE_SETS[i % AUDIENCE_SETS.length];
  eventStart = (i: number): Date => new Date(this.firstStart + i * this.spacingMs);

  /** Registered events are spread evenly through the calendar, so every page carries some. */
  isRegistered(i: number): boolean {
    return this.registeredStride > 0 && i % this.registeredStride === 0 && i / this.registeredStride < this.scale.registeredEvents;
  }

  /** Seats for a registered event: some full with a waitlist, most part-booked. */
  seats(i: number): Seats {
    const capacity = 10 + (i % 5) * 10;
    const demand = (i * 7919) % (capacity + 8);
    const confirmed = Math.min(capacity, demand);
    const waitlistCapacity = 5;
    return { capacity, confirmed, waitlistCapacity, waitlisted: Math.min(waitlistCapacity, Math.max(0, demand - capacity)) };
  }

  registeredEventIndexes(): number[] {
    return Array.from({ length: this.scale.registeredEvents }, (_, k) => k * this.registeredStride);
  }
}
