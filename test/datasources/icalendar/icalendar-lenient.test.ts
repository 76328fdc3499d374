import { IcsOccurrence, parseICalendar } from '../../../src/datasources/icalendar/icalendar.parse';

/**
 * Issue 31: what old and odd producers write, each read as a rule for its whole class. Every case is a
 * small calendar written here by hand (not a copy of a corpus file); the differential test against the
 * Python reference (DIFFERENTIAL_ICS_DIR) shows the real files of each class agreeing.
 */
const window = { from: new Date('1990-01-01T00:00:00Z'), to: new Date('2040-01-01T00:00:00Z') };
const calendar = (...lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Community Graph//lenient test//EN', ...lines, 'END:VCALENDAR', ''].join('\r\n');
const vevent = (uid: string, ...lines: string[]) => ['BEGIN:VEVENT', `UID:${uid}`, 'SUMMARY:test', ...lines, 'END:VEVENT'];
const parse = (ics: string) => parseICalendar(ics, { defaultTimezone: 'America/New_York', window });
const days = (occurrences: IcsOccurrence[], uid: string) => occurrences.filter((o) => o.uid === uid).map((o) => [o.allDay, o.startDate, o.endDate]);

describe('iCalendar lenient reading: DATE-shaped values without VALUE=DATE', () => {
  it('reads a date with a TZID and no VALUE=DATE (Google holiday calendars) as an all-day date', () => {
    const { occurrences, skipped } = parse(calendar(
      ...vevent('christmas@holidays', 'DTSTART;TZID=America/Los_Angeles:20041225', 'DTEND;TZID=America/Los_Angeles:20041226', 'RRULE:FREQ=YEARLY;COUNT=2'),
    ));
    expect(skipped).toEqual([]);
    expect(days(occurrences, 'christmas@holidays')).toEqual([[true, '2004-12-25', '2004-12-26'], [true, '2005-12-25', '2005-12-26']]);
  });

  it('reads a bare date (no parameter at all) as an all-day date, also in RECURRENCE-ID', () => {
    const { occurrences, skipped } = parse(calendar(
      ...vevent('bare@old-exporter', 'DTSTART:20060611', 'DTEND:20060613', 'RRULE:FREQ=WEEKLY;COUNT=2'),
      ...vevent('bare@old-exporter', 'RECURRENCE-ID:20060618', 'DTSTART:20060619', 'DTEND:20060620'),
    ));
    expect(skipped).toEqual([]);
    expect(days(occurrences, 'bare@old-exporter')).toEqual([[true, '2006-06-11', '2006-06-13'], [true, '2006-06-19', '2006-06-20']]);
  });
});

describe('iCalendar lenient reading: quoted and non-ASCII TZIDs', () => {
  // A feed-defined zone at +01:00 / +02:00 (EU rules) under a name no zone database knows.
  const vtimezone = (tzid: string) => [
    'BEGIN:VTIMEZONE', `TZID:${tzid}`,
    'BEGIN:STANDARD', 'DTSTART:16010101T030000', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10', 'END:STANDARD',
    'BEGIN:DAYLIGHT', 'DTSTART:16010101T020000', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3', 'END:DAYLIGHT',
    'END:VTIMEZONE',
  ];
  const startOf = (vtimezoneTzid: string, eventTzid: string) => {
    const { occurrences, skipped } = parse(calendar(
      ...vtimezone(vtimezoneTzid),
      ...vevent('sprechstunde@exchange', `DTSTART;TZID=${eventTzid}:20260610T100000`, `DTEND;TZID=${eventTzid}:20260610T110000`),
    ));
    expect(skipped).toEqual([]);
    return occurrences.map((o) => o.start.toISOString());
  };

  it('finds a VTIMEZONE whose own TZID value is quoted (Exchange), from a quoted or bare parameter', () => {
    // 10:00 at +02:00 in June; before, the zone went unmatched and the event was read in New York time (14:00Z).
    expect(startOf('"Mitteleuropäische Zeit"', '"Mitteleuropäische Zeit"')).toEqual(['2026-06-10T08:00:00.000Z']);
    expect(startOf('"Mitteleuropäische Zeit"', 'Mitteleuropäische Zeit')).toEqual(['2026-06-10T08:00:00.000Z']);
  });

  it('matches a non-ASCII TZID written composed in one place and decomposed (NFD) in the other', () => {
    const composed = 'Mitteleurop\u00e4ische Zeit';
    const decomposed = 'Mitteleuropa\u0308ische Zeit';
    expect(startOf(decomposed, `"${composed}"`)).toEqual(['2026-06-10T08:00:00.000Z']);
    expect(startOf(composed, decomposed)).toEqual(['2026-06-10T08:00:00.000Z']);
  });
});

describe('iCalendar lenient reading: properties RFC 5545 allows once, written twice', () => {
  it('skips only the VEVENT with two different DTSTARTs, naming both lines, and keeps the rest', () => {
    const { occurrences, skipped } = parse(calendar(
      ...vevent('twice@odd', 'DTSTART:20260610T080000Z', 'DTSTART:20260610T100000Z', 'DTEND:20260610T110000Z'),
      ...vevent('once@odd', 'DTSTART:20260611T080000Z', 'DTEND:20260611T090000Z'),
    ));
    expect(occurrences.map((o) => o.uid)).toEqual(['once@odd']);
    expect(skipped).toEqual([{ externalId: 'twice@odd', reason: expect.stringMatching(/^VEVENT at line 4 \(UID twice@odd\): DTSTART at line 8 repeats the DTSTART of line 7/) }]);
  });

  it('reads a VEVENT that repeats a property with the very same value', () => {
    const { occurrences, skipped } = parse(calendar(
      ...vevent('echo@odd', 'DTSTART:20260610T080000Z', 'DTSTART:20260610T080000Z', 'DTEND:20260610T090000Z'),
    ));
    expect(skipped).toEqual([]);
    expect(occurrences.map((o) => o.start.toISOString())).toEqual(['2026-06-10T08:00:00.000Z']);
  });
});

describe('iCalendar lenient reading: yearly rules across leap days', () => {
  it('repeats a yearly event from 29 February only in leap years, and COUNT counts only those (RFC 5545 §3.3.10)', () => {
    const { occurrences, skipped } = parse(calendar(
      ...vevent('leap-birthday@calendar', 'DTSTART;VALUE=DATE:20040229', 'DTEND;VALUE=DATE:20040301', 'RRULE:FREQ=YEARLY;COUNT=3'),
      ...vevent('leap-meeting@calendar', 'DTSTART;TZID=Europe/Berlin:20040229T100000', 'RRULE:FREQ=YEARLY;UNTIL=20090101T000000Z'),
    ));
    expect(skipped).toEqual([]);
    expect(days(occurrences, 'leap-birthday@calendar').map(([, start]) => start)).toEqual(['2004-02-29', '2008-02-29', '2012-02-29']);
    expect(occurrences.filter((o) => o.uid === 'leap-meeting@calendar').map((o) => o.start.toISOString())).toEqual(['2004-02-29T09:00:00.000Z', '2008-02-29T09:00:00.000Z']);
  });

  it('keeps a yearly rule that names its own month and day as it is', () => {
    const { occurrences } = parse(calendar(
      ...vevent('last-of-february@calendar', 'DTSTART;VALUE=DATE:20040229', 'RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1;COUNT=3'),
    ));
    expect(days(occurrences, 'last-of-february@calendar').map(([, start]) => start)).toEqual(['2004-02-29', '2005-02-28', '2006-02-28']);
  });
});

describe('iCalendar lenient reading: empty rules and impossible durations', () => {
  it('reads an event with an empty "RRULE:" (holiday exporters write it on events that do not repeat) as one occurrence', () => {
    const { occurrences, skipped } = parse(calendar(
      ...vevent('new-year@holiday-export', 'DTSTART;VALUE=DATE:20190101', 'DTEND;VALUE=DATE:20190102', 'RRULE:'),
    ));
    expect(skipped).toEqual([]);
    expect(days(occurrences, 'new-year@holiday-export')).toEqual([[true, '2019-01-01', '2019-01-02']]);
  });

  it('ignores a DURATION no date can hold, keeps the event with the length of one without an end, and notes the line', () => {
    const { occurrences, skipped, notes } = parse(calendar(
      ...vevent('forever@odd', 'DTSTART:20240101T000000Z', 'DURATION:P999999999999999999W'),
      ...vevent('hour@odd', 'DTSTART:20240102T000000Z', 'DURATION:PT1H'),
    ));
    expect(occurrences.map((o) => [o.uid, o.start.toISOString(), o.end.getTime() - o.start.getTime()])).toEqual([
      ['forever@odd', '2024-01-01T00:00:00.000Z', 0], ['hour@odd', '2024-01-02T00:00:00.000Z', 3_600_000],
    ]);
    expect(skipped).toEqual([]);
    expect(notes).toEqual([expect.stringMatching(/^VEVENT at line 4 \(UID forever@odd\): DURATION P\d+W is longer than any calendar can hold; it was ignored/)]);
  });

  it('reads a DURATION in hours on an all-day start as whole days, at least one (RFC 5545 §3.8.2.5 wants days or weeks there)', () => {
    const { occurrences, skipped } = parse(calendar(
      ...vevent('ten-hours@t', 'DTSTART;VALUE=DATE:20000101', 'DURATION:PT10H'),
      ...vevent('thirty-six-hours@t', 'DTSTART;VALUE=DATE:20000105', 'DURATION:PT36H'),
      ...vevent('a-week@t', 'DTSTART;VALUE=DATE:20000110', 'DURATION:P1W'),
    ));
    expect(skipped).toEqual([]);
    expect(occurrences.map((o) => [o.uid, o.startDate, o.endDate])).toEqual([
      ['ten-hours@t', '2000-01-01', '2000-01-02'], ['thirty-six-hours@t', '2000-01-05', '2000-01-07'], ['a-week@t', '2000-01-10', '2000-01-17'],
    ]);
  });

  it('ignores a DTEND that is no date ("DTEND:None"): a timed event ends at its start, an all-day one lasts its day', () => {
    const { occurrences, skipped, notes } = parse(calendar(
      ...vevent('none@exporter', 'DTSTART;TZID=Europe/Berlin:20230112T180000', 'DTEND:None'),
      ...vevent('day@exporter', 'DTSTART;VALUE=DATE:20230113', 'DTEND;VALUE=DATE:soon'),
    ));
    expect(skipped).toEqual([]);
    expect(occurrences.map((o) => [o.uid, o.start.toISOString(), o.end.toISOString()])).toEqual([
      ['none@exporter', '2023-01-12T17:00:00.000Z', '2023-01-12T17:00:00.000Z'], ['day@exporter', '2023-01-13T05:00:00.000Z', '2023-01-14T05:00:00.000Z'],
    ]);
    expect(notes).toEqual([
      'VEVENT at line 4 (UID none@exporter): DTEND is not a date or date-time; it was ignored and the event given the length RFC 5545 §3.6.1 gives an event without an end.',
      'VEVENT at line 10 (UID day@exporter): DTEND is not a date or date-time; it was ignored and the event given the length RFC 5545 §3.6.1 gives an event without an end.',
    ]);
  });
});

describe('iCalendar lenient reading: stray lines and misspelt ENDs', () => {
  it('drops a line with no ":" inside an event (a stray token, NAME=value, a quoted value) and reads the rest of that event', () => {
    const { occurrences, skipped, notes } = parse(calendar(
      ...vevent('stray@t', 'DTSTART:20150905T090000Z', 'DTEND:20150905T100000Z', 'X-APPLE-RADIUS=49.9', 'LOCATION:Main Library', 'BEGIN:VALARM', 'ACTION:DISPLAY', 'X', 'END:VALARM'),
    ));
    expect(skipped).toEqual([]);
    expect(occurrences.map((o) => [o.uid, o.start.toISOString(), o.end.toISOString(), o.summary, o.location])).toEqual([
      ['stray@t', '2015-09-05T09:00:00.000Z', '2015-09-05T10:00:00.000Z', 'test', 'Main Library'],
    ]);
    expect(notes).toEqual([
      'Line 9 has no ":" between name and value and was ignored; the rest of the VEVENT starting at line 4 was read.',
      'Line 13 has no ":" between name and value and was ignored; the rest of the VEVENT starting at line 4 was read.',
    ]);
  });

  it('still rejects a line with no ":" outside any event, naming it', () => {
    expect(() => parse(calendar('NAME=Library events', ...vevent('x@t', 'DTSTART:20150905T090000Z')))).toThrow('Malformed iCalendar at line 4: the line has no ":" between name and value.');
  });

  it('reads an END that names no component ("END:VCALENDARD", "END:VTOOD") as the END of the innermost open one, and notes it', () => {
    const text = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VTODO', 'UID:todo@t', 'END:VTOOD', ...vevent('kept@t', 'DTSTART:20260301T150000Z'), 'END:VCALENDARD', ''].join('\r\n');
    const { occurrences, notes } = parse(text);
    expect(occurrences.map((o) => [o.uid, o.start.toISOString()])).toEqual([['kept@t', '2026-03-01T15:00:00.000Z']]);
    expect(notes).toEqual([
      'Line 5: END:VTOOD names no component; read as END:VTODO, closing the BEGIN of line 3.',
      'Line 11: END:VCALENDARD names no component; read as END:VCALENDAR, closing the BEGIN of line 1.',
    ]);
  });

  it('still rejects an END naming a real component that is not the open one (a lost END:VEVENT)', () => {
    const text = ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'UID:x@t', 'DTSTART:20260301T150000Z', 'END:VCALENDAR', ''].join('\r\n');
    expect(() => parse(text)).toThrow('Malformed iCalendar at line 5: END:VCALENDAR does not close BEGIN:VEVENT from line 2.');
  });
});

describe('iCalendar lenient reading: components without their VCALENDAR', () => {
  it('reads a body that starts with a VEVENT (a single exported event) as the one calendar it means', () => {
    const bare = [...vevent('lone@mail-client', 'DTSTART;VALUE=DATE:20140409', 'DTEND;VALUE=DATE:20140410', 'RRULE:FREQ=DAILY;COUNT=2'), ''].join('\r\n');
    const { occurrences, skipped } = parse(bare);
    expect(skipped).toEqual([]);
    expect(days(occurrences, 'lone@mail-client')).toEqual([[true, '2014-04-09', '2014-04-10'], [true, '2014-04-10', '2014-04-11']]);
  });

  it('still refuses a body that is no calendar at all, naming the line', () => {
    expect(() => parse('SUMMARY:no component\r\nDTSTART:20140409\r\n')).toThrow('Not an iCalendar feed: line 1 is not BEGIN:VCALENDAR.');
  });
});

describe('iCalendar lenient reading: a revised copy of an event beside the old one', () => {
  it('keeps the copy with the higher SEQUENCE, before or after the older one (RFC 5545 §3.8.7.4)', () => {
    const { occurrences, skipped } = parse(calendar(
      ...vevent('meeting@revised', 'SEQUENCE:2', 'DTSTART:20240115T100000Z', 'DTEND:20240115T110000Z'),
      ...vevent('meeting@revised', 'SEQUENCE:0', 'DTSTART:20240115T090000Z', 'DTEND:20240115T100000Z'),
      ...vevent('party@revised', 'SEQUENCE:1', 'DTSTART:20240120T100000Z', 'DTEND:20240120T110000Z'),
      ...vevent('party@revised', 'SEQUENCE:3', 'DTSTART:20240120T140000Z', 'DTEND:20240120T150000Z'),
    ));
    expect(skipped).toEqual([]);
    expect(occurrences.map((o) => [o.uid, o.start.toISOString()]).sort()).toEqual([
      ['meeting@revised', '2024-01-15T10:00:00.000Z'], ['party@revised', '2024-01-20T14:00:00.000Z'],
    ]);
  });

  it('skips the second of two copies of one revision, naming both lines', () => {
    const { occurrences, skipped } = parse(calendar(
      ...vevent('twin@conflict', 'DTSTART:20240115T100000Z'),
      ...vevent('twin@conflict', 'DTSTART:20240116T100000Z'),
    ));
    expect(occurrences.map((o) => o.start.toISOString())).toEqual(['2024-01-15T10:00:00.000Z']);
    expect(skipped.map((s) => s.reason)).toEqual(['VEVENT at line 9: duplicate UID twin@conflict (first defined at line 4).']);
  });
});
