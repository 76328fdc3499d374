import { ianaZoneFor, isOneOff, parseByDay, scheduleRule, sessionTimes } from '../../../src/datasources/hsds/hsds.schedule';

/** HSDS schedule entries as publishers write them (3.x RRULE parts, 2.x weekday numbers and names). */
describe('HSDS schedules as publishers write them', () => {
  it('reads BYDAY tokens with ordinals, full weekday names, lists or comma text, and drops what it does not know', () => {
    expect(parseByDay('2MO, -1fr,XX')).toEqual([{ weekday: 1, nth: 2 }, { weekday: 5, nth: -1 }]);
    expect(parseByDay(['Monday', 'sunday', 'someday'])).toEqual([{ weekday: 1, nth: null }, { weekday: 7, nth: null }]);
    expect(parseByDay(3)).toEqual([]);
    expect(parseByDay(null)).toEqual([]);
  });

  it('reads a 2.x weekday as a number (0 and 7 both Sunday), a name or a two-letter code, and ignores one it cannot read', () => {
    const days = (weekday: unknown) => scheduleRule({ weekday }, null).byDay;
    expect(days(0)).toEqual([{ weekday: 7, nth: null }]);
    expect(days('3')).toEqual([{ weekday: 3, nth: null }]);
    expect(days('Tuesday')).toEqual([{ weekday: 2, nth: null }]);
    expect(days('th')).toEqual([{ weekday: 4, nth: null }]);
    expect(days('holidays')).toEqual([]);
    expect(scheduleRule({ day: 'friday', byday: 'MO' }, null).byDay).toEqual([{ weekday: 1, nth: null }, { weekday: 5, nth: null }]);
  });

  it('keeps a plausible numeric UTC offset only, month days other than 0, numeric location ids as text', () => {
    const rule = scheduleRule({ freq: 'monthly', bymonthday: '1, 15, 0, x', timezone: '-5', location_id: 12, count: '4', interval: 0, opens_at: ' 09:00 ' }, 'fallback');
    expect(rule).toMatchObject({ freq: 'MONTHLY', byMonthDay: [1, 15], utcOffsetHours: -5, locationExternalId: '12', count: 4, interval: 1, opensAt: '09:00' });
    expect(scheduleRule({ freq: 'DAILY', timezone: 20 }, 'fallback')).toMatchObject({ freq: null, utcOffsetHours: null, locationExternalId: 'fallback' });
    expect(scheduleRule({ valid_from: 'soon', dtstart: '2026-12-10T18:00:00' }, null)).toMatchObject({ validFrom: null, dtstart: '2026-12-10' });
  });

  it('tells a one-off session (a dtstart, or valid_from = valid_to) from opening hours', () => {
    expect(isOneOff(scheduleRule({ dtstart: '2026-12-10' }, null))).toBe(true);
    expect(isOneOff(scheduleRule({ valid_from: '2026-12-10', valid_to: '2026-12-10' }, null))).toBe(true);
    expect(isOneOff(scheduleRule({ valid_from: '2026-12-10', valid_to: '2026-12-11' }, null))).toBe(false);
    expect(isOneOff(scheduleRule({ dtstart: '2026-12-10', byday: 'MO' }, null))).toBe(false);
    expect(isOneOff(scheduleRule({ dtstart: '2026-12-10', bymonthday: '10' }, null))).toBe(false);
  });

  it('names a whole-hour offset as an Etc/GMT zone (signs inverted), else the partner zone', () => {
    const zone = (timezone: unknown) => ianaZoneFor(scheduleRule({ timezone }, null), 'America/Chicago');
    expect(zone(0)).toBe('UTC');
    expect(zone(-5)).toBe('Etc/GMT+5');
    expect(zone(2)).toBe('Etc/GMT-2');
    expect(zone(5.5)).toBe('America/Chicago');
    expect(zone(undefined)).toBe('America/Chicago');
  });

  const window = { from: new Date('2026-12-01T00:00:00Z'), to: new Date('2026-12-15T00:00:00Z') };

  it('makes a one-off without opening time an all-day session, and one without closing time a moment', () => {
    expect(sessionTimes(scheduleRule({ dtstart: '2026-12-10' }, null), 'America/Chicago', window)).toEqual([
      { start: new Date('2026-12-10T06:00:00Z'), end: new Date('2026-12-11T06:00:00Z'), allDay: true, localDate: '2026-12-10', zone: 'America/Chicago' },
    ]);
    expect(sessionTimes(scheduleRule({ dtstart: '2026-12-10', opens_at: '9:30' }, null), 'America/Chicago', window)).toEqual([
      { start: new Date('2026-12-10T15:30:00Z'), end: new Date('2026-12-10T15:30:00Z'), allDay: false, localDate: '2026-12-10', zone: 'America/Chicago' },
    ]);
  });

  it('ends a session that closes before it opens on the next day, in the offset the entry gives', () => {
    expect(sessionTimes(scheduleRule({ valid_from: '2027-01-05', valid_to: '2027-01-05', opens_at: '22:00', closes_at: '02:00', timezone: -5 }, null), 'America/Chicago', window)).toEqual([
      { start: new Date('2027-01-06T03:00:00Z'), end: new Date('2027-01-06T07:00:00Z'), allDay: false, localDate: '2027-01-05', zone: 'Etc/GMT+5' },
    ]);
  });

  it('expands a weekly entry to the occurrences starting inside the window only', () => {
    const times = sessionTimes(scheduleRule({ freq: 'WEEKLY', byday: 'MO', opens_at: '10:00', closes_at: '11:00' }, null), 'America/Chicago', window);
    expect(times.map((t) => [t.start.toISOString(), t.end.toISOString(), t.localDate])).toEqual([
      ['2026-12-07T16:00:00.000Z', '2026-12-07T17:00:00.000Z', '2026-12-07'],
      ['2026-12-14T16:00:00.000Z', '2026-12-14T17:00:00.000Z', '2026-12-14'],
    ]);
  });
});
