import { listsOf, matches, Party, refusalText } from '../../../src/edge/browser/door/model';

const party = (name: string, status: Party['status'], waitlistPosition: number | null = null): Party =>
  ({ id: name, name, status, partySize: 1, attended: false, invitedUntil: null, waitlistPosition });

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
});
