import { seedDemo } from '../../../demo/seed';
import { EventEntity } from '../../../src/model/event.entity';
import { toGlobalId } from '../../../src/domain/global-id';
import { describeEachBackend } from '../../support/backends';
import { createTestGraph, TestGraph } from '../../support/graph';

const PAGE = `query Page($first: Int, $after: String, $filter: EventFilter) {
  events(first: $first, after: $after, filter: $filter) {
    totalCount
    edges { cursor node { id title status startsAt endsAt allDay audiences categories
      organizer { id slug kind } location { id name lat lon }
      registration { mode capacity confirmed waitlisted remaining isOpen } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

type Node = { id: string; title: string; status: string; startsAt: string; endsAt: string; audiences: string[]; categories: string[];
  organizer: { slug: string; kind: string }; location: { name: string; lat: number; lon: number } | null;
  registration: { mode: string; capacity: number | null; confirmed: number; remaining: number | null } };

describeEachBackend('events query', (backend) => {
  let graph: TestGraph;
  const now = new Date();

  beforeAll(async () => {
    graph = await createTestGraph(backend);
    await seedDemo(graph.db, now);
  });
  afterAll(() => graph.close());

  async function all(filter: Record<string, unknown> = {}, first = 100): Promise<Node[]> {
    const nodes: Node[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page++) {
      const result = await graph.execute(PAGE, { first, after, filter });
      expect(result.errors).toBeUndefined();
      const events: { edges: { node: Node }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } = result.data!.events;
      nodes.push(...events.edges.map((e) => e.node));
      if (!events.pageInfo.hasNextPage) return nodes;
      after = events.pageInfo.endCursor;
    }
    throw new Error('pagination did not end');
  }

  it('pages through every upcoming event once, in (startsAt, id) order, matching totalCount', async () => {
    const first = await graph.execute(PAGE, { first: 7 });
    const walked = await all({}, 7);
    expect(walked.length).toBe(first.data!.events.totalCount);
    expect(new Set(walked.map((n) => n.id)).size).toBe(walked.length);
    const sorted = [...walked].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
    expect(walked.map((n) => n.id)).toEqual(sorted.map((n) => n.id));
    expect(walked.length).toBeGreaterThanOrEqual(60);
    expect(walked.every((n) => n.endsAt > now.toISOString() || n.startsAt >= now.toISOString())).toBe(true);
  });

  it('gives the same cursor sequence on every walk (stable cursors)', async () => {
    const a = await graph.execute(PAGE, { first: 10 });
    const b = await graph.execute(PAGE, { first: 10 });
    expect(a.data!.events.edges.map((e: { cursor: string }) => e.cursor)).toEqual(b.data!.events.edges.map((e: { cursor: string }) => e.cursor));
  });

  it('resolves organizer, location and registration counts from the stored rows', async () => {
    const nodes = await all();
    const rows = await graph.db.getRepository(EventEntity).find();
    const byId = new Map(rows.map((r) => [toGlobalId('Event', r.id), r]));
    for (const node of nodes) {
      const row = byId.get(node.id)!;
      expect(node.registration.confirmed).toBe(row.confirmedCount);
      expect(node.registration.remaining).toBe(row.capacity == null || row.registrationMode === 'NONE' ? null : row.capacity - row.confirmedCount);
    }
    expect(nodes.some((n) => n.registration.mode === 'NATIVE' && n.registration.remaining === 0)).toBe(true);
    expect(nodes.some((n) => n.registration.mode === 'EXTERNAL')).toBe(true);
  });

  it('costs the same, at most 5, SQL statements for 5 or 50 events with organizer, location and counts', async () => {
    const five = await graph.sql.measure(() => graph.execute(PAGE, { first: 5 }));
    const fifty = await graph.sql.measure(() => graph.execute(PAGE, { first: 50 }));
    expect(five.result.data!.events.edges).toHaveLength(5);
    expect(fifty.result.data!.events.edges).toHaveLength(50);
    expect(fifty.statements).toBe(five.statements);
    expect(fifty.statements).toBeLessThanOrEqual(5);
  });

  it('filters by partner kind, partner id, audience and category (case-insensitive)', async () => {
    const museum = await all({ kinds: ['MUSEUM'] });
    expect(museum.length).toBeGreaterThan(0);
    expect(museum.every((n) => n.organizer.kind === 'MUSEUM')).toBe(true);

    const partners = await graph.execute('{ partners(kind: SCHOOL) { id slug } }');
    const school = partners.data!.partners[0];
    const schoolEvents = await all({ partnerIds: [school.id] });
    expect(schoolEvents.length).toBeGreaterThan(0);
    expect(schoolEvents.every((n) => n.organizer.slug === school.slug)).toBe(true);

    const teens = await all({ audiences: ['TEENS', 'SENIORS'] });
    expect(teens.length).toBeGreaterThan(0);
    expect(teens.every((n) => n.audiences.includes('TEENS') || n.audiences.includes('SENIORS'))).toBe(true);
    expect(teens.some((n) => n.audiences.includes('SENIORS'))).toBe(true);

    const stem = await all({ categories: ['stem'] });
    expect(stem.length).toBeGreaterThan(0);
    expect(stem.every((n) => n.categories.includes('STEM'))).toBe(true);
  });

  it('matches text case-insensitively in title or description, treating % and _ literally', async () => {
    const chess = await all({ text: 'CHESS' });
    expect(chess.length).toBeGreaterThan(0);
    expect(chess.every((n) => n.title.toLowerCase().includes('chess'))).toBe(true);
    const byDescription = await all({ text: 'pennies' });
    expect(byDescription.every((n) => n.title === 'Family Science Saturday')).toBe(true);
    expect(byDescription.length).toBeGreaterThan(0);
    expect(await all({ text: '%' })).toEqual([]);
    expect(await all({ text: '_' })).toEqual([]);
  });

  it('keeps only events on within [from, to), including ones that started before from', async () => {
    const from = new Date(now.getTime() + 7 * 864e5);
    const to = new Date(now.getTime() + 14 * 864e5);
    const week = await all({ from: from.toISOString(), to: to.toISOString() });
    expect(week.length).toBeGreaterThan(0);
    expect(week.every((n) => n.startsAt < to.toISOString() && (n.endsAt > from.toISOString() || n.startsAt >= from.toISOString()))).toBe(true);
    expect(week.some((n) => n.title.startsWith('Exhibition'))).toBe(true);
  });

  it('finds events near a point, and none far away', async () => {
    // The Eastside branch; Central is ~3 km west, Riverside ~5.6 km west.
    const near = await all({ near: { lat: 41.5049, lon: -90.5624, km: 1 } });
    expect(near.length).toBeGreaterThan(0);
    expect(new Set(near.map((n) => n.location!.name))).toEqual(new Set(['Eastside Branch']));
    const wider = await all({ near: { lat: 41.5049, lon: -90.5624, km: 4 } });
    expect(new Set(wider.map((n) => n.location!.name)).has('Central Library')).toBe(true);
    expect(new Set(wider.map((n) => n.location!.name)).has('Riverside Branch')).toBe(false);
    expect(await all({ near: { lat: 0, lon: 0, km: 50 } })).toEqual([]);
  });

  it('filters by status', async () => {
    // The demo calls off a date or two ahead (demo/town.ts), as a real calendar does.
    const cancelled = await all({ status: ['CANCELLED'] });
    expect(cancelled.length).toBeGreaterThan(0);
    expect(cancelled.every((n) => n.status === 'CANCELLED')).toBe(true);
    const scheduled = await all({ status: ['SCHEDULED'] });
    expect(scheduled.length).toBeGreaterThan(0);
    expect(scheduled.every((n) => n.status === 'SCHEDULED')).toBe(true);
  });

  it('answers partner(slug), partner(id), Partner.events, Partner.locations, event(id) and node(id)', async () => {
    const result = await graph.execute(`{
      partner(slug: "millbrook-library") { id name kind timezone locations { id name } events(first: 3) { totalCount edges { node { id organizer { slug } } } } }
    }`);
    expect(result.errors).toBeUndefined();
    const library = result.data!.partner;
    expect(library.locations.map((l: { name: string }) => l.name)).toEqual(['Central Library', 'Eastside Branch', 'Riverside Branch']);
    expect(library.events.edges.every((e: { node: { organizer: { slug: string } } }) => e.node.organizer.slug === 'millbrook-library')).toBe(true);
    const eventId = library.events.edges[0].node.id;

    const again = await graph.execute(`query($p: ID!, $e: ID!, $l: ID!) {
      partner(id: $p) { slug }
      event(id: $e) { id }
      a: node(id: $e) { __typename id ... on Event { title } }
      b: node(id: $p) { __typename ... on Partner { slug } }
      c: node(id: $l) { __typename ... on Location { name } }
    }`, { p: library.id, e: eventId, l: library.locations[0].id });
    expect(again.errors).toBeUndefined();
    expect(again.data).toMatchObject({
      partner: { slug: 'millbrook-library' }, event: { id: eventId },
      a: { __typename: 'Event', id: eventId }, b: { __typename: 'Partner', slug: 'millbrook-library' },
      c: { __typename: 'Location', name: 'Central Library' },
    });

    const missing = await graph.execute('query($id: ID!) { node(id: $id) { id } event(id: $id) { id } }', { id: toGlobalId('Event', 'nope') });
    expect(missing).toEqual({ data: { node: null, event: null } });
  });
});
