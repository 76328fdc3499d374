import { momentText, spanText } from '../../../src/edge/browser/widget/format';

const timed = { all_day: false, start_date: null, end_date: null, timezone: 'America/Chicago' };

/** The widget's dates, in the list and the manage view alike: wall time at the venue, all-day events by their dates. */
describe('widget dates', () => {
  it('shows an all-day event by its dates, never as a midnight, the exclusive end read as the last day', () => {
    const day = { all_day: true, start_date: '2026-12-14', end_date: '2026-12-15', starts_at: '2026-12-14T06:00:00.000Z', ends_at: '2026-12-15T06:00:00.000Z', timezone: 'America/Chicago' };
    expect(spanText(day, 'en-US')).toBe('Mon, Dec 14, 2026 (all day)');
    expect(spanText({ ...day, end_date: '2026-12-17' }, 'en-US')).toBe('Mon, Dec 14, 2026 – Wed, Dec 16, 2026 (all day)');
  });

  it('shows a timed event from start to end at the venue, the zone named once', () => {
    expect(spanText({ ...timed, starts_at: '2026-12-14T16:00:00.000Z', ends_at: '2026-12-14T17:30:00.000Z' }, 'en-US'))
      .toBe('Mon, Dec 14, 2026, 10:00 AM – 11:30 AM CST');
    expect(spanText({ ...timed, starts_at: '2026-12-14T16:00:00.000Z', ends_at: '2026-12-15T17:00:00.000Z' }, 'en-US'))
      .toBe('Mon, Dec 14, 2026, 10:00 AM – Tue, Dec 15, 2026, 11:00 AM CST');
  });

  it('shows one instant (an invitation\'s deadline) as a date and time at the venue, the zone named', () => {
    expect(momentText('2026-12-08T22:45:00.000Z', 'America/Chicago', 'en-US')).toBe('Tue, Dec 8, 2026, 4:45 PM CST');
    expect(momentText('2026-12-09T05:30:00.000Z', 'America/Chicago', 'en-US')).toBe('Tue, Dec 8, 2026, 11:30 PM CST');
  });
});
