import { seedDemo } from '../../demo/seed';
import { describeEachBackend } from '../support/backends';
import { createTestGraph, TestGraph } from '../support/graph';

const ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Event { id title startsAt organizer { id name } location { id name } registration { capacity remaining } }
    ... on Partner { id slug }
    ... on Location { id name }
  }
}`;

describeEachBackend('Community Graph as a Federation 2 subgraph', (backend) => {
  let graph: TestGraph;
  let eventIds: string[];

  beforeAll(async () => {
    graph = await createTestGraph(backend, { schema: 'subgraph' });
    await seedDemo(graph.db);
    const page = await graph.execute('{ events(first: 60) { edges { node { id } } } }');
    eventIds = page.data!.events.edges.map((e: { node: { id: string } }) => e.node.id);
  });
  afterAll(() => graph.close());

  it('describes itself through _service.sdl: the federation v2 link, @key on every Node type, @shareable PageInfo', async () => {
    const { data } = await graph.execute('{ _service { sdl } }');
    const sdl: string = data!._service.sdl;
    expect(sdl).toMatch(/extend schema\s+@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.3", import: \["@key", "@shareable"\]\)/);
    expect(sdl).toMatch(/type Event implements Node\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Partner implements Node\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Location implements Node\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type PageInfo\s+@shareable/);
    // The public API is in it unchanged, descriptions included.
    expect(sdl).toContain('"""One event by its global id; null when there is none."""');
  });

  it('resolves 50 event references in one _entities batch with the same number of SQL statements as 5', async () => {
    expect(eventIds.length).toBeGreaterThanOrEqual(50);
    const references = (n: number) => eventIds.slice(0, n).map((id) => ({ __typename: 'Event', id }));
    const five = await graph.sql.measure(() => graph.execute(ENTITIES, { representations: references(5) }));
    const fifty = await graph.sql.measure(() => graph.execute(ENTITIES, { representations: references(50) }));
    expect(fifty.result.errors).toBeUndefined();
    const entities = fifty.result.data!._entities as { id: string; title: string; organizer: { name: string } }[];
    expect(entities.map((e) => e.id)).toEqual(eventIds.slice(0, 50));
    expect(entities.every((e) => e.title && e.organizer.name)).toBe(true);
    // events by id, their organizers, their locations: one statement each, whatever the batch size.
    expect(five.statements).toBe(3);
    expect(fifty.statements).toBe(3);
  });

  it('answers references of several types in one batch, in the order asked', async () => {
    const partners = await graph.execute('{ partners { id slug locations { id name } } }');
    const partner = partners.data!.partners[0];
    const representations = [
      { __typename: 'Location', id: partner.locations[0].id },
      { __typename: 'Event', id: eventIds[0] },
      { __typename: 'Partner', id: partner.id },
    ];
    const { data, errors } = await graph.execute(ENTITIES, { representations });
    expect(errors).toBeUndefined();
    expect(data!._entities).toEqual([
      { __typename: 'Location', id: partner.locations[0].id, name: partner.locations[0].name },
      expect.objectContaining({ __typename: 'Event', id: eventIds[0] }),
      { __typename: 'Partner', id: partner.id, slug: partner.slug },
    ]);
  });

  it('gives null for a reference whose id names another type, or a row that does not exist', async () => {
    const partners = await graph.execute('{ partners { id } }');
    const missing = Buffer.from('Event:no-such-event').toString('base64url');
    const { data, errors } = await graph.execute(ENTITIES, {
      representations: [{ __typename: 'Event', id: partners.data!.partners[0].id }, { __typename: 'Event', id: missing }],
    });
    expect(errors).toBeUndefined();
    expect(data!._entities).toEqual([null, null]);
  });

  it('rejects a reference whose id is not one of our global ids with BAD_USER_INPUT, and still answers the others', async () => {
    const { data, errors } = await graph.execute(ENTITIES, {
      representations: [{ __typename: 'Event', id: 'not-a-global-id!' }, { __typename: 'Event', id: eventIds[0] }],
    });
    expect(errors).toEqual([expect.objectContaining({
      message: 'Invalid value for argument "representations.id": "not-a-global-id!". Expected a global id returned by this API.',
      path: ['_entities', 0],
      extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    })]);
    expect(data!._entities[0]).toBeNull();
    expect(data!._entities[1]).toMatchObject({ id: eventIds[0] });
  });

  it('refuses a representation of a type that is not an entity (Registration) with BAD_USER_INPUT at its index, and answers the others', async () => {
    const { data, errors } = await graph.execute(ENTITIES, {
      representations: [{ __typename: 'Registration', id: eventIds[0] }, { __typename: 'Event', id: eventIds[1] }],
    });
    expect(errors).toEqual([expect.objectContaining({
      message: expect.stringMatching(/^representations\[0\]\.__typename must name an entity type \(CatalogRecord, Event, Location, Partner, Service, Source\), got "Registration"\.$/),
      path: ['_entities', 0],
      extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    })]);
    expect(data!._entities[0]).toBeNull();
    expect(data!._entities[1]).toMatchObject({ id: eventIds[1] });
  });

  it('still answers the public API unchanged through the subgraph schema', async () => {
    const { data, errors } = await graph.execute(`query($id: ID!) { node(id: $id) { ... on Event { id title } } }`, { id: eventIds[0] });
    expect(errors).toBeUndefined();
    expect(data!.node.id).toBe(eventIds[0]);
  });
});
