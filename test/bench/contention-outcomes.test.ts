import { Attempt, holdErrors, outcomeErrors } from '../../bench/scenarios/contention';

describe('the contention scenario\'s outcome check', () => {
  const expected = { requests: 10, capacity: 5, waitlist: 2 };
  const exact = {
    stored: { confirmed: 5, waitlisted: 2 }, counted: { confirmed: 5, waitlisted: 2, rows: 7 }, waitlistPositions: [1, 2], held: 0,
  };

  it('passes exact answers whose stored counts equal the rows', () => {
    expect(outcomeErrors({ CONFIRMED: 5, WAITLISTED: 2, EVENT_FULL: 3 }, exact, expected)).toEqual([]);
  });

  it('fails an oversell, a lost answer, an unexpected answer, drifting counters and a repeated waitlist position', () => {
    expect(outcomeErrors({ CONFIRMED: 6, WAITLISTED: 2, EVENT_FULL: 2 }, exact, expected)).toEqual([
      '5 CONFIRMED answers expected, 6 received', '3 EVENT_FULL answers expected, 2 received',
    ]);
    expect(outcomeErrors({ CONFIRMED: 5, WAITLISTED: 2, EVENT_FULL: 2, ALREADY_REGISTERED: 1 }, exact, expected)).toHaveLength(2);
    expect(outcomeErrors({ CONFIRMED: 5, WAITLISTED: 2, EVENT_FULL: 3 }, { ...exact, stored: { confirmed: 6, waitlisted: 2 } }, expected))
      .toEqual([expect.stringMatching(/^stored counts .* differ from the rows counted/)]);
    expect(outcomeErrors({ CONFIRMED: 5, WAITLISTED: 2, EVENT_FULL: 3 }, { ...exact, waitlistPositions: [1, 1] }, expected))
      .toEqual([expect.stringMatching(/^waitlist positions are not 1\.\.2/)]);
  });

  it('fails seats still held once everyone has registered', () => {
    expect(outcomeErrors({ CONFIRMED: 5, WAITLISTED: 2, EVENT_FULL: 3 }, { ...exact, held: 1 }, expected))
      .toEqual(['1 seats are still held after everyone registered']);
  });
});

describe('the contention scenario\'s hold check', () => {
  const holder = (outcome: string, heldInTime = true): Attempt => ({ outcome, registered: true, heldInTime });
  const waiting: Attempt = { outcome: 'WAITLISTED', registered: true };
  const full: Attempt = { outcome: 'EVENT_FULL', registered: false };

  it('passes one hold per seat, every holder confirmed', () => {
    expect(holdErrors([holder('CONFIRMED'), holder('CONFIRMED'), waiting, full], 2)).toEqual([]);
  });

  it('fails a hold too many or too few', () => {
    expect(holdErrors([holder('CONFIRMED'), holder('CONFIRMED'), holder('CONFIRMED')], 2)).toEqual(['2 holds expected, 3 granted']);
    expect(holdErrors([holder('CONFIRMED'), waiting], 2)).toEqual(['2 holds expected, 1 granted']);
  });

  it('fails a holder who registered in time and was not confirmed, but not one whose hold had ended', () => {
    expect(holdErrors([holder('CONFIRMED'), holder('WAITLISTED')], 2)).toEqual(['1 holders registered in time but were answered WAITLISTED']);
    expect(holdErrors([holder('CONFIRMED'), holder('WAITLISTED', false)], 2)).toEqual([]);
  });
});
