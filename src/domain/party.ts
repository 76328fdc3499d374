/**
 * The kinds of people a party is counted by (issue 19: attendance by party makeup). Keys are what a
 * registration stores and reports group by; labels are what registrants read. Here, below the model,
 * because events and registrations store them; the rules live in src/features/events/party-categories.ts
 * and src/features/registrations/party-makeup.ts.
 */
export interface PartyCategory {
  key: string;
  label: string;
}

/** How many people of one category a party brings (RegisterInput.party, Registration.party). */
export interface PartyCountEntry {
  category: string;
  count: number;
}

/**
 * Where people counted without a category go in attendance figures: a party registered by partySize
 * alone and checked in whole. Reserved, so no event's own category can take the name
 * (src/features/events/party-categories.ts).
 */
export const UNCATEGORISED = 'uncategorised';

/** The people a list counts. */
export const peopleIn = (counts: readonly PartyCountEntry[] | null | undefined): number =>
  (counts ?? []).reduce((sum, c) => sum + c.count, 0);

/** Adds `counts` (times `times`) into a running tally by category. */
export function tallyInto(tally: Map<string, number>, counts: readonly PartyCountEntry[] | null | undefined, times = 1): void {
  for (const { category, count } of counts ?? []) tally.set(category, (tally.get(category) ?? 0) + count * times);
}

/** A tally as a list: categories with people only, by key, so reports and pages read in one order. */
export const tallyList = (tally: ReadonlyMap<string, number>): PartyCountEntry[] =>
  [...tally].filter(([, count]) => count > 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([category, count]) => ({ category, count }));

/** What a registration stores about its check-in (attendedParty null: the whole party came). */
export interface CheckedInParty {
  attended: boolean;
  partySize: number;
  party: PartyCountEntry[] | null;
  attendedParty: PartyCountEntry[] | null;
}

/** The people of a registration who came: those checked in by category, else the whole party, else nobody. */
export const attendedPeople = (r: CheckedInParty): number => (!r.attended ? 0 : r.attendedParty ? peopleIn(r.attendedParty) : r.partySize);

/** Who of a registration came, by category; a party without a makeup checked in whole counts as UNCATEGORISED. */
export function attendedByCategory(r: CheckedInParty): PartyCountEntry[] {
  if (!r.attended) return [];
  return r.attendedParty ?? r.party ?? [{ category: UNCATEGORISED, count: r.partySize }];
}
