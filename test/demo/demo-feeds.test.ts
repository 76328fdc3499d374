import { hsdsSource } from '../../src/datasources/hsds/hsds.source';
import { isSkipped, mapHsdsService } from '../../src/datasources/hsds/hsds.map';
import { servicesFromJson } from '../../src/datasources/hsds/hsds.parse';
import { mapJsonLdEvents } from '../../src/datasources/jsonld/jsonld.map';
import { parseJsonLd } from '../../src/datasources/jsonld/jsonld.parse';
import { mapLibCalEvents } from '../../src/datasources/libcal/libcal.map';
import { NormalizedService } from '../../src/datasources/shared/service-item';
import { Audience, RegistrationMode } from '../../src/domain/enums';
import { libraryLibCalEvents } from '../../demo/feeds/library-libcal';
import { museumEventsPage } from '../../demo/feeds/museum-jsonld';
import { foodShareServices, literacyServices } from '../../demo/feeds/nonprofits-hsds';
import { leakedLibCalPrivateValues } from '../support/libcal-private';

const now = new Date('2026-11-27T15:00:00Z');
const ZONE = 'America/Chicago';
const window = { from: now, to: new Date(now.getTime() + 56 * 864e5) };

describe('the Millbrook partner feeds in demo/feeds', () => {
  it('the museum page yields its exhibition, a weekly program and a ticketed talk', () => {
    const doc = parseJsonLd(museumEventsPage(now), 'text/html');
    const { events, skipped } = mapJsonLdEvents(doc.nodes, { zone: ZONE, window });
    expect(skipped).toEqual([]);
    const byTitle = (t: string) => events.filter((e) => e.title === t);
    expect(byTitle('Exhibition: Lock & Dam No. 9')).toHaveLength(1);
    expect(byTitle('Toddler Gallery Walk')).toHaveLength(8);
    // Family Science Saturday is the museum's NATIVE program (demo/town.ts), so the page does not list it twice.
    expect(byTitle('Family Science Saturday')).toEqual([]);
    const [talk] = byTitle('Evening Talk: A River Pilot\'s Life');
    expect(talk.registration).toEqual({ mode: RegistrationMode.EXTERNAL, url: 'https://museum.millbrook.example/tickets/river-pilot', capacity: 60, confirmed: 19 });
    expect(byTitle('Toddler Gallery Walk')[0].audiences).toEqual([Audience.BABIES, Audience.TODDLERS, Audience.PRESCHOOL]); // 1-3 inclusive
  });

  it('the nonprofits publish five listings and two dated sessions', () => {
    const services = servicesFromJson([...foodShareServices(now), ...literacyServices(now)], 'demo')
      .map((raw) => mapHsdsService(raw, { zone: ZONE, window }))
      .filter((m): m is NormalizedService => !isSkipped(m));
    expect(services.map((s) => s.name)).toEqual(['Emergency Food Pantry', 'SNAP Application Help', 'Adult Literacy Tutoring', 'GED Preparation', 'Citizenship Class']);
    expect(services.flatMap((s) => s.sessions.map((e) => e.title))).toEqual(['Emergency Food Pantry', 'Family Reading Night']);
    expect(hsdsSource.format).toBe('HSDS');
  });

  it('the library\'s LibCal-registered programs map with their counts and wait list, without any private field', () => {
    const raw = libraryLibCalEvents(now);
    const { events, skipped } = mapLibCalEvents(raw.events, ZONE);
    expect(skipped).toEqual([]);
    expect(events).toHaveLength(10);
    const talk = events.find((e) => e.title.startsWith('Author Talk'))!;
    expect(talk.registration).toMatchObject({ mode: RegistrationMode.EXTERNAL, capacity: 280, confirmed: 95 });
    expect(talk.details?.waitlist).toBe(false); // wait_list: 0
    expect(events.filter((e) => e.title.startsWith('Teen Makerspace')).map((e) => e.details?.waitlist)).toEqual(Array(8).fill(true));
    // The export does carry every kind of private value (the check is not vacuous), and none survives mapping.
    expect(leakedLibCalPrivateValues(raw.events, JSON.stringify(raw))).toEqual([
      'Order more servo motors before week 4.',
      ...Array.from({ length: 8 }, (_, i) => `https://millbrook.libcal.example/admin/event/${90000 + i}`),
      'river-2026', 'https://zoom.example/s/000000?zak=host', 'https://zoom.example/j/000000', 'https://millbrook.libcal.example/admin/event/91000',
      'https://millbrook.libcal.example/admin/event/92000',
    ]);
    expect(leakedLibCalPrivateValues(raw.events, JSON.stringify(events))).toEqual([]);
  });
});
