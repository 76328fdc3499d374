import { seedDemo } from '../../demo/seed';
import { describeEachBackend } from '../support/backends';
import { createTestGraph, TestGraph } from '../support/graph';

/**
 * Issue 32: one bad argument fails only the field it was given to. With non-null root lists, the error
 * nulled the whole `data`, and with it every other root field of the request.
 */
describeEachBackend('a wrong argument nulls only its own root field', (backend) => {
  let graph: TestGraph;

  beforeAll(async () => {
    graph = await createTestGraph(backend);
    await seedDemo(graph.db, new Date());
  });
  afterAll(() => graph.close());

  it.each([
    ['events', 'events(filter: { partnerIds: ["millbrook-museum"] }) { totalCount }', 'filter.partnerIds'],
    ['events', 'events(after: "not-a-cursor") { totalCount }', 'after'],
    ['services', 'services(filter: { age: -3 }) { totalCount }', 'filter.age'],
    ['catalog', 'catalog(query: "river", filter: { languages: ["english"] }) { totalCount }', 'filter.languages'],
    ['catalogRecords', 'catalogRecords(first: 500) { totalCount }', 'first'],
  ])('%s with %s', async (_field, selection, argument) => {
    const result = await graph.execute(`{ partners { slug } broken: ${selection} museum: partner(slug: "millbrook-museum") { name } }`);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].path).toEqual(['broken']);
    expect(result.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(result.errors![0].message).toContain(`"${argument}"`);
    expect(result.data).toEqual({
      partners: expect.arrayContaining([{ slug: 'millbrook-museum' }]),
      broken: null,
      museum: { name: 'Millbrook Museum of River History' },
    });
  });
});
