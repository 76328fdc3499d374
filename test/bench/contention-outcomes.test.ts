import { outcomeErrors } from '../../bench/scenarios/contention';

describe('the contention scenario\'s outcome check', () => {
  const expected = { requests: 10, capacity: 5, waitlist: 2 };
  const exact = {
    stored: { confirmed: 5, waitlisted: 2 }, counted: { confirmed: 5, waitlisted: 2, rows: 7 }, waitlistPositions: [1, 2],
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
});
