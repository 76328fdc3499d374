import { expandSchedule } from '../../../src/datasources/jsonld/jsonld.schedule';

/** schema.org Schedules as museum CMSs write them, oddities included: which dates come out. */
const window = { from: new Date('2026-12-01T06:00:00Z'), to: new Date('2027-03-01T06:00:00Z') };
const dates = (schedule: Record<string, unknown>, duration?: unknown) =>
  expandSchedule(schedule, 'America/Chicago', window, duration).map((o) => o.start.toISODate());

describe('schema.org Schedules with odd parts', () => {
  it('reads frequency words (daily, annually) and ISO durations in days and months', () => {
    expect(dates({ startDate: '2026-12-29', endDate: '2027-01-01', repeatFrequency: 'Daily' })).toEqual(['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01']);
    expect(dates({ startDate: '2025-12-24', repeatFrequency: 'annually' })).toEqual(['2026-12-24']);
    expect(dates({ startDate: '2026-12-01', endDate: '2026-12-07', repeatFrequency: 'P2D' })).toEqual(['2026-12-01', '2026-12-03', '2026-12-05', '2026-12-07']);
    expect(dates({ startDate: '2026-11-15', repeatFrequency: 'P2M' })).toEqual(['2027-01-15']);
    expect(dates({ startDate: '2026-02-14', repeatFrequency: 'P1Y', byMonth: [2, 13] })).toEqual(['2027-02-14']);
  });

  it('reads an unknown or zero frequency as the start day alone', () => {
    expect(dates({ startDate: '2026-12-05', repeatFrequency: 'fortnightly' })).toEqual(['2026-12-05']);
    expect(dates({ startDate: '2026-12-05', repeatFrequency: 'P0D' })).toEqual(['2026-12-05']);
  });

  it('reads byDay as DayOfWeek URLs and month days as a comma list, dropping what is not a day', () => {
    expect(dates({ startDate: '2026-12-01', endDate: '2026-12-14', repeatFrequency: 'P1W', byDay: ['https://schema.org/Saturday', 'Funday'] })).toEqual(['2026-12-05', '2026-12-12']);
    expect(dates({ startDate: '2026-12-01', endDate: '2027-01-31', repeatFrequency: 'P1M', byMonthDay: '1, 15, x' })).toEqual(['2026-12-01', '2026-12-15', '2027-01-01', '2027-01-15']);
  });

  it('yields nothing for an unknown time zone or an unreadable start date', () => {
    expect(dates({ startDate: '2026-12-05', scheduleTimezone: 'Mars/Olympus' })).toEqual([]);
    expect(dates({ startDate: 'next Saturday' })).toEqual([]);
  });

  it('ends each occurrence after the event\'s duration when the schedule gives neither endTime nor duration', () => {
    const [occ] = expandSchedule({ startDate: '2026-12-05', startTime: '10:00' }, 'America/Chicago', window, 'PT90M');
    expect([occ.start.toISO(), occ.end.toISO(), occ.allDay]).toEqual(['2026-12-05T10:00:00.000-06:00', '2026-12-05T11:30:00.000-06:00', false]);
  });
});
