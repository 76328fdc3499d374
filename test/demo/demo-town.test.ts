import { demoOccurrences } from '../../demo/occurrences';
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_FEEDS, PARTNERS, PROGRAMS } from '../../demo/town';
import { parseICalendar } from '../../src/datasources/icalendar/icalendar.parse';
import { mapJsonLdEvents } from '../../src/datasources/jsonld/jsonld.map';
import { parseJsonLd } from '../../src/datasources/jsonld/jsonld.parse';
import { museumEventsPage } from '../../demo/feeds/museum-jsonld';
import { libraryLibCalEvents } from '../../demo/feeds/library-libcal';
import { mapLibCalEvents } from '../../src/datasources/libcal/libcal.map';

describe('the Millbrook demo community', () => {
  const now = new Date('2026-11-27T15:00:00Z');
  const occurrences = demoOccurrences(PROGRAMS, now);
  const upcoming = occurrences.filter((o) => o.endsAt > now && o.startsAt < new Date(now.getTime() + 56 * 864e5));

  it('has one library with three branches, one school district, one museum and two nonprofits', () => {
    const kinds = PARTNERS.map((p) => p.kind).sort();
    expect(kinds).toEqual(['LIBRARY', 'MUSEUM', 'NONPROFIT', 'NONPROFIT', 'SCHOOL']);
    expect(PARTNERS.find((p) => p.kind === 'LIBRARY')!.locations).toHaveLength(3);
  });

  it('has at least 60 upcoming events in the next eight weeks, recurring, all-day and with capacity', () => {
    // Native programs plus the museum's page and the library's LibCal export (synced through the
    // JSON-LD and LibCal adapters at seed time); the library and school iCalendar feeds add many more.
    const until = new Date(now.getTime() + 56 * 864e5);
    const museum = mapJsonLdEvents(parseJsonLd(museumEventsPage(now), 'text/html').nodes, {
      zone: 'America/Chicago', window: { from: now, to: until },
    }).events.filter((e) => e.endsAt > now);
    const libcal = mapLibCalEvents(libraryLibCalEvents(now).events, 'America/Chicago').events.filter((e) => e.endsAt > now && e.startsAt < until);
    expect([upcoming.length, museum.length, libcal.length]).toEqual([44, 10, 9]);
    expect(museum.some((e) => e.allDay)).toBe(true);
    expect(upcoming.some((o) => o.program.capacity != null)).toBe(true);
    const perProgram = new Map<string, number>();
    for (const o of upcoming) perProgram.set(o.program.key, (perProgram.get(o.program.key) ?? 0) + 1);
    expect([...perProgram.values()].filter((n) => n >= 4).length).toBeGreaterThanOrEqual(5);
  });

  // Baby Lapsit and the school calendar now come from the partners' iCalendar feeds (demo/feeds), so
  // these checks read them through the real adapter; the feed spans a year, so DST changes are covered too.
  const feed = (file: string) => parseICalendar(fs.readFileSync(path.join(__dirname, '../../demo/feeds', file)), {
    defaultTimezone: 'America/Chicago', window: { from: now, to: new Date(now.getTime() + 400 * 864e5) },
  });

  it('keeps a weekly 10:00 program at 10:00 local time across DST changes and its all-day ends exclusive', () => {
    const lapsit = feed('millbrook-library.ics').occurrences.filter((o) => o.uid.startsWith('baby-lapsit@'));
    expect(lapsit.length).toBeGreaterThanOrEqual(52);
    for (const o of lapsit) {
      expect(new Intl.DateTimeFormat('en-US', { timeZone: 'America/Chicago', hour: '2-digit', minute: '2-digit', hour12: false }).format(o.start)).toBe('10:00');
    }
    const winterBreak = feed('millbrook-schools.ics').occurrences.find((o) => o.uid.startsWith('no-school-winter@'))!;
    expect(winterBreak.allDay).toBe(true);
    const days = (Date.parse(winterBreak.endDate!) - Date.parse(winterBreak.startDate!)) / 864e5;
    expect(days).toBe(12);
  });

  it('lists each library program once: native, in the .ics feed, or in the LibCal export', () => {
    const native = PROGRAMS.filter((p) => p.partner === 'millbrook-library').map((p) => p.title);
    const ics = [...new Set(feed('millbrook-library.ics').occurrences.map((o) => o.summary))];
    const libcal = [...new Set(mapLibCalEvents(libraryLibCalEvents(now).events, 'America/Chicago').events.map((e) => e.title))];
    expect(native).toEqual(['Tech Help for Seniors']);
    expect(libcal).toEqual(['Teen Makerspace: Build a Bot', 'Author Talk: Rivers We Remember', 'Library Closed: Winter Holiday']);
    const all = [...native, ...ics, ...libcal];
    expect(new Set(all).size).toBe(all.length);
  });

  it('publishes the library\'s drop-in programs and the school calendar as feeds that parse cleanly', () => {
    for (const file of DEMO_FEEDS.map((f) => f.file)) {
      const calendar = feed(file);
      expect(calendar.skipped).toEqual([]);
      expect(calendar.occurrences.filter((o) => o.start < new Date(now.getTime() + 56 * 864e5)).length).toBeGreaterThan(4);
    }
  });
});
