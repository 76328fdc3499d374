import { InvalidArgumentError } from '../../domain/errors';
import type { PartyCategory } from '../events/party-categories';
import type { PartyCountEntry } from '../../domain/party';

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
  const keys = categories.map((c) => c.key);
  const counts = new Map<string, number>();
  for (const { category, count } of given) {
    if (!keys.includes(category)) throw new InvalidArgumentError(`${ARGUMENT}.category`, category, `one of this event's categories: ${keys.join(', ')}`);
    if (counts.has(category)) throw new InvalidArgumentError(`${ARGUMENT}.category`, category, 'each category once');
    if (!Number.isInteger(count) || count < 0 || count > MAX_PEOPLE) {
      throw new InvalidArgumentError(`${ARGUMENT}.count`, count, `a whole number of people from 0 to ${MAX_PEOPLE}`);
    }
    counts.set(category, count);
  }
  const party = keys.flatMap((category) => (counts.get(category) ? [{ category, count: counts.get(category)! }] : []));
  const total = party.reduce((sum, p) => sum + p.count, 0);
  if (total < 1 || total > MAX_PEOPLE) {
    throw new InvalidArgumentError(ARGUMENT, `${total} people`, `a party of 1 to ${MAX_PEOPLE} people in all (the event's maxPartySize applies as to partySize)`);
  }
  if (partySize != null && partySize !== total) {
    throw new InvalidArgumentError(ARGUMENT, `${total} people`, `as many people as partySize (${partySize}), or partySize left out: it is the makeup's sum`);
  }
  return { party, partySize: total };
}

/** Whether a retry's makeup is the stored one (both as checkPartyMakeup returns them; null: none given). */
export function sameMakeup(a: PartyCountEntry[] | null, b: PartyCountEntry[] | null): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The makeup as the registration.party column holds it: JSON text, null when none was given. */
export const storedMakeup = (party: PartyCountEntry[] | null | undefined): string | null => (party ? JSON.stringify(party) : null);
