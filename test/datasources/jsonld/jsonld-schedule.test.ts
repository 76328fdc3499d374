import { expandSchedule } from '../../../src/datasources/jsonld/jsonld.schedule';

/**
 * schema.org Schedule expansion against dates worked out by hand from the 2026 calendar (1 January
 * 2026 is a Thursday; 1 February and 1 March are Sundays; 1 April a Wednesday; 1 June a Monday).
 * America/Chicago is UTC-6 until 8 March 2026 (second Sunday of March), then UTC-5.
 */
const CHICAGO = 'America/Chicago';
const YEAR_2026 = { from: new Date('2026-01-01T06:00:00Z'), to: new Date('2027-01-01T06:00:00Z') };
const expand = (schedule: Record<string, unknown>, window = YEAR_2026, eventDuration?: unknown) =>
  expandSchedule({ '@type': 'Schedule', ...schedule }, CHICAGO, window, eventDuration);
const utc = (schedule: Record<string, unknown>, window = YEAR_2026, eventDuration?: unknown) =>
  expand(schedule, window, eventDuration).map((o) => [o.start.toUTC().toISO({ suppressMilliseconds: true }), o.end.toUTC().toISO({ suppressMilliseconds: true })]);
const dates = (schedule: Record<string, unknown>, window = YEAR_2026) => expand(schedule, window).map((o) => o.start.toISODate());

describe('schema.org Schedule expansion', () => {
  it('byMonthWeek with byDay: the 1st and 3rd Wednesday of each month, not every Wednesday (across the DST change)', () => {
    expect(utc({
      repeatFrequency: 'P1M', byDay: 'https://schema.org/Wednesday', byMonthWeek: [1, 3],
      startDate: '2026-01-01', endDate: '2026-03-31', startTime: '19:00', endTime: '20:30',
    })).toEqual([
      ['2026-01-08T01:00:00Z', '2026-01-08T02:30:00Z'], // Wed 7 Jan 19:00 CST
      ['2026-01-22T01:00:00Z', '2026-01-22T02:30:00Z'], // Wed 21 Jan
      ['2026-02-05T01:00:00Z', '2026-02-05T02:30:00Z'], // Wed 4 Feb
      ['2026-02-19T01:00:00Z', '2026-02-19T02:30:00Z'], // Wed 18 Feb
      ['2026-03-05T01:00:00Z', '2026-03-05T02:30:00Z'], // Wed 4 Mar, still CST
      ['2026-03-19T00:00:00Z', '2026-03-19T01:30:00Z'], // Wed 18 Mar 19:00 CDT
    ]);
  });

  it('a negative byMonthWeek counts from the end of the month: the last Friday', () => {
    expect(dates({ repeatFrequency: 'P1M', byDay: 'Friday', byMonthWeek: -1, startDate: '2026-01-01', endDate: '2026-04-30', startTime: '18:00' }))
      .toEqual(['2026-01-30', '2026-02-27', '2026-03-27', '2026-04-24']);
  });

  it('byMonthDay, negative from the month end, and exceptDate', () => {
    expect(dates({ repeatFrequency: 'P1M', byMonthDay: -1, startDate: '2026-01-01', endDate: '2026-04-30', startTime: '09:00' }))
      .toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
    expect(dates({ repeatFrequency: 'P1M', byMonthDay: [1, 15], exceptDate: '2026-02-15', startDate: '2026-01-01', endDate: '2026-03-31', startTime: '09:00' }))
      .toEqual(['2026-01-01', '2026-01-15', '2026-02-01', '2026-03-01', '2026-03-15']);
  });

  it('P2W from startDate with repeatCount: an excepted date still counts towards the count', () => {
    const base = { repeatFrequency: 'P2W', byDay: 'Tuesday', startDate: '2026-01-06', repeatCount: 4, startTime: '16:00', duration: 'PT1H' };
    expect(dates(base)).toEqual(['2026-01-06', '2026-01-20', '2026-02-03', '2026-02-17']);
    expect(dates({ ...base, exceptDate: ['2026-01-20'] })).toEqual(['2026-01-06', '2026-02-03', '2026-02-17']);
    expect(utc(base)[0]).toEqual(['2026-01-06T22:00:00Z', '2026-01-06T23:00:00Z']);
  });

  it('byMonth narrows a weekly schedule to its months', () => {
    expect(dates({ repeatFrequency: 'P1W', byDay: ['Saturday'], byMonth: [6, 7, 8], startDate: '2026-01-01', startTime: '10:00' },
      { from: YEAR_2026.from, to: new Date('2026-07-01T05:00:00Z') })).toEqual(['2026-06-06', '2026-06-13', '2026-06-20', '2026-06-27']);
  });

  it('P1D with a duration and the time taken from startDate, in scheduleTimezone, keeps local time across DST', () => {
    expect(utc({ repeatFrequency: 'P1D', startDate: '2026-03-07T10:00', repeatCount: 3, duration: 'PT2H', scheduleTimezone: CHICAGO })).toEqual([
      ['2026-03-07T16:00:00Z', '2026-03-07T18:00:00Z'],
      ['2026-03-08T15:00:00Z', '2026-03-08T17:00:00Z'],
      ['2026-03-09T15:00:00Z', '2026-03-09T17:00:00Z'],
    ]);
    expect(utc({ repeatFrequency: 'P1D', startDate: '2026-03-07', startTime: '10:00', repeatCount: 2, scheduleTimezone: 'Europe/London' }, YEAR_2026, 'PT30M'))
      .toEqual([['2026-03-07T10:00:00Z', '2026-03-07T10:30:00Z'], ['2026-03-08T10:00:00Z', '2026-03-08T10:30:00Z']]);
  });

  it('an endTime before startTime ends the next day', () => {
    expect(utc({ repeatFrequency: 'P1W', byDay: 'SA', startDate: '2026-01-03', repeatCount: 1, startTime: '22:00', endTime: '01:00' }))
      .toEqual([['2026-01-04T04:00:00Z', '2026-01-04T07:00:00Z']]);
  });

  it('a schedule begun long ago still reaches the window: every other Monday since 5 January 2015 (574 weeks before 5 January 2026)', () => {
    expect(dates({ repeatFrequency: 'P2W', byDay: 'MO', startDate: '2015-01-05', startTime: '18:00' }, { from: YEAR_2026.from, to: new Date('2026-02-10T06:00:00Z') }))
      .toEqual(['2026-01-05', '2026-01-19', '2026-02-02']);
  });

  it('without a day rule the period repeats startDate: weekly its weekday, yearly its date (all day without a startTime)', () => {
    expect(dates({ repeatFrequency: 'weekly', startDate: '2026-01-07', repeatCount: 3, startTime: '12:00' })).toEqual(['2026-01-07', '2026-01-14', '2026-01-21']);
    const yearly = expand({ repeatFrequency: 'P1Y', startDate: '2024-07-04' });
    expect(yearly.map((o) => [o.start.toISODate(), o.allDay])).toEqual([['2026-07-04', true]]);
  });
});
