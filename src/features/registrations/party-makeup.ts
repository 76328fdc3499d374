import { InvalidArgumentError } from '../../domain/errors';
import type { PartyCategory } from '../events/party-categories';
import { peopleIn, type PartyCountEntry } from '../../domain/party';

export type { PartyCountEntry };

/** Same ceiling as partySize: a party is at most 100 people, whatever its makeup. */
const MAX_PEOPLE = 100;
const ARGUMENT = 'input.party';

/**
 * A registrant's makeup checked against the event's categories, as stored: only the categories with
 * people, in the event's order, so two spellings of one makeup (another order, explicit zeros, which
 * the widget's steppers send) store alike and an idempotent retry compares equal. The seats taken are
 * the sum; a partySize sent beside it must agree, as the two would otherwise say different things.
 */
export function checkPartyMakeup(
  given: PartyCountEntry[], categories: readonly PartyCategory[], partySize: number | null | undefined,
): { party: PartyCountEntry[]; partySize: number } {
  const party = countsByCategory(given, categories, ARGUMENT, MAX_PEOPLE);
  const total = peopleIn(party);
  if (total < 1 || total > MAX_PEOPLE) {
    throw new InvalidArgumentError(ARGUMENT, `${total} people`, `a party of 1 to ${MAX_PEOPLE} people in all (the event's maxPartySize applies as to partySize)`);
  }
  if (partySize != null && partySize !== total) {
    throw new InvalidArgumentError(ARGUMENT, `${total} people`, `as many people as partySize (${partySize}), or partySize left out: it is the makeup's sum`);
  }
  return { party, partySize: total };
}

/**
 * Counts by the event's categories, as stored: each category once and known to the event, each count
 * a whole number from 0 to `max`, and only the categories with people, in the event's order.
 */
export function countsByCategory(given: PartyCountEntry[], categories: readonly PartyCategory[], argument: string, max: number): PartyCountEntry[] {
  const keys = categories.map((c) => c.key);
  const counts = new Map<string, number>();
  for (const { category, count } of given) {
    if (!keys.includes(category)) throw new InvalidArgumentError(`${argument}.category`, category, `one of this event's categories: ${keys.join(', ')}`);
    if (counts.has(category)) throw new InvalidArgumentError(`${argument}.category`, category, 'each category once');
    if (!Number.isInteger(count) || count < 0 || count > max) {
      throw new InvalidArgumentError(`${argument}.count`, count, `a whole number of people from 0 to ${max}`);
    }
    counts.set(category, count);
  }
  return keys.flatMap((category) => (counts.get(category) ? [{ category, count: counts.get(category)! }] : []));
}

/**
 * Who of a party came (checkIn's party): at least one person, and within what was registered: no more
 * of a category than the makeup brings, or, for a party registered by partySize alone, no more people
 * than partySize (staff may still say by category who came).
 */
export function checkAttendedParty(
  given: PartyCountEntry[], categories: readonly PartyCategory[], registered: { partySize: number; party: PartyCountEntry[] | null },
): PartyCountEntry[] {
  const argument = 'party';
  const came = countsByCategory(given, categories, argument, MAX_PEOPLE);
  const total = peopleIn(came);
  if (total < 1) throw new InvalidArgumentError(argument, '0 people', 'at least one person who came (attended: false says nobody did)');
  if (!registered.party) {
    if (total > registered.partySize) throw new InvalidArgumentError(argument, `${total} people`, `at most the party's ${registered.partySize}`);
    return came;
  }
  for (const { category, count } of came) {
    const booked = registered.party.find((p) => p.category === category)?.count ?? 0;
    if (count > booked) throw new InvalidArgumentError(`${argument}.count`, count, `at most the ${booked} ${category} the party registered`);
  }
  return came;
}

/** Whether a retry's makeup is the stored one (both as checkPartyMakeup returns them; null: none given). */
export function sameMakeup(a: PartyCountEntry[] | null, b: PartyCountEntry[] | null): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The makeup as the registration.party column holds it: JSON text, null when none was given. */
export const storedMakeup = (party: PartyCountEntry[] | null | undefined): string | null => (party ? JSON.stringify(party) : null);
