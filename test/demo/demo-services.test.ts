import { seedDemo } from '../../demo/seed';
import { LocationEntity } from '../../src/model/location.entity';
import { describeEachBackend } from '../support/backends';
import { createTestGraph, TestGraph } from '../support/graph';

describeEachBackend('the demo seed with nonprofit listings', (backend) => {
  let graph: TestGraph;
  const now = new Date('2026-11-27T15:00:00Z');
  beforeAll(async () => {
    graph = await createTestGraph(backend);
    expect(await seedDemo(graph.db, now)).toMatchObject({ partners: 5, locations: 8, services: 5 });
  });
  afterAll(() => graph.close());

  it('loads the listings onto the nonprofits\' existing locations, and finds what is open on a Tuesday noon', async () => {
    expect(await graph.db.getRepository(LocationEntity).count()).toBe(8);
    const result = await graph.execute(`{ services(filter: { openAt: "2026-12-01T18:00:00Z" }) { edges { node { name organization { slug }
      locations { name accessibility } } } } }`);
    expect(result.data!.services.edges.map((e: any) => [e.node.name, e.node.organization.slug, e.node.locations[0].name])).toEqual([
      ['Emergency Food Pantry', 'millbrook-food-share', 'Food Share Pantry'],
    ]);
    const spanish = await graph.execute('{ partners(kind: NONPROFIT) { slug services(filter: { language: "es" }) { totalCount } } }');
    expect(spanish.data!.partners).toEqual([
      { slug: 'millbrook-food-share', services: { totalCount: 2 } },
      { slug: 'riverbend-literacy', services: { totalCount: 1 } },
    ]);
  });
});
