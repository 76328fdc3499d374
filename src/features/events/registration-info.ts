import { EventEntity } from '../../model/event.entity';
import { EventStatus, RegistrationMode, RegistrationState, WaitlistMode } from '../../domain/enums';
import { DEFAULT_INVITE_HOURS } from './waitlist-offers';
import { webLinkAsStored } from '../../domain/web-url';
import { heldSeats } from './seat-holds';
import { PartyCategory, partyCategoriesOf } from './party-categories';

export interface RegistrationInfo {
  mode: RegistrationMode;
  url: string | null;
  capacity: number | null;
  waitlistCapacity: number;
  /**
   * A waiting list is taken once full: NATIVE events when they have waitlist places, EXTERNAL events
   * as the partner says (LibCal `wait_list`); null when unknown (a feed with no such notion) or NONE.
   */
  waitlistAvailable: boolean | null;
  confirmed: number;
  waitlisted: number;
  /** People checked in by staff. */
  attended: number;
  /** People in seat holds in force at `now` (./seat-holds.ts). */
  held: number;
  /** Seats neither confirmed nor held; null when the event has no capacity limit or no registration. */
  remaining: number | null;
  maxPartySize: number;
  waitlistMode: WaitlistMode;
  inviteHours: number;
  surveyUrl: string | null;
  /** The kinds of people a party is counted by (./party-categories.ts). */
  partyCategories: readonly PartyCategory[];
  opensAt: Date | null;
  closesAt: Date | null;
  isOpen: boolean;
  state: RegistrationState;
}

/**
 * A full event still takes names: NATIVE while its waitlist has places, EXTERNAL when the partner
 * says it keeps a waiting list (it publishes no size for it).
 */
export function waitlistOpen(r: Pick<RegistrationInfo, 'mode' | 'waitlisted' | 'waitlistCapacity' | 'waitlistAvailable'>): boolean {
  return r.mode === RegistrationMode.EXTERNAL ? r.waitlistAvailable === true : r.waitlisted < r.waitlistCapacity;
}

/** Registration state of an event at `now`, derived from the event row alone (no extra query). */
export function registrationInfo(event: EventEntity, now: Date): RegistrationInfo {
  const mode = event.registrationMode;
  const held = mode === RegistrationMode.NATIVE ? heldSeats(event.seatHolds, now) : 0;
  const remaining = event.capacity == null || mode === RegistrationMode.NONE
    ? null
    : Math.max(0, event.capacity - event.confirmedCount - held);
  const inWindow = (!event.registrationOpensAt || event.registrationOpensAt <= now)
    && (!event.registrationClosesAt || now < event.registrationClosesAt)
    && now < event.endsAt;
  const live = event.status !== EventStatus.CANCELLED && event.status !== EventStatus.POSTPONED;
  const info = {
    mode,
    // Only web links, even from a row stored before adapters checked them (GraphQL, feeds, /embed all read this).
    url: mode === RegistrationMode.EXTERNAL ? webLinkAsStored(event.registrationUrl) ?? webLinkAsStored(event.url) : null,
    capacity: event.capacity,
    waitlistCapacity: event.waitlistCapacity,
    waitlistAvailable: mode === RegistrationMode.NATIVE ? event.waitlistCapacity > 0
      : mode === RegistrationMode.EXTERNAL ? event.externalWaitlist ?? null : null,
    confirmed: event.confirmedCount,
    waitlisted: event.waitlistedCount,
    attended: event.attendedCount ?? 0,
    held,
    remaining,
    maxPartySize: event.maxPartySize,
    waitlistMode: event.waitlistMode ?? WaitlistMode.AUTO_PROMOTE,
    inviteHours: event.inviteHours ?? DEFAULT_INVITE_HOURS,
    partyCategories: partyCategoriesOf(event),
    surveyUrl: mode === RegistrationMode.NATIVE ? webLinkAsStored(event.surveyUrl) : null,
    opensAt: event.registrationOpensAt,
    closesAt: event.registrationClosesAt,
    isOpen: mode !== RegistrationMode.NONE && live && inWindow,
  };
  const notYetOpen = event.registrationOpensAt != null && now < event.registrationOpensAt && now < event.endsAt;
  return { ...info, state: registrationState(info, { live, notYetOpen }) };
}

/**
 * The one word a front end shows: a drop-in event is NOT_REQUIRED (not "closed"), and a full event
 * says whether its waiting list still takes names. A window that has not opened yet wins over
 * fullness, so "opens Monday" is shown rather than "full" for an event filled by staff in advance.
 */
function registrationState(
  info: Omit<RegistrationInfo, 'state'>,
  at: { live: boolean; notYetOpen: boolean },
): RegistrationState {
  if (info.mode === RegistrationMode.NONE) return RegistrationState.NOT_REQUIRED;
  if (at.live && at.notYetOpen) return RegistrationState.NOT_YET_OPEN;
  if (!info.isOpen) return RegistrationState.CLOSED;
  if (info.remaining !== 0) return RegistrationState.OPEN;
  return waitlistOpen(info) ? RegistrationState.WAITLIST_OPEN : RegistrationState.FULL;
}
