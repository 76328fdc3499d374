import { seedDemo } from '../../../demo/seed';
import { describeEachBackend } from '../../support/backends';
import { createTestGraph, TestGraph } from '../../support/graph';

/** Issue 32: front ends filter by the slug they already have in a URL, not by a global id. */
describeEachBackend('filters by partner slug', (backend) => {
  let graph: TestGraph;

  beforeAll(async () => {
    graph = await createTestGraph(backend);
    await seedDemo(graph.db, new Date());
  });
  afterAll(() => graph.close());

  const eventsOf = async (filter: Record<string, unknown>) => {
    const result = await graph.execute(`query ($filter: EventFilter) {
      events(first: 100, filter: $filter) { totalCount edges { node { organizer { slug } } } } }`, { filter });
    expect(result.errors).toBeUndefined();
    const events = result.data!.events as { totalCount: number; edges: { node: { organizer: { slug: string } } }[] };
    return { total: events.totalCount, slugs: new Set(events.edges.map((e) => e.node.organizer.slug)) };
  };

  it('EventFilter.partnerSlugs narrows to those partners, in any case, and counts the same as partnerIds', async () => {
    const museum = (await graph.execute('{ partner(slug: "millbrook-museum") { id } }')).data!.partner.id as string;
    const bySlug = await eventsOf({ partnerSlugs: ['Millbrook-Museum', ' millbrook-schools '] });
    expect([...bySlug.slugs].sort()).toEqual(['millbrook-museum', 'millbrook-schools']);
    const museumOnly = await eventsOf({ partnerSlugs: ['millbrook-museum'] });
    expect(museumOnly.total).toBeGreaterThan(0);
    expect(museumOnly.total).toBe((await eventsOf({ partnerIds: [museum] })).total);
    expect(bySlug.total).toBeGreaterThan(museumOnly.total);
  });

  it('combines partnerSlugs with partnerIds as "both must hold", and an unknown slug matches nothing', async () => {
    const museum = (await graph.execute('{ partner(slug: "millbrook-museum") { id } }')).data!.partner.id as string;
    expect((await eventsOf({ partnerSlugs: ['millbrook-library'], partnerIds: [museum] })).total).toBe(0);
    expect((await eventsOf({ partnerSlugs: ['nobody-here'] })).total).toBe(0);
    expect((await eventsOf({ partnerSlugs: [] })).total).toBe((await eventsOf({})).total);
  });

  it('refuses a value that cannot be a slug, naming the argument', async () => {
    const result = await graph.execute('{ events(filter: { partnerSlugs: ["UGFydG5lcjox=="] }) { totalCount } }');
    expect(result.errors![0].message).toBe('Invalid value for argument "filter.partnerSlugs": "ugfydg5lcjox==". Expected a partner slug such as millbrook-library.');
    expect(result.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('ServiceFilter.partnerSlugs narrows listings the same way', async () => {
    const services = async (filter: Record<string, unknown>) => {
      const result = await graph.execute(`query ($filter: ServiceFilter) {
        services(first: 100, filter: $filter) { totalCount edges { node { organization { slug } } } } }`, { filter });
      expect(result.errors).toBeUndefined();
      const page = result.data!.services as { totalCount: number; edges: { node: { organization: { slug: string } } }[] };
      return { total: page.totalCount, slugs: new Set(page.edges.map((e) => e.node.organization.slug)) };
    };
    const all = await services({});
    expect(all.slugs.size).toBeGreaterThan(1);
    const one = await services({ partnerSlugs: ['RIVERBEND-literacy'] });
    expect([...one.slugs]).toEqual(['riverbend-literacy']);
    expect(one.total).toBeGreaterThan(0);
    expect(one.total).toBeLessThan(all.total);
    expect((await services({ partnerSlugs: ['nobody-here'] })).total).toBe(0);
  });

  it('Partner.events ignores the filter\'s partnerSlugs, as it ignores partnerIds', async () => {
    const result = await graph.execute(`{ partner(slug: "millbrook-museum") {
      events(first: 1, filter: { partnerSlugs: ["millbrook-library"] }) { totalCount } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.partner.events.totalCount).toBe((await eventsOf({ partnerSlugs: ['millbrook-museum'] })).total);
  });
});
