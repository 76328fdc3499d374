import { GraphQLObjectType } from 'graphql';
import { isDirectResolver } from '../../src/schema/direct-field-resolvers';
import { createTestGraph, TestGraph } from '../support/graph';
import { buildSchemaOver } from '../../src/compose-schema';

describe('field resolvers called directly', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await createTestGraph('sqlite');
  });
  afterAll(() => graph.close());

  it('call methods that take only the root, the context or the info directly, and leave those with arguments to type-graphql', async () => {
    const schema = await buildSchemaOver(graph.services);
    const fields = (type: string) => (schema.getType(type) as GraphQLObjectType).getFields();
    for (const name of ['id', 'organizer', 'location', 'url', 'imageUrl', 'offers', 'registration', 'provenance']) {
      expect([name, isDirectResolver(fields('Event')[name].resolve)]).toEqual([name, true]);
    }
    // Arguments become their input classes in type-graphql's handler; plain properties have no resolver to replace.
    expect(isDirectResolver(fields('Event').registrations.resolve)).toBe(false);
    expect(isDirectResolver(fields('Event').relatedRecords.resolve)).toBe(false);
    expect(isDirectResolver(fields('Event').title.resolve)).toBe(false);
  });

});
