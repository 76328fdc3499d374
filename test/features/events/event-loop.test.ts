import { runAtOnce, sortInSteps } from '../../../src/event-loop';
import { parseICalendar } from '../../../src/datasources/icalendar/icalendar.parse';

describe('work in steps (src/event-loop.ts)', () => {
  it('sorts in steps like Array.prototype.sort, stable for equal keys', () => {
    const items = Array.from({ length: 5000 }, (_, i) => ({ key: (i * 7919) % 97, i }));
    const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
    expect(runAtOnce(sortInSteps(items, byKey, 64))).toEqual([...items].sort(byKey));
    expect(runAtOnce(sortInSteps([], byKey))).toEqual([]);
  });

  it('parses a calendar of many parts (more than 200 VEVENTs) as one: its name, zone and every event', () => {
    const vevents = Array.from({ length: 450 }, (_, i) => [
      'BEGIN:VEVENT', `UID:e${i}@t`, `DTSTART:202603${String((i % 28) + 1).padStart(2, '0')}T1${i % 10}0000Z`, 'DURATION:PT1H', 'END:VEVENT',
    ]).flat();
    const body = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'X-WR-CALNAME:Many', ...vevents, 'X-WR-TIMEZONE:Europe/Berlin', 'END:VCALENDAR', ''].join('\r\n');
    const parsed = parseICalendar(body, { defaultTimezone: 'UTC', window: { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') } });
    expect([parsed.name, parsed.timezone, parsed.occurrences.length, parsed.skipped.length]).toEqual(['Many', 'Europe/Berlin', 450, 0]);
    expect(new Set(parsed.occurrences.map((o) => o.uid)).size).toBe(450);
  });
});
