import { seedDemo } from '../../demo/seed';
import { EventEntity } from '../../src/model/event.entity';
import { toGlobalId } from '../../src/domain/global-id';
import { describeEachBackend } from '../support/backends';
import { createTestGraph, TestGraph } from '../support/graph';

const EVENTS = 'query($first: Int, $after: String, $filter: EventFilter) { events(first: $first, after: $after, filter: $filter) { edges { node { id } } } }';

describeEachBackend('bad input', (backend) => {
  let graph: TestGraph;
  let rowsBefore: number;

  beforeAll(async () => {
    graph = await createTestGraph(backend);
    await seedDemo(graph.db);
    rowsBefore = await graph.db.getRepository(EventEntity).count();
  });
  afterAll(() => graph.close());
  afterEach(async () => {
    expect(await graph.db.getRepository(EventEntity).count()).toBe(rowsBefore);
  });

  async function errorOf(query: string, variables?: Record<string, unknown>) {
    const result = await graph.execute(query, variables);
    expect(result.errors).toHaveLength(1);
    return result.errors![0];
  }

  it('rejects an invalid cursor, naming "after" and the value', async () => {
    const error = await errorOf(EVENTS, { after: 'not-a-cursor' });
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'after' });
    expect(error.message).toBe('Invalid value for argument "after": "not-a-cursor". Expected an endCursor or cursor returned by this connection.');
  });

  it('rejects an invalid global id and an id of the wrong type', async () => {
    const bad = await errorOf('{ event(id: "zzz") { id } }');
    expect(bad.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'id' });
    expect(bad.message).toBe('Invalid value for argument "id": "zzz". Expected a global id returned by this API.');
    const partnerId = toGlobalId('Partner', 'p');
    const wrongType = await errorOf(`{ event(id: "${partnerId}") { id } }`);
    expect(wrongType.message).toBe(`Invalid value for argument "id": "${partnerId}". Expected a Event id.`);
    const inFilter = await errorOf(EVENTS, { filter: { partnerIds: ['nope'] } });
    expect(inFilter.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'filter.partnerIds' });
  });

  it.each([101, -1, 1000000])('rejects first: %p with the allowed range', async (first) => {
    const error = await errorOf(EVENTS, { first });
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'first' });
    expect(error.message).toBe(`Invalid value for argument "first": ${first}. Expected an integer from 0 to 100.`);
  });

  it('answers first: 0 with an empty page', async () => {
    const result = await graph.execute(EVENTS, { first: 0 });
    expect(result).toEqual({ data: { events: { edges: [] } } });
  });

  it('rejects from after to', async () => {
    const error = await errorOf(EVENTS, { filter: { from: '2027-01-02T00:00:00Z', to: '2027-01-01T00:00:00Z' } });
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'filter.to' });
    expect(error.message).toBe('Invalid value for argument "filter.to": "2027-01-01T00:00:00.000Z". Expected an instant not before filter.from (2027-01-02T00:00:00.000Z).');
  });

  it('rejects an unknown enum value as a literal and as a variable', async () => {
    const literal = await errorOf('{ partners(kind: ZOO) { id } }');
    expect(literal.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(literal.message).toContain('Value "ZOO" does not exist in "PartnerKind" enum.');
    const variable = await errorOf(EVENTS, { filter: { kinds: ['ZOO'] } });
    expect(variable.extensions!.code).toBe('BAD_USER_INPUT');
    expect(variable.message).toContain('Value "ZOO" does not exist in "PartnerKind" enum.');
  });

  it('rejects a malformed date-time and an out-of-range point', async () => {
    const date = await errorOf(EVENTS, { filter: { from: 'next tuesday' } });
    expect(date.extensions!.code).toBe('BAD_USER_INPUT');
    expect(date.message).toContain('$filter');
    const near = await errorOf(EVENTS, { filter: { near: { lat: 91, lon: 0, km: 1 } } });
    expect(near.message).toBe('Invalid value for argument "filter.near.lat": 91. Expected a latitude from -90 to 90.');
  });

  it('asks for exactly one of slug or id on partner()', async () => {
    const error = await errorOf('{ partner { id } }');
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'slug|id' });
  });
});

describeEachBackend('unexpected errors', (backend) => {
  it('are masked as INTERNAL_SERVER_ERROR with no SQL or stack, and other fields still answer', async () => {
    const graph = await createTestGraph(backend);
    try {
      await seedDemo(graph.db);
      await graph.db.query('DROP TABLE location');
      const result = await graph.execute('{ partners { slug } events(first: 2) { edges { node { title location { name } } } } }');
      expect(result.data!.partners).toHaveLength(5);
      expect(result.errors!.length).toBeGreaterThan(0);
      for (const error of result.errors!) {
        expect(error.message).toBe('Internal server error');
        expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
        expect(error.path).toEqual(['events', 'edges', expect.any(Number), 'node', 'location']);
      }
    } finally {
      await graph.close();
    }
  });
});
