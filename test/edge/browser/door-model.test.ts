import { categoryFields, countsOf, countsProblem, listsOf, matches, Party, refusalText, someOfThemFields, stateText } from '../../../src/edge/browser/door/model';

const party = (name: string, status: Party['status'], waitlistPosition: number | null = null): Party =>
  ({ id: name, name, status, partySize: 1, attended: false, invitedUntil: null, waitlistPosition, party: [], attendedParty: [] });

describe('the door page\'s search and lists', () => {
  it('finds a name by every word typed, whatever the case or accents', () => {
    expect(matches('Zoë Adebayo-Fernández', 'zoe fernandez')).toBe(true);
    expect(matches('Ada Lovelace', 'love ADA')).toBe(true);
    expect(matches('Ada Lovelace', '  ')).toBe(true);
    expect(matches('Ada Lovelace', 'ada hopper')).toBe(false);
    expect(matches(null, 'ada')).toBe(false);
  });

  it('lists confirmed parties by name and the waitlist in its own order', () => {
    const lists = listsOf([party('Zed', 'CONFIRMED'), party('Late', 'WAITLISTED', 2), party('Amy', 'CONFIRMED'), party('First', 'WAITLISTED', 1)]);
    expect(lists.confirmed.map((p) => p.name)).toEqual(['Amy', 'Zed']);
    expect(lists.waitlisted.map((p) => p.name)).toEqual(['First', 'Late']);
  });

  it('says why a key was refused, keeping the server\'s own words', () => {
    expect(refusalText({ message: 'Invalid API key.', extensions: { code: 'UNAUTHENTICATED' } })).toBe('That key was not accepted. Check it and enter it again. (Invalid API key.)');
    expect(refusalText({ message: 'No.', extensions: { code: 'FORBIDDEN' } })).toMatch(/^That key cannot see this event's registrations.* \(No\.\)$/);
    expect(refusalText({ message: 'Boom.' })).toBe('The list could not be loaded. (Boom.)');
  });

  const categories = [{ key: 'adults', label: 'Adults' }, { key: 'children', label: 'Children' }, { key: 'babies', label: 'Babies' }];
  const family: Party = {
    ...party('Ada', 'CONFIRMED'), partySize: 3, party: [{ category: 'adults', count: 1 }, { category: 'children', count: 2 }],
  };

  it('says how much of a party is in: all of it, part of it, or none', () => {
    expect(stateText(family)).toBe('Not checked in');
    expect(stateText({ ...family, attended: true, attendedParty: [{ category: 'adults', count: 1 }, { category: 'children', count: 2 }] })).toBe('Checked in');
    expect(stateText({ ...family, attended: true, attendedParty: [{ category: 'children', count: 2 }] })).toBe('2 of 3 checked in');
    // A party without a makeup, checked in whole, comes back as uncategorised: still the whole party.
    expect(stateText({ partySize: 3, attended: true, attendedParty: [{ category: 'uncategorised', count: 3 }] })).toBe('Checked in');
  });

  it('offers "some of them" by the makeup, capped as checkIn caps it, or by the event\'s categories up to the party\'s size', () => {
    expect(someOfThemFields({ ...family, attended: true, attendedParty: [{ category: 'children', count: 1 }] }, categories)).toEqual([
      { key: 'adults', label: 'Adults', max: 1, value: 0 }, { key: 'children', label: 'Children', max: 2, value: 1 },
    ]);
    expect(someOfThemFields({ ...family, party: [] }, categories).map((f) => [f.key, f.max, f.value]))
      .toEqual([['adults', 3, 0], ['children', 3, 0], ['babies', 3, 0]]);
  });

  it('reads typed counts (blank is 0) and says in words which one cannot be sent', () => {
    const fields = categoryFields(categories, 100, [{ category: 'babies', count: 4 }]);
    expect(fields.map((f) => f.value)).toEqual([0, 0, 4]);
    expect(countsProblem(fields, ['2', '', '4'])).toBeNull();
    expect(countsOf(fields, ['2', '', '4'])).toEqual([{ category: 'adults', count: 2 }, { category: 'children', count: 0 }, { category: 'babies', count: 4 }]);
    expect(countsProblem(fields, ['1.5', '0', '0'])).toBe('Adults: enter a whole number from 0 to 100.');
    expect(countsProblem(fields, ['0', '101', '0'])).toBe('Children: enter a whole number from 0 to 100.');
    expect(countsProblem(fields, ['0', '0', '-1'])).toBe('Babies: enter a whole number from 0 to 100.');
  });
});
