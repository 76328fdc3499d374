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
import { IsNull } from 'typeorm';
import { demoRegistrations } from '../../demo/occurrence-registrations';
import { seedDemo } from '../../demo/seed';
import { EventEntity } from '../../src/model/event.entity';
import { LocationEntity } from '../../src/model/location.entity';
import { RegistrationEntity } from '../../src/model/registration.entity';
import { describeEachBackend } from '../support/backends';
import { createTestGraph, TestGraph } from '../support/graph';
import { storedCounts } from '../support/native-event';

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
    expect([upcoming.length, museum.length, libcal.length]).toEqual([51, 10, 9]);
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
    expect(native).toEqual(['Tech Help for Seniors', 'Lego Build Club']);
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

describe('the demo town\'s registrations, generated from a seed', () => {
  const now = new Date('2026-11-27T15:00:00Z');
  const registrable = demoOccurrences(PROGRAMS, now).filter((o) => o.program.capacity != null);

  it('draws them without Math.random, so the same program, date and now give the same people', () => {
    const random = jest.spyOn(Math, 'random').mockImplementation(() => { throw new Error('the demo must not call Math.random'); });
    try {
      const first = registrable.map((o) => demoRegistrations(o, now));
      const again = demoOccurrences(PROGRAMS, now).filter((o) => o.program.capacity != null).map((o) => demoRegistrations(o, now));
      expect(again).toEqual(first);
    } finally {
      random.mockRestore();
    }
  });

  it('keeps every party within the program\'s party size, and waitlists only behind a party that did not fit', () => {
    for (const o of registrable) {
      const { parties, confirmedCount, waitlistedCount } = demoRegistrations(o, now);
      expect(parties.every((p) => p.partySize >= 1 && p.partySize <= o.program.maxPartySize!)).toBe(true);
      expect(confirmedCount).toBeLessThanOrEqual(o.program.capacity!);
      expect(waitlistedCount).toBeLessThanOrEqual(o.program.waitlist ?? 0);
      const firstWaiting = parties.find((p) => p.status === 'WAITLISTED');
      // claimSeats would have confirmed the first waitlisted party had it fitted in the seats left.
      if (firstWaiting) expect(confirmedCount + firstWaiting.partySize).toBeGreaterThan(o.program.capacity!);
      expect(new Set(parties.map((p) => p.email)).size).toBe(parties.length);
      expect(parties.every((p) => p.createdAt <= now && p.createdAt <= o.startsAt)).toBe(true);
    }
  });
});

describeEachBackend('the seeded demo town', (backend) => {
  const now = new Date('2026-11-27T15:00:00Z');
  let graph: TestGraph;
  let twin: TestGraph;
  let events: EventEntity[];
  let registrations: RegistrationEntity[];
  beforeAll(async () => {
    [graph, twin] = await Promise.all([createTestGraph(backend), createTestGraph(backend)]);
    await seedDemo(graph.db, now);
    await seedDemo(twin.db, now);
    events = await graph.db.getRepository(EventEntity).find({ where: { sourceId: IsNull() }, order: { id: 'ASC' } });
    registrations = await graph.db.getRepository(RegistrationEntity).find({ order: { id: 'ASC' } });
  });
  afterAll(() => Promise.all([graph?.close(), twin?.close()]));

  it('varies the registrations of one program from date to date', () => {
    for (const program of PROGRAMS.filter((p) => p.capacity != null)) {
      const counts = events.filter((e) => e.title === program.title).map((e) => e.confirmedCount);
      expect([program.title, new Set(counts).size > 1]).toEqual([program.title, true]);
    }
  });

  it('has full dates with people waitlisted, dates with room, and nearly empty dates', () => {
    const full = events.filter((e) => e.capacity != null && e.confirmedCount === e.capacity && e.waitlistedCount > 0);
    expect(full.length).toBeGreaterThanOrEqual(2);
    expect(registrations.some((r) => r.status === 'WAITLISTED' && r.waitlistPosition === 1)).toBe(true);
    expect(events.some((e) => e.capacity != null && e.confirmedCount > 0 && e.confirmedCount < e.capacity)).toBe(true);
    expect(events.some((e) => e.capacity != null && e.confirmedCount < e.capacity * 0.25)).toBe(true);
  });

  it('cancels one or two dates, as a real calendar does, and says so in the description', () => {
    const cancelled = events.filter((e) => e.status === 'CANCELLED');
    expect(cancelled.length).toBeGreaterThanOrEqual(1);
    expect(cancelled.length).toBeLessThanOrEqual(2);
    for (const e of cancelled) expect(e.description).toMatch(/^Cancelled this week: /);
  });

  it('gives every location a complete address: street, city, state and postal code', async () => {
    const locations = await graph.db.getRepository(LocationEntity).find();
    expect(locations.length).toBe(8);
    // The nonprofits' HSDS listings restate their addresses with the country (", US").
    for (const l of locations) expect([l.name, l.address]).toEqual([l.name, expect.stringMatching(/^\d+ [A-Z][\w ]+, Millbrook, IA \d{5}(, US)?$/)]);
  });

  it('registers people with varied names, none of them placeholders', () => {
    expect(registrations.length).toBeGreaterThan(100);
    expect(new Set(registrations.map((r) => r.name)).size).toBeGreaterThan(registrations.length / 3);
    expect(registrations.filter((r) => /guest|demo|test/i.test(r.name))).toEqual([]);
    expect(registrations.every((r) => /^[a-z.]+\d*@example\.(org|com|net)$/.test(r.email))).toBe(true);
  });

  it('stores on each event the counters its registration rows add up to, as the registration service keeps them', async () => {
    for (const event of events) {
      const counts = await storedCounts(graph.db, event.id);
      expect({ id: event.id, ...counts.rows, waitlistPositions: undefined }).toEqual({ id: event.id, confirmed: counts.confirmed, waitlisted: counts.waitlisted, attended: counts.attended, waitlistPositions: undefined });
      expect(counts.rows.waitlistPositions).toEqual(counts.rows.waitlistPositions.map((_, i) => i + 1));
    }
    expect(events.some((e) => e.attendedCount > 0)).toBe(true);
  });

  it('writes the same rows when seeded again at the same now (apart from each registration\'s random cancel-token hash)', async () => {
    const snapshot = async (g: TestGraph) => ({
      events: await g.db.getRepository(EventEntity).find({ where: { sourceId: IsNull() }, order: { id: 'ASC' } }),
      registrations: (await g.db.getRepository(RegistrationEntity).find({ order: { id: 'ASC' } })).map(({ cancelTokenHash, ...rest }) => rest),
      locations: await g.db.getRepository(LocationEntity).find({ order: { id: 'ASC' } }),
    });
    const [a, b] = await Promise.all([snapshot(graph), snapshot(twin)]);
    expect(a.registrations.length).toBe(registrations.length);
    expect(b).toEqual(a);
  });
});
