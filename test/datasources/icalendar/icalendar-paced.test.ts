import { setImmediate as nextTurn } from 'node:timers/promises';
import { parseICalendar, parseICalendarPaced } from '../../../src/datasources/icalendar/icalendar.parse';

const WINDOW = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') };
const feed = (freq: string, series: number) => [
  'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//x//EN',
  ...Array.from({ length: series }, (_, i) => ['BEGIN:VEVENT', `UID:s${i}@t`, 'DTSTART:20260101T000000Z', 'DURATION:PT1M', `RRULE:FREQ=${freq}`, 'END:VEVENT']).flat(),
  'END:VCALENDAR', '',
].join('\r\n');

describe('iCalendar expansion under the per-series limit', () => {
  it('stops a MINUTELY series at the limit: the first occurrences in the window, one skip naming the setting', () => {
    const parsed = parseICalendar(feed('MINUTELY', 1), { defaultTimezone: 'UTC', window: WINDOW, maxOccurrencesPerSeries: 300 });
    expect(parsed.occurrences).toHaveLength(300);
    expect(parsed.occurrences[299].start.toISOString()).toBe('2026-01-01T04:59:00.000Z');
    expect(parsed.skipped.map((s) => s.reason)).toEqual([
      'Series "s0@t" has more than 300 occurrences in the sync window; the rest were skipped (SYNC_MAX_OCCURRENCES_PER_SERIES).',
    ]);
  });

  it('keeps a series under the limit whole, with no skip', () => {
    const parsed = parseICalendar(feed('WEEKLY', 1), { defaultTimezone: 'UTC', window: WINDOW, maxOccurrencesPerSeries: 300 });
    expect([parsed.occurrences.length, parsed.skipped.length]).toEqual([53, 0]);
  });

  it('paced, gives the event loop turns while expanding (a callback queued after it started runs before it ends)', async () => {
    const order: string[] = [];
    const parsing = parseICalendarPaced(feed('MINUTELY', 20), { defaultTimezone: 'UTC', window: WINDOW, maxOccurrencesPerSeries: 2000 })
      .then((parsed) => order.push(`parsed ${parsed.occurrences.length}`));
    void nextTurn().then(() => order.push('other work'));
    await parsing;
    expect(order).toEqual(['other work', 'parsed 40000']);
  });
});
