import { getNamedType, GraphQLField, GraphQLObjectType, GraphQLSchema, isObjectType, isLeafType, isRequiredArgument, parse } from 'graphql';
import { seedDemo } from '../../../demo/seed';
import { buildSchemaOver } from '../../../src/compose-schema';
import { ALL_EVENT_COLUMN_GROUPS, eventColumnGroupsFor } from '../../../src/features/events/event-columns';
import { selectedFieldsAt } from '../../../src/schema/selected-fields';
import { describeEachBackend } from '../../support/backends';
import { createTestGraph, TestGraph } from '../../support/graph';

/** `selectedFieldsAt` as a resolver of `events` would see it, from a document's text. */
function selectedUnderEvents(query: string): Set<string> | null {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition')!;
  const events = operation.kind === 'OperationDefinition' ? operation.selectionSet.selections[0] : null;
  const fragments = Object.fromEntries(document.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d]] : [])));
  return selectedFieldsAt({ fieldNodes: [events as never], fragments }, ['edges', 'node']);
}

describe('which event columns a document needs', () => {
  it('follows fields, inline fragments and named fragments under edges.node', () => {
    const fields = selectedUnderEvents(`{ events { edges { cursor node { id ...Seats ... on Event { title } } } pageInfo { hasNextPage } } }
      fragment Seats on Event { registration { remaining } startsAt }`);
    expect([...fields!].sort()).toEqual(['id', 'registration', 'startsAt', 'title']);
  });

  it('reads the core columns and only the groups the selected fields need', () => {
    expect(eventColumnGroupsFor(new Set(['id', 'title', 'organizer', 'location']))).toEqual([]);
    expect(eventColumnGroupsFor(new Set(['id', 'registration']))).toEqual(['registration']);
    expect(eventColumnGroupsFor(new Set(['description', 'registration']))).toEqual(['details', 'registration']);
  });

  it('reads every column for a field it does not know, or a document it cannot follow', () => {
    expect(eventColumnGroupsFor(new Set(['id', 'provenance']))).toEqual(ALL_EVENT_COLUMN_GROUPS);
    expect(eventColumnGroupsFor(new Set(['id', 'someFieldAddedLater']))).toEqual(ALL_EVENT_COLUMN_GROUPS);
    expect(selectedUnderEvents('{ events { edges { node { ...Missing } } } }')).toBeNull();
    expect(eventColumnGroupsFor(null)).toEqual(ALL_EVENT_COLUMN_GROUPS);
  });
});

/** A selection of `field` that reaches its leaves two levels down (objects: their argument-free fields). */
function selectionOf(field: GraphQLField<unknown, unknown>, depth = 0): string {
  const type = getNamedType(field.type);
  if (isLeafType(type)) return field.name;
  if (!isObjectType(type) || depth >= 2) return `${field.name} { __typename }`;
  const inner = Object.values(type.getFields()).filter((f) => !f.args.some(isRequiredArgument)).map((f) => selectionOf(f, depth + 1));
  return `${field.name} { ${inner.join(' ')} }`;
}

describeEachBackend('an events page reads fewer columns and answers the same', (backend) => {
  let graph: TestGraph;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    graph = await createTestGraph(backend);
    await seedDemo(graph.db, new Date());
    schema = await buildSchemaOver(graph.services);
  });
  afterAll(() => graph.close());

  // `provenance` is a field the column map does not know, so adding it makes the page read every column.
  const page = (selection: string, everything: boolean) => `{ events(first: 100) { edges { node { id ${selection} ${everything ? 'provenance { __typename }' : ''} } } } }`;
  const withoutProvenance = (data: any) => data.events.edges.map((e: any) => ({ ...e.node, provenance: undefined }));

  it('gives each Event field the same answer from a narrow read as from a full one', async () => {
    const fields = Object.values((schema.getType('Event') as GraphQLObjectType).getFields()).filter((f) => !f.args.some(isRequiredArgument));
    expect(fields.length).toBeGreaterThan(20);
    for (const field of fields) {
      const narrow = await graph.execute(page(selectionOf(field), false));
      const full = await graph.execute(page(selectionOf(field), true));
      expect({ field: field.name, errors: narrow.errors }).toEqual({ field: field.name, errors: full.errors });
      expect(narrow.data!.events.edges.length).toBeGreaterThan(10);
      expect({ field: field.name, nodes: withoutProvenance(narrow.data) }).toEqual({ field: field.name, nodes: withoutProvenance(full.data) });
    }
  });

  it('leaves out the columns a "what\'s on" page does not show, on Query.events and Partner.events', async () => {
    graph.sql.keepText = true;
    try {
      for (const query of [
        '{ events(first: 5) { edges { node { id title startsAt registration { remaining } } } } }',
        '{ partners { events(first: 5) { edges { node { id title startsAt registration { remaining } } } } } }',
      ]) {
        graph.sql.statements.length = 0;
        const result = await graph.execute(query);
        expect(result.errors).toBeUndefined();
        const reads = graph.sql.statements.filter((s) => s.includes('FROM "event" e') && s.includes('ORDER BY'));
        expect(reads.length).toBeGreaterThan(0);
        for (const sql of reads) {
          expect(sql).toContain('"confirmedCount"');
          expect(sql).not.toContain('"description"');
          expect(sql).not.toContain('"contentHash"');
        }
      }
    } finally {
      graph.sql.keepText = false;
    }
  });
});
