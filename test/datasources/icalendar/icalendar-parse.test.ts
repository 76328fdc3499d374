import fs from 'node:fs';
import path from 'node:path';
import { toNormalizedEvent } from '../../../src/datasources/icalendar/icalendar.map';
import { IcsOccurrence, parseICalendar } from '../../../src/datasources/icalendar/icalendar.parse';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../../fixtures/ics', name));
const window = { from: new Date('2025-12-01T00:00:00Z'), to: new Date('2027-12-01T00:00:00Z') };
const parse = (name: string, defaultTimezone = 'America/Chicago', w = window) => parseICalendar(fixture(name), { defaultTimezone, window: w });
const starts = (occurrences: IcsOccurrence[], uid: string) => occurrences.filter((o) => o.uid === uid).map((o) => o.start.toISOString());
const iso = (s: string) => new Date(s).toISOString();

describe('iCalendar parse: recurrence', () => {
  const { occurrences } = parse('recurrence.ics');

  it('expands DAILY, WEEKLY (INTERVAL, several BYDAY), MONTHLY (BYMONTHDAY) and YEARLY (all-day) rules with COUNT', () => {
    expect(starts(occurrences, 'daily@t')).toEqual(['2026-01-05T15:00:00Z', '2026-01-06T15:00:00Z', '2026-01-07T15:00:00Z'].map(iso));
    expect(starts(occurrences, 'weekly@t')).toEqual(['2026-01-05T15:00:00Z', '2026-01-07T15:00:00Z', '2026-01-19T15:00:00Z', '2026-01-21T15:00:00Z'].map(iso));
    expect(starts(occurrences, 'monthly@t')).toEqual(['2026-01-16T00:00:00Z', '2026-02-16T00:00:00Z', '2026-03-15T23:00:00Z'].map(iso));
    expect(occurrences.filter((o) => o.uid === 'yearly@t').map((o) => [o.startDate, o.endDate])).toEqual([['2026-07-04', '2026-07-05'], ['2027-07-04', '2027-07-05']]);
  });

  it('honours ordinal BYDAY: 2MO is the second Monday, -1FR the last Friday of the month', () => {
    expect(starts(occurrences, 'second-monday@t')).toEqual(['2026-01-13T00:30:00Z', '2026-02-10T00:30:00Z', '2026-03-09T23:30:00Z'].map(iso));
    expect(starts(occurrences, 'last-friday@t')).toEqual(['2026-01-30T21:00:00Z', '2026-02-27T21:00:00Z', '2026-03-27T20:00:00Z'].map(iso));
  });

  it('compares a UTC UNTIL with a local DTSTART as instants (the 09:00 CDT instance after UNTIL=10:00Z is excluded)', () => {
    expect(starts(occurrences, 'until-utc@t')).toEqual(
      ['2026-03-05T15:00:00Z', '2026-03-06T15:00:00Z', '2026-03-07T15:00:00Z', '2026-03-08T14:00:00Z', '2026-03-09T14:00:00Z'].map(iso));
  });

  it('keeps a 09:00 local weekly class at 09:00 local across the DST change (15:00Z, then 14:00Z)', () => {
    const dst = occurrences.filter((o) => o.uid === 'dst@t');
    expect(dst.map((o) => o.start.toISOString())).toEqual(['2026-03-02T15:00:00Z', '2026-03-09T14:00:00Z', '2026-03-16T14:00:00Z'].map(iso));
    expect(dst.map((o) => o.end.getTime() - o.start.getTime())).toEqual([3600_000, 3600_000, 3600_000]);
  });

  it('returns only occurrences starting inside the window', () => {
    const narrow = parse('recurrence.ics', 'America/Chicago', { from: new Date('2026-01-06T00:00:00Z'), to: new Date('2026-01-07T00:00:00Z') });
    expect(narrow.occurrences.map((o) => o.uid)).toEqual(['daily@t']);
  });
});

describe('iCalendar parse: EXDATE and RDATE', () => {
  it('removes instances named by several EXDATE lines (DATE-TIME with their own TZID, DATE, UTC) and adds RDATEs', () => {
    const { occurrences } = parse('exdate-rdate.ics');
    expect(starts(occurrences, 'exdates@t')).toEqual(['2026-06-01T22:00:00Z', '2026-06-04T22:00:00Z', '2026-06-08T22:00:00Z', '2026-06-20T17:00:00Z'].map(iso));
  });
});

describe('iCalendar parse: RECURRENCE-ID overrides', () => {
  const { occurrences } = parse('overrides.ics');
  const club = occurrences.filter((o) => o.uid === 'moved@t');

  it('replaces the instance an override names, also when the override (listed before its master) uses another TZID', () => {
    expect(club.map((o) => [o.start.toISOString(), o.summary, o.key])).toEqual([
      [iso('2026-09-02T23:00:00Z'), 'Club', '20260902T230000Z'],
      [iso('2026-09-09T19:00:00Z'), 'Club (moved to the afternoon)', '20260909T230000Z'],
      [iso('2026-09-16T23:00:00Z'), 'Club', '20260916T230000Z'],
      [iso('2026-09-23T23:00:00Z'), 'Club', '20260923T230000Z'],
    ]);
    expect(club[1].location).toBe('Eastside Branch'); // missing fields come from the master
  });

  it('cancels exactly the one occurrence a STATUS:CANCELLED override names', () => {
    expect(club.map((o) => toNormalizedEvent(o).status)).toEqual(['SCHEDULED', 'SCHEDULED', 'CANCELLED', 'SCHEDULED']);
  });

  it('matches a DATE-TIME RECURRENCE-ID against a DATE master by its day', () => {
    const days = occurrences.filter((o) => o.uid === 'dayoff@t');
    expect(days.map((o) => [o.allDay, o.summary, o.key])).toEqual([
      [true, 'No school', '20261005'], [false, 'Half day instead', '20261012'], [true, 'No school', '20261019'],
    ]);
    expect(days[1].start.toISOString()).toBe(iso('2026-10-12T13:00:00Z'));
  });
});

describe('iCalendar parse: time zones', () => {
  const { occurrences, timezone } = parse('zones.ics');
  const one = (uid: string) => occurrences.find((o) => o.uid === uid)!;

  it('reads times through the feed\'s VTIMEZONE when its TZID is no known zone name', () => {
    expect(one('vtimezone@t').start.toISOString()).toBe(iso('2026-01-15T15:00:00Z'));
  });

  it('reads IANA TZIDs, Windows zone names (via the CLDR mapping) and raw offsets', () => {
    expect([one('iana@t').start.toISOString(), one('iana@t').timezone]).toEqual([iso('2026-01-15T00:00:00Z'), 'Asia/Tokyo']);
    expect([one('windows@t').start.toISOString(), one('windows@t').timezone]).toEqual([iso('2026-07-15T07:00:00Z'), 'Europe/Berlin']);
    expect([one('offset@t').start.toISOString(), one('offset@t').timezone]).toEqual([iso('2026-01-15T03:30:00Z'), 'UTC+5:30']);
  });

  it('reads floating times in X-WR-TIMEZONE, and Google-style UTC times keep their instant with X-WR-TIMEZONE as the zone', () => {
    expect(timezone).toBe('Europe/Berlin');
    expect([one('floating@t').start.toISOString(), one('floating@t').timezone]).toEqual([iso('2026-07-15T07:00:00Z'), 'Europe/Berlin']);
    expect([one('google-utc@t').start.toISOString(), one('google-utc@t').timezone]).toEqual([iso('2026-07-15T07:00:00Z'), 'Europe/Berlin']);
  });

  it('reads floating times in the partner\'s zone when the feed names none (never silently UTC)', () => {
    const [o] = parse('floating-partner-zone.ics', 'America/Chicago').occurrences;
    expect([o.start.toISOString(), o.timezone]).toEqual([iso('2026-07-15T14:00:00Z'), 'America/Chicago']);
  });
});

describe('iCalendar parse: all-day events', () => {
  const { occurrences } = parse('all-day.ics');
  const dates = (uid: string) => { const o = occurrences.find((x) => x.uid === uid)!; return [o.allDay, o.startDate, o.endDate]; };

  it('keeps VALUE=DATE with its exclusive DTEND, and starts at local midnight of the partner\'s zone', () => {
    expect(dates('exclusive@t')).toEqual([true, '2026-11-23', '2026-11-24']);
    expect(occurrences.find((x) => x.uid === 'exclusive@t')!.start.toISOString()).toBe(iso('2026-11-23T06:00:00Z'));
  });

  it('treats DTSTART = DTEND and a missing DTEND as one day', () => {
    expect(dates('same@t')).toEqual([true, '2026-11-24', '2026-11-25']);
    expect(dates('noend@t')).toEqual([true, '2026-11-25', '2026-11-26']);
  });

  it('reads a DATE value that carries a time part as the date', () => {
    expect(dates('timepart@t')).toEqual([true, '2026-11-26', '2026-11-27']);
  });

  it('keeps multi-day all-day events as one occurrence spanning its days', () => {
    expect(dates('multiday@t')).toEqual([true, '2026-12-21', '2027-01-04']);
  });
});

describe('iCalendar parse: text', () => {
  const calendar = parse('text.ics');
  const [concert, cancelled] = calendar.occurrences.map(toNormalizedEvent);

  it('unfolds lines, unescapes commas, semicolons and newlines, and keeps non-ASCII', () => {
    expect(concert.title).toBe('Concert, choir ; band – Ünïcode 🎵');
    expect(concert.description).toBe('Line one\nLine two with bold and that is folded.');
  });

  it('maps CATEGORIES (several lines), age-band categories, LOCATION + GEO, URL and STATUS', () => {
    expect(concert.categories).toEqual(['Music', 'Families', 'Teens']);
    expect(concert.audiences.sort()).toEqual(['FAMILIES', 'TEENS']);
    expect(concert.place).toEqual({ name: 'Millbrook High School', address: 'Millbrook High School, 400 Scholar Way, Millbrook', lat: 41.5101, lon: -90.5903 });
    expect(concert.url).toBe('https://schools.millbrook.example/concert');
    expect(concert.status).toBe('SCHEDULED');
    expect([cancelled.status, cancelled.url, cancelled.attendanceMode, cancelled.place]).toEqual(['CANCELLED', null, 'ONLINE', null]);
    expect(cancelled.endsAt).toEqual(cancelled.startsAt);
  });

  it('reads the calendar name from NAME, else X-WR-CALNAME', () => {
    expect(calendar.name).toBe('Millbrook Schools');
    expect(parse('zones.ics').name).toBeNull();
  });
});

describe('iCalendar parse: stable occurrence ids', () => {
  it('gives each occurrence UID + recurrence instance, groups a series by UID, and keeps ids across parses', () => {
    const events = parse('overrides.ics').occurrences.map(toNormalizedEvent);
    expect(events.filter((e) => e.seriesKey === 'moved@t').map((e) => e.externalId)).toEqual(
      ['moved@t#20260902T230000Z', 'moved@t#20260909T230000Z', 'moved@t#20260916T230000Z', 'moved@t#20260923T230000Z']);
    expect(parse('overrides.ics').occurrences.map(toNormalizedEvent).map((e) => e.externalId)).toEqual(events.map((e) => e.externalId));
    const single = parse('text.ics').occurrences.map(toNormalizedEvent)[0];
    expect([single.externalId, single.seriesKey]).toEqual(['text@t', null]);
  });
});

describe('iCalendar parse: bad input', () => {
  it('rejects an HTML page, naming the line', () => {
    expect(() => parse('html-error-page.ics')).toThrow('Not an iCalendar feed: line 1 is not BEGIN:VCALENDAR. It looks like an HTML/XML page (often an error or login page).');
  });

  it('rejects a truncated feed, naming the component left open', () => {
    expect(() => parse('truncated.ics')).toThrow('Truncated iCalendar feed: BEGIN:VEVENT at line 4 is never closed (the feed ends at line 7).');
  });

  it('skips a VEVENT with an invalid RRULE, naming its line and component, and keeps the feed', () => {
    const { occurrences, skipped } = parse('invalid-rrule.ics');
    expect(occurrences).toEqual([]);
    expect(skipped).toEqual([{ externalId: 'rule@t', reason: 'VEVENT at line 4 (UID rule@t): Invalid RRULE at line 7 in the VEVENT starting at line 4: FREQ=SOMETIMES is not a valid value.' }]);
  });

  it('rejects an END that closes the wrong component, naming both lines', () => {
    const text = 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20260101T100000Z\r\nEND:VTODO\r\nEND:VCALENDAR\r\n';
    expect(() => parseICalendar(text, { defaultTimezone: 'UTC', window })).toThrow('Malformed iCalendar at line 5: END:VTODO does not close BEGIN:VEVENT from line 2.');
  });

  it('reads a quoted TZID parameter that contains a colon and commas (Outlook display names)', () => {
    const text = ['BEGIN:VCALENDAR', 'BEGIN:VTIMEZONE', 'TZID:(UTC+10:00) Canberra, Melbourne, Sydney', 'BEGIN:STANDARD', 'DTSTART:16010101T030000',
      'TZOFFSETFROM:+1100', 'TZOFFSETTO:+1000', 'END:STANDARD', 'END:VTIMEZONE', 'BEGIN:VEVENT', 'UID:q@t',
      'DTSTART;TZID="(UTC+10:00) Canberra, Melbourne, Sydney":20260615T090000', 'SUMMARY:Standup', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
    const [o] = parseICalendar(text, { defaultTimezone: 'Australia/Sydney', window }).occurrences;
    expect(o.start.toISOString()).toBe(iso('2026-06-14T23:00:00Z'));
  });

  it('skips one bad VEVENT with its reason and keeps the good ones', () => {
    const { occurrences, skipped } = parse('one-bad-vevent.ics');
    expect(occurrences.map((o) => o.uid)).toEqual(['good-1@t', 'good-2@t']);
    expect(skipped).toEqual([{ externalId: 'bad@t', reason: 'VEVENT at line 9 (UID bad@t): DTSTART is missing.' }]);
  });
});
