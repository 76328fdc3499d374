import { seedDemo } from '../../demo/seed';
import { describeEachBackend } from '../support/backends';
import { createTestGraph, TestGraph } from '../support/graph';

describeEachBackend('the Millbrook demo catalog', (backend) => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await createTestGraph(backend);
    expect((await seedDemo(graph.db)).catalogRecords).toBe(34);
  });
  afterAll(() => graph.close());

  it('is searchable, with holdings at the library\'s branches and links to the demo events', async () => {
    const result = await graph.execute(`{
      catalog(query: "rivers we remember", first: 5, filter: { formats: [BOOK] }) { totalCount edges { node {
        title format holdings { location { name } status } relatedEvents { title }
      } } }
    }`);
    expect(result.errors).toBeUndefined();
    const [book] = result.data!.catalog.edges;
    expect(book.node.title).toBe('Rivers we remember');
    expect(book.node.holdings.map((h: any) => [h.location.name, h.status])).toEqual([
      ['Central Library', 'AVAILABLE'], ['Eastside Branch', 'CHECKED_OUT'], ['Riverside Branch', 'AVAILABLE'],
    ]);
    expect(book.node.relatedEvents[0].title).toBe('Author Talk: Rivers We Remember');
  });

  it('suggests books for the makerspace and chess events', async () => {
    const result = await graph.execute('{ events(first: 100) { edges { node { title relatedRecords(first: 3) { title } } } } }');
    const related = new Map(result.data!.events.edges.map((e: any) => [e.node.title, e.node.relatedRecords.map((r: any) => r.title)]));
    expect(related.get('Teen Makerspace: Build a Bot')).toContain('Build a bot');
    expect(related.get('Saturday Chess Club')).toEqual(expect.arrayContaining(['Opening moves', 'Endgame puzzles']));
  });
});
