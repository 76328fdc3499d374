/** What the door page reads, and the pure rules it applies to it (tested without a browser). */
import { peopleIn, type PartyCategory, type PartyCountEntry } from '../../../domain/party';

export { peopleIn };
export type { PartyCategory, PartyCountEntry };

export interface Counts { confirmed: number; waitlisted: number; held: number; attended: number }
/** The event's registration as the door reads it: the counts, whether it takes registrations, and what it counts people by. */
export interface DoorRegistration extends Counts { mode: string; partyCategories: PartyCategory[] }
export interface Attendance {
  registered: number; walkIns: number; headCount: number; total: number; headCountByCategory: PartyCountEntry[];
}
export interface Party {
  id: string; name: string | null; status: 'CONFIRMED' | 'WAITLISTED'; partySize: number; attended: boolean;
  invitedUntil: string | null; waitlistPosition: number | null;
  /** The registrant's makeup; empty when the party gave only a size. */
  party: PartyCountEntry[] | null;
  /** Who of it was checked in (empty: nobody). */
  attendedParty: PartyCountEntry[] | null;
}
export interface DoorEvent {
  id: string; title: string; startsAt: string; timezone: string | null;
  registration: DoorRegistration; attendance: Attendance | null; registrations: Party[] | null;
}

/** A drop-in event takes no registrations: the door counts heads instead of checking names. */
export const isDropIn = (e: DoorEvent) => e.registration.mode === 'NONE';

/**
 * Case and accents fold away, so "zoe" finds "Zoë" on a phone keyboard without accents; every word
 * typed must appear somewhere in the name ("ada love" finds "Ada Lovelace", "love ada" too).
 */
const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLocaleLowerCase();

export function matches(name: string | null, typed: string): boolean {
  const words = fold(typed).split(/\s+/).filter(Boolean);
  const folded = fold(name ?? '');
  return words.every((w) => folded.includes(w));
}

/** Confirmed parties by name (how people give theirs at the door); the waitlist in its own order. */
export function listsOf(parties: Party[]): { confirmed: Party[]; waitlisted: Party[] } {
  const byName = (a: Party, b: Party) => (a.name ?? '').localeCompare(b.name ?? '');
  return {
    confirmed: parties.filter((p) => p.status === 'CONFIRMED').sort(byName),
    waitlisted: parties.filter((p) => p.status === 'WAITLISTED').sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0)),
  };
}

/** People, not parties, as the event's counts are. */
export const checkedInText = (c: Counts) => `${c.attended} of ${c.confirmed}`;

/** People in a number, as rows and status lines say them. */
export const partyText = (size: number) => (size === 1 ? '1 person' : `${size} people`);

/** A row's state in words: "Checked in" for the whole party, "2 of 3 checked in" for part of it. */
export function stateText(p: Pick<Party, 'attended' | 'partySize' | 'attendedParty'>): string {
  if (!p.attended) return 'Not checked in';
  const came = p.attendedParty && p.attendedParty.length ? peopleIn(p.attendedParty) : p.partySize;
  return came >= p.partySize ? 'Checked in' : `${came} of ${p.partySize} checked in`;
}

/** One number of a counts form: its category, the most it takes and what it starts at. */
export interface CountField { key: string; label: string; max: number; value: number }

const labelOf = (categories: readonly PartyCategory[], key: string) => categories.find((c) => c.key === key)?.label ?? key;
const countOf = (counts: PartyCountEntry[] | null, key: string) => counts?.find((c) => c.category === key)?.count ?? 0;

/**
 * "Some of them": one number per category of the party's makeup, capped by what it brings (as checkIn
 * caps it), or, for a party registered by size alone, one per category of the event, each capped by
 * its size (the sum is checked before sending). Each starts at who of it is checked in now.
 */
export function someOfThemFields(p: Party, categories: readonly PartyCategory[]): CountField[] {
  const came = p.attended ? p.attendedParty : null;
  if (p.party && p.party.length) {
    return p.party.map((c) => ({ key: c.category, label: labelOf(categories, c.category), max: c.count, value: countOf(came, c.category) }));
  }
  return categories.map((c) => ({ key: c.key, label: c.label, max: p.partySize, value: countOf(came, c.key) }));
}

/** One number per category of the event, starting at `from`'s count (walk-ins start at 0, a head count at the last one). */
export const categoryFields = (categories: readonly PartyCategory[], max: number, from: PartyCountEntry[] | null = null): CountField[] =>
  categories.map((c) => ({ key: c.key, label: c.label, max, value: countOf(from, c.key) }));

/** Why counts cannot be sent as typed, in words; null when they can. */
export function countsProblem(fields: readonly CountField[], typed: readonly string[]): string | null {
  for (const [i, f] of fields.entries()) {
    const text = typed[i].trim();
    const n = text === '' ? 0 : Number(text);
    if (!Number.isInteger(n) || n < 0 || n > f.max) return `${f.label}: enter a whole number from 0 to ${f.max}.`;
  }
  return null;
}

/** The counts as the API takes them (blank is 0). Call countsProblem first. */
export const countsOf = (fields: readonly CountField[], typed: readonly string[]): PartyCountEntry[] =>
  fields.map((f, i) => ({ category: f.key, count: typed[i].trim() === '' ? 0 : Number(typed[i]) }));

/**
 * The server's refusal of a key, in words for the person at the door (the server's own message
 * follows, so nothing it says is lost).
 */
export function refusalText(error: { message: string; extensions?: { code?: string } }): string {
  const code = error.extensions && error.extensions.code;
  const lead = code === 'UNAUTHENTICATED' ? 'That key was not accepted. Check it and enter it again.'
    : code === 'FORBIDDEN' ? 'That key cannot see this event\'s registrations: it must be the key of the partner running the event.'
      : 'The list could not be loaded.';
  return `${lead} (${error.message})`;
}
