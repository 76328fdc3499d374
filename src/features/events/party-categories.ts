import { InvalidArgumentError } from '../../domain/errors';
import { MAX_PARTY_CATEGORIES } from '../../domain/input-bounds';
import { UNCATEGORISED, type PartyCategory } from '../../domain/party';

export type { PartyCategory };

/** Every event that sets none counts by these. */
export const DEFAULT_PARTY_CATEGORIES: readonly PartyCategory[] = Object.freeze([
  { key: 'adults', label: 'Adults' },
  { key: 'teens', label: 'Teens' },
  { key: 'children', label: 'Children' },
  { key: 'babies', label: 'Babies' },
]);

/** Lower-case ASCII, so a key reads the same in a report column, a CSV header and a query. */
const KEY = /^[a-z][a-z0-9_]{0,31}$/;
const MAX_LABEL = 60;

/** An event's categories as registrants and reports see them: its own, or the defaults (null). */
export function partyCategoriesOf(event: { partyCategories: PartyCategory[] | null }): readonly PartyCategory[] {
  return event.partyCategories?.length ? event.partyCategories : DEFAULT_PARTY_CATEGORIES;
}

/** Checks an event's own list (null: the defaults) and returns it trimmed. */
export function checkPartyCategories(given: PartyCategory[] | null): PartyCategory[] | null {
  if (given == null) return null;
  const argument = 'input.partyCategories';
  if (given.length < 1 || given.length > MAX_PARTY_CATEGORIES) {
    throw new InvalidArgumentError(argument, `${given.length} values`, `1 to ${MAX_PARTY_CATEGORIES} categories, or null for the defaults (adults, teens, children, babies)`);
  }
  const categories = given.map(({ key, label }) => ({ key: key.trim(), label: label.trim() }));
  for (const { key, label } of categories) {
    if (!KEY.test(key)) throw new InvalidArgumentError(`${argument}.key`, key, 'a key of 1 to 32 characters: a-z first, then a-z, 0-9 or _');
    // Attendance figures count people checked in without a makeup under this key.
    if (key === UNCATEGORISED) throw new InvalidArgumentError(`${argument}.key`, key, `a key other than ${UNCATEGORISED} (reserved for people counted without a category)`);
    if (label.length < 1 || label.length > MAX_LABEL) throw new InvalidArgumentError(`${argument}.label`, label, `a label of 1 to ${MAX_LABEL} characters`);
  }
  const keys = categories.map((c) => c.key);
  const repeated = keys.find((key, i) => keys.indexOf(key) !== i);
  if (repeated) throw new InvalidArgumentError(`${argument}.key`, repeated, 'each key once');
  return categories;
}
