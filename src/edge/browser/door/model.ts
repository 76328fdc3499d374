/** What the door page reads, and the pure rules it applies to it (tested without a browser). */
export interface Counts { confirmed: number; waitlisted: number; held: number; attended: number }
export interface Party { id: string; name: string | null; status: 'CONFIRMED' | 'WAITLISTED'; partySize: number; attended: boolean; invitedUntil: string | null; waitlistPosition: number | null }
export interface DoorEvent { id: string; title: string; startsAt: string; timezone: string | null; registration: Counts; registrations: Party[] | null }

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

export const partyText = (size: number) => (size === 1 ? '1 person' : `${size} people`);

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
