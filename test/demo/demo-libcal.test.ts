import { IsNull } from 'typeorm';
import { libraryLibCalEvents } from '../../demo/feeds/library-libcal';
import { seedDemo } from '../../demo/seed';
import { SourceFormat } from '../../src/datasources/adapter';
import { toGlobalId } from '../../src/domain/global-id';
import { EventEntity } from '../../src/model/event.entity';
import { LocationEntity } from '../../src/model/location.entity';
import { SourceEntity } from '../../src/model/source.entity';
import { describeEachBackend } from '../support/backends';
import { createTestGraph, TestGraph } from '../support/graph';
import { leakedLibCalPrivateValues } from '../support/libcal-private';

/** Every public Event field a client can read, so a leak anywhere shows up in the serialized answer. */
const LIBRARY_EVENTS = `query($partner: ID!, $to: DateTime!) {
  events(first: 100, filter: { partnerIds: [$partner], from: "2000-01-01T00:00:00Z", to: $to }) { pageInfo { hasNextPage } edges { node {
  id title description startsAt endsAt allDay startDate endDate timezone status attendanceMode audiences rawAudiences categories
  url imageUrl seriesId organizerName previousStartsAt offers { name price currency url availability }
  location { id name address lat lon accessibility } organizer { slug name website }
  provenance { sourceId externalId stale }
  registration { mode url capacity waitlistCapacity waitlistAvailable confirmed waitlisted remaining maxPartySize opensAt closesAt isOpen }
} } } }`;

describeEachBackend('the demo library\'s LibCal export, synced through the LIBCAL source', (backend) => {
  let graph: TestGraph;
  const now = new Date();
  const raw = libraryLibCalEvents(now).events;
  let source: SourceEntity;
  let nodes: any[];
  beforeAll(async () => {
    graph = await createTestGraph(backend);
    await seedDemo(graph.db, now);
    source = await graph.db.getRepository(SourceEntity).findOneByOrFail({ format: SourceFormat.LIBCAL });
    const library = (await graph.execute('{ partner(slug: "millbrook-library") { id } }')).data!.partner.id;
    // The export spans this week and the next seven: nine weeks hold all of it, on one page.
    const result = await graph.execute(LIBRARY_EVENTS, { partner: library, to: new Date(now.getTime() + 63 * 864e5).toISOString() });
    expect(result.errors).toBeUndefined();
    expect(result.data!.events.pageInfo.hasNextPage).toBe(false);
    nodes = result.data!.events.edges.map((e: any) => e.node);
  });
  afterAll(() => graph.close());

  it('is the library\'s one LIBCAL Source: a file: URL under demo/data, synced cleanly with no credentials', async () => {
    expect(await graph.db.getRepository(SourceEntity).countBy({ format: SourceFormat.LIBCAL })).toBe(1);
    expect(source).toMatchObject({ lastError: null, itemCount: raw.length, options: '{}' });
    expect(source.url).toMatch(/^file:\/\/.*\/demo\/data\/library-libcal-events\.json$/);
    expect(await graph.db.getRepository(EventEntity).countBy({ sourceId: source.id, removedAt: IsNull() })).toBe(raw.length);
  });

  it('delivers its programs as EXTERNAL events with LibCal\'s counts and wait list, each listed once', () => {
    const fromLibCal = nodes.filter((n) => n.provenance?.sourceId === toGlobalId('Source', source.id));
    expect(fromLibCal).toHaveLength(raw.length);
    const makerspace = fromLibCal.filter((n) => n.title === 'Teen Makerspace: Build a Bot');
    expect(makerspace).toHaveLength(8);
    // seats 12, seats_taken 7, 8, ... 12 (full from the sixth week): LibCal takes a waiting list then.
    expect(makerspace.map((n) => n.registration.confirmed)).toEqual([7, 8, 9, 10, 11, 12, 12, 12]);
    expect(makerspace[0].registration).toMatchObject({
      mode: 'EXTERNAL', capacity: 12, remaining: 5, waitlistAvailable: true, waitlistCapacity: 0, waitlisted: 0,
      url: `https://millbrook.libcal.example/event/${makerspace[0].provenance.externalId}`,
    });
    expect(makerspace[0].location).toMatchObject({ name: 'Riverside Branch', lat: 41.4921 }); // the Makerspace room is at that branch
    const [talk] = fromLibCal.filter((n) => n.title === 'Author Talk: Rivers We Remember');
    // physical 80 + online 200 seats, 31 + 64 taken; wait_list 0: no waiting list.
    expect(talk.registration).toMatchObject({ mode: 'EXTERNAL', capacity: 280, confirmed: 95, remaining: 185, waitlistAvailable: false });
    expect(talk.attendanceMode).toBe('MIXED');
    const [closed] = fromLibCal.filter((n) => n.title === 'Library Closed: Winter Holiday');
    expect(closed).toMatchObject({ allDay: true, location: null, registration: { mode: 'NONE', waitlistAvailable: null } });
    // Nothing of the export is also a native or .ics event of the library.
    const titles = new Set(fromLibCal.map((n) => n.title));
    expect(nodes.filter((n) => titles.has(n.title) && n.provenance?.sourceId !== toGlobalId('Source', source.id))).toEqual([]);
  });

  it('keeps the native programs\' own waitlist setting in waitlistAvailable', () => {
    const [techHelp] = nodes.filter((n) => n.title === 'Tech Help for Seniors');
    expect(techHelp).toMatchObject({ provenance: null, registration: { mode: 'NATIVE', waitlistCapacity: 3, waitlistAvailable: true } });
  });

  it('puts none of the export\'s private fields (join password, host link, staff notes, admin URL) in a public field or a stored row', async () => {
    expect(leakedLibCalPrivateValues(raw, JSON.stringify(nodes))).toEqual([]);
    const rows = await graph.db.getRepository(EventEntity).findBy({ sourceId: source.id });
    const locations = await graph.db.getRepository(LocationEntity).find();
    expect(leakedLibCalPrivateValues(raw, JSON.stringify([rows, locations]))).toEqual([]);
  });
});
