import { scheduleRule, sessionTimes } from '../../../src/datasources/hsds/hsds.schedule';
import { isOpenAt } from '../../../src/datasources/shared/opening-hours';

const CHICAGO = 'America/Chicago';
const rule = (raw: Record<string, unknown>) => scheduleRule(raw, null);
const open = (raw: Record<string, unknown>, at: string, zone = CHICAGO) => isOpenAt([rule(raw)], new Date(at), zone);

describe('opening hours (HSDS schedules)', () => {
  it('is open on listed weekdays between opens_at and closes_at, read in the location zone', () => {
    const weekdays = { freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '17:00' };
    expect(open(weekdays, '2026-11-23T15:00:00Z')).toBe(true); // Mon 09:00 CST
    expect(open(weekdays, '2026-11-23T14:59:00Z')).toBe(false); // Mon 08:59 CST
    expect(open(weekdays, '2026-11-23T23:00:00Z')).toBe(false); // Mon 17:00 CST: closed
    expect(open(weekdays, '2026-11-28T16:00:00Z')).toBe(false); // Saturday
    expect(open(weekdays, '2026-11-23T15:00:00Z', 'Europe/London')).toBe(true); // 15:00 London
    expect(open(weekdays, '2026-11-23T08:30:00Z', 'Europe/London')).toBe(false);
  });

  it('reads a numeric HSDS timezone as a fixed UTC offset', () => {
    const plus3 = { freq: 'WEEKLY', byday: 'TH', opens_at: '10:00:00', closes_at: '18:00:00', timezone: 3 };
    expect(open(plus3, '2026-11-26T07:00:00Z')).toBe(true); // Thu 10:00 at UTC+3
    expect(open(plus3, '2026-11-26T06:59:00Z')).toBe(false);
  });

  it('handles monthly nth weekdays (2MO, -1FR) and month days counted from the end', () => {
    const second = { freq: 'MONTHLY', byday: '2MO', opens_at: '10:00', closes_at: '12:00' };
    expect(open(second, '2026-11-09T17:00:00Z')).toBe(true); // 2nd Monday of Nov 2026
    expect(open(second, '2026-11-16T17:00:00Z')).toBe(false);
    const lastFriday = { freq: 'MONTHLY', byday: '-1FR', opens_at: '10:00', closes_at: '12:00' };
    expect(open(lastFriday, '2026-11-27T17:00:00Z')).toBe(true);
    expect(open(lastFriday, '2026-11-20T17:00:00Z')).toBe(false);
    const lastDay = { freq: 'MONTHLY', bymonthday: '-1', opens_at: '10:00', closes_at: '12:00' };
    expect(open(lastDay, '2026-11-30T17:00:00Z')).toBe(true);
  });

  it('respects interval, valid_from/valid_to, until and count', () => {
    const fortnightly = { freq: 'WEEKLY', interval: 2, byday: 'MO', dtstart: '2026-11-02', opens_at: '10:00', closes_at: '12:00' };
    expect(open(fortnightly, '2026-11-16T17:00:00Z')).toBe(true);
    expect(open(fortnightly, '2026-11-09T17:00:00Z')).toBe(false);
    const seasonal = { freq: 'WEEKLY', byday: 'MO', valid_from: '2026-12-01', valid_to: '2027-02-28', opens_at: '10:00', closes_at: '12:00' };
    expect(open(seasonal, '2026-11-23T17:00:00Z')).toBe(false);
    expect(open(seasonal, '2026-12-07T17:00:00Z')).toBe(true);
    const three = { freq: 'WEEKLY', byday: 'MO', dtstart: '2026-11-02', count: 3, opens_at: '10:00', closes_at: '12:00' };
    expect(open(three, '2026-11-16T17:00:00Z')).toBe(true);
    expect(open(three, '2026-11-23T17:00:00Z')).toBe(false);
    const untilRule = { freq: 'WEEKLY', byday: 'MO', until: '2026-11-10', opens_at: '10:00', closes_at: '12:00' };
    expect(open(untilRule, '2026-11-16T17:00:00Z')).toBe(false);
  });

  it('keeps overnight hours with the day they open on', () => {
    const overnight = { freq: 'WEEKLY', byday: 'FR', opens_at: '22:00', closes_at: '02:00' };
    expect(open(overnight, '2026-11-28T07:00:00Z')).toBe(true); // Sat 01:00 CST, opened Friday
    expect(open(overnight, '2026-11-29T07:00:00Z')).toBe(false); // Sun 01:00 CST
  });

  it('says null (unknown) when no rule states hours', () => {
    expect(isOpenAt([rule({ freq: 'WEEKLY', byday: 'MO' })], new Date(), CHICAGO)).toBeNull();
  });

  it('turns a one-off dated schedule into one session in the partner zone', () => {
    const once = rule({ dtstart: '2026-12-05', opens_at: '09:30', closes_at: '11:00' });
    expect(sessionTimes(once, CHICAGO, { from: new Date('2026-11-01'), to: new Date('2027-01-01') })).toEqual([
      { start: new Date('2026-12-05T15:30:00Z'), end: new Date('2026-12-05T17:00:00Z'), allDay: false, localDate: '2026-12-05', zone: CHICAGO },
    ]);
  });
});
