import fs from 'node:fs';
import path from 'node:path';
import { IcsOccurrence, parseICalendar } from '../../../src/datasources/icalendar/icalendar.parse';

/**
 * The producer quirks of issue 14, one hand-written fixture each (provenance in
 * test/fixtures/ics/README.md), checked against occurrences computed by hand from the RFC 5545 rules.
 * The differential test compares the same files with the Python reference; these pin the exact answer.
 */
const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../../fixtures/ics', name));
const window = { from: new Date('1900-01-01T00:00:00Z'), to: new Date('2100-01-01T00:00:00Z') };
const parse = (name: string, w = window) => parseICalendar(fixture(name), { defaultTimezone: 'America/New_York', window: w });
const of = (occurrences: IcsOccurrence[], uid: string) => occurrences.filter((o) => o.uid === uid);
const starts = (occurrences: IcsOccurrence[], uid: string) => of(occurrences, uid).map((o) => o.start.toISOString().replace('.000Z', 'Z'));
const spans = (occurrences: IcsOccurrence[], uid: string) => of(occurrences, uid).map((o) => [o.start, o.end].map((d) => d.toISOString().replace('.000Z', 'Z')).join('/'));

describe('iCalendar fidelity: producer quirks from real feeds', () => {
  it('reads Exchange CDO rules with spaces after the commas of BYDAY, folded inside the rule', () => {
    const { occurrences, skipped } = parse('exchange-cdo-byday-spaces.ics');
    expect(skipped).toEqual([]);
    const briefing = starts(occurrences, '040000008200E00074C5B7101A82E00800000000B0E1A3C4D5AAD901000000000000000010000000A1B2C3D4E5F60718293A4B5C6D7E8F90');
    // Weekdays from 16 March; 08:30 at +01:00 until the EU change on 29 March, then at +02:00; UNTIL 3 April 07:30Z.
    expect(briefing).toEqual([
      ...['16', '17', '18', '19', '20', '23', '24', '25', '26', '27'].map((d) => `2026-03-${d}T07:30:00Z`),
      ...['03-30', '03-31', '04-01', '04-02', '04-03'].map((d) => `2026-${d}T06:30:00Z`),
    ]);
    expect(starts(occurrences, '040000008200E00074C5B7101A82E00800000000C0F2B4D5E6BBD901000000000000000010000000B2C3D4E5F6071829'))
      .toEqual(['02', '04', '09', '11', '16', '18', '23', '25'].map((d) => `2026-03-${d}T14:30:00Z`));
  });

  it('keeps every event of a Google holiday calendar whose instances are RECURRENCE-ID overrides without a master', () => {
    const { occurrences, skipped, name } = parse('google-holidays-overrides.ics', { from: new Date('2025-12-01T00:00:00Z'), to: new Date('2029-01-01T00:00:00Z') });
    expect([name, skipped]).toEqual(['Holidays in United States', []]);
    expect(occurrences.filter((o) => o.allDay).map((o) => [o.startDate, o.summary])).toEqual([
      ['2026-01-01', "New Year's Day"], ['2026-07-03', 'Independence Day (substitute day)'], ['2026-07-04', 'Independence Day'],
      ['2026-11-26', 'Thanksgiving Day'], ['2027-01-01', "New Year's Day"], ['2027-11-25', 'Thanksgiving Day'],
      ['2028-11-23', 'Thanksgiving Day'],
    ]);
    expect(of(occurrences, 'thanksgiving_p3s6v9y2b5e8h1k4n7q0t3w6z9@google.com').find((o) => o.startDate === '2027-11-25')?.description).toBe('Public holiday, schools closed');
    expect(starts(occurrences, '44v30hsam8kutp4ht0avq0u5od_R20261028T234500@google.com')).toEqual(['2026-11-04T23:45:00Z', '2026-11-11T23:45:00Z']);
  });

  it('finds the VTIMEZONE of a non-ASCII TZID even when a fold splits its UTF-8 bytes', () => {
    const { occurrences, skipped } = parse('non-ascii-tzid.ics');
    expect(skipped).toEqual([]);
    // 16:00 at +01:00, then at +02:00 from 29 March.
    expect(starts(occurrences, 'vorlesestunde-2026@stadtbuecherei.example'))
      .toEqual(['2026-03-10T15:00:00Z', '2026-03-17T15:00:00Z', '2026-03-24T15:00:00Z', '2026-03-31T14:00:00Z', '2026-04-07T14:00:00Z']);
    expect(spans(occurrences, 'lesung-2026@stadtbuecherei.example')).toEqual(['2026-06-18T17:30:00Z/2026-06-18T19:00:00Z']);
  });

  it('keeps the last instance when UNTIL is local time, or UTC in a feed-defined zone, across a DST change', () => {
    const { occurrences } = parse('until-local-dst.ics');
    expect(starts(occurrences, 'chess-club-fall-2026@school.example')).toEqual(
      ['2026-10-05T22:00:00Z', '2026-10-12T22:00:00Z', '2026-10-19T22:00:00Z', '2026-10-26T22:00:00Z', '2026-11-02T23:00:00Z', '2026-11-09T23:00:00Z']);
    expect(starts(occurrences, 'robotics-2026@school.example')).toEqual(['2026-10-22T20:00:00Z', '2026-10-29T20:00:00Z', '2026-11-05T21:00:00Z', '2026-11-12T21:00:00Z']);
    // 10:00 in the feed's own Central European VTIMEZONE; UNTIL 09:00Z is exactly 2 November 10:00 CET.
    expect(starts(occurrences, 'exchange-club-2026@partner.example')).toEqual(
      ['2026-10-05T08:00:00Z', '2026-10-12T08:00:00Z', '2026-10-19T08:00:00Z', '2026-10-26T09:00:00Z', '2026-11-02T09:00:00Z']);
    // A DATE UNTIL on a timed series includes its day.
    expect(starts(occurrences, 'spring-band-2027@school.example')).toEqual(['2027-03-01T12:00:00Z', '2027-03-08T12:00:00Z', '2027-03-15T11:00:00Z']);
  });

  it('gives RDATE;VALUE=PERIOD instances their own end, and EXDATE removes an RDATE as well as a rule instance', () => {
    const { occurrences } = parse('rdate-period-exdate.ics');
    expect(spans(occurrences, '7C1B0A52-91E4-4C3D-9B0E-2F6A1D8E4B11')).toEqual([
      '2026-06-03T08:00:00Z/2026-06-03T10:00:00Z', '2026-06-12T12:00:00Z/2026-06-12T15:00:00Z', '2026-06-17T08:00:00Z/2026-06-17T10:00:00Z',
      '2026-06-24T08:00:00Z/2026-06-24T10:00:00Z', '2026-06-26T08:00:00Z/2026-06-26T09:30:00Z',
    ]);
    expect(spans(occurrences, '8D2C1B63-A2F5-4D4E-8C1F-3A7B2E9F5C22')).toEqual(['2026-07-01T16:00:00Z/2026-07-01T17:00:00Z', '2026-07-15T16:00:00Z/2026-07-15T18:00:00Z']);
  });

  it('reads DTSTART/DTEND/EXDATE/RECURRENCE-ID;VALUE=DATE that carry a time as the dates they say', () => {
    const { occurrences, skipped } = parse('value-date-with-time.ics');
    expect(skipped).toEqual([]);
    expect(occurrences.map((o) => [o.uid, o.allDay, o.startDate, o.endDate, o.key])).toEqual([
      ['pd-days-2026@sis.example', true, '2026-02-02', '2026-02-03', '20260202'],
      ['pd-days-2026@sis.example', true, '2026-03-02', '2026-03-03', '20260302'],
      ['term-break-2026@sis.example', true, '2026-03-16', '2026-03-21', '20260316'],
      ['pd-days-2026@sis.example', true, '2026-05-05', '2026-05-06', '20260504'],
      ['pd-days-2026@sis.example', true, '2026-06-01', '2026-06-02', '20260601'],
    ]);
  });

  it('applies EXDATE lists that mix DATE and DATE-TIME values, each by its own type', () => {
    const { occurrences, skipped } = parse('mixed-exdate.ics');
    expect(skipped).toEqual([]);
    expect(starts(occurrences, 'yoga-2026@rec.example')).toEqual(['2026-05-05T15:00:00Z', '2026-06-09T15:00:00Z']);
    expect(of(occurrences, 'market-2026@rec.example').map((o) => o.startDate)).toEqual(['2026-06-06', '2026-06-27', '2026-07-04']);
  });

  it('resolves quoted Windows TZIDs, with DTEND in another zone than DTSTART', () => {
    const { occurrences } = parse('windows-tzid-quoted.ics');
    expect(spans(occurrences, '040000008200E00074C5B7101A82E00800000000D1A3C5E7F9CCD901000000000000000010000000C3D4E5F60718293A'))
      .toEqual(['2026-03-10T16:00:00Z/2026-03-10T17:00:00Z']);
    expect(starts(occurrences, '040000008200E00074C5B7101A82E00800000000E2B4D6F8A0DDD901000000000000000010000000D4E5F60718293A4B'))
      .toEqual(['2026-03-06T01:00:00Z', '2026-05-08T00:00:00Z']);
    // 15:00 Central to 22:00 London: two hours, before and after the US change on 1 November.
    expect(spans(occurrences, '040000008200E00074C5B7101A82E00800000000F3C5E7A9B1EED901000000000000000010000000E5F60718293A4B5C'))
      .toEqual(['2026-10-29T20:00:00Z/2026-10-29T22:00:00Z', '2026-11-05T21:00:00Z/2026-11-05T23:00:00Z', '2026-11-12T21:00:00Z/2026-11-12T23:00:00Z']);
  });

  it('keeps the seconds of a custom VTIMEZONE offset (LMT +001932) and its DTSTART onset next to RDATEs', () => {
    const { occurrences } = parse('vtimezone-lmt-seconds.ics');
    expect(spans(occurrences, 'concert-1930@heritage.example')).toEqual(['1930-03-01T19:40:28Z/1930-03-01T21:40:28Z']);
    expect(starts(occurrences, 'lecture-1930@heritage.example')).toEqual([
      '1930-07-01T18:40:28Z', '1930-08-01T18:40:28Z', '1930-09-01T18:40:28Z', '1930-10-01T18:40:28Z', '1930-11-01T19:40:28Z', '1930-12-01T19:40:28Z',
    ]);
  });

  it('ends a feed VTIMEZONE rule at its UTC UNTIL read on the observance clock (east of UTC the last onset is kept)', () => {
    const text = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VTIMEZONE', 'TZID:Old Central Europe',
      'BEGIN:STANDARD', 'DTSTART:19811025T030000', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU;UNTIL=19961027T010000Z', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'END:STANDARD',
      'BEGIN:DAYLIGHT', 'DTSTART:19810329T020000', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU;UNTIL=19960331T010000Z', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'END:DAYLIGHT',
      'END:VTIMEZONE',
      'BEGIN:VEVENT', 'UID:a@t', 'DTSTART;TZID=Old Central Europe:19961028T120000', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:b@t', 'DTSTART;TZID=Old Central Europe:19960801T120000', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:c@t', 'DTSTART;TZID=Old Central Europe:19970701T120000', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
    const { occurrences } = parseICalendar(text, { defaultTimezone: 'UTC', window });
    // The 27 October 1996 onset (03:00 at +02:00 = 01:00Z = UNTIL) counts; no summer time after 1996.
    expect(occurrences.map((o) => [o.uid, o.start.toISOString()])).toEqual([
      ['b@t', '1996-08-01T10:00:00.000Z'], ['a@t', '1996-10-28T11:00:00.000Z'], ['c@t', '1997-07-01T11:00:00.000Z'],
    ]);
  });

  it('keeps a VEVENT holding a line with no ":" (a raw newline in its text), dropping that line and naming it in the notes', () => {
    const text = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:broken@t', 'DTSTART:20260601T100000Z', 'DESCRIPTION:First line', 'second line without escaping', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:fine@t', 'DTSTART:20260602T100000Z', 'SUMMARY:Fine', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
    const { occurrences, skipped, notes } = parseICalendar(text, { defaultTimezone: 'UTC', window });
    expect(occurrences.map((o) => [o.uid, o.description])).toEqual([['broken@t', 'First line'], ['fine@t', null]]);
    expect(skipped).toEqual([]);
    expect(notes).toEqual(['Line 7 has no ":" between name and value and was ignored; the rest of the VEVENT starting at line 3 was read.']);
  });

  it('keeps the override with the higher SEQUENCE when an instance is overridden twice, in either order', () => {
    const override = (seq: number, summary: string) => ['BEGIN:VEVENT', 'UID:h@google.com', 'RECURRENCE-ID;VALUE=DATE:20260525', 'DTSTART;VALUE=DATE:20260525', `SEQUENCE:${seq}`, `SUMMARY:${summary}`, 'END:VEVENT'];
    for (const events of [[...override(2, 'Memorial Day'), ...override(1, 'Old')], [...override(1, 'Old'), ...override(2, 'Memorial Day')]]) {
      const text = ['BEGIN:VCALENDAR', 'VERSION:2.0', ...events, 'END:VCALENDAR', ''].join('\r\n');
      expect(parseICalendar(text, { defaultTimezone: 'UTC', window }).occurrences.map((o) => [o.startDate, o.summary])).toEqual([['2026-05-25', 'Memorial Day']]);
    }
  });

  it('still fails the feed when a VTIMEZONE rule is invalid (every event in that zone would be wrong)', () => {
    expect(() => parse('invalid-vtimezone-rrule.ics')).toThrow('Invalid RRULE at line 8 in the STANDARD starting at line 6: FREQ=SOMETIMES is not a valid value.');
  });
});
