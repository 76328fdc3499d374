import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { SCHEMA_SECTIONS } from '../../src/compose';
import { buildSchemaOver } from '../../src/compose-schema';
import { printCommunitySchema } from '../../src/schema/build-schema';
import { readingOrderGaps } from '../../src/schema/sdl-reading-order';
import { undocumentedInSdl } from '../support/sdl-descriptions';

const committed = fs.readFileSync(path.join(__dirname, '../../src/schema/schema.graphql'), 'utf8');

describe('the committed SDL', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => { schema = await buildSchemaOver(); });

  it('matches the code-first schema (run `npm run schema:emit` after changing the schema)', () => {
    expect(printCommunitySchema(schema)).toBe(committed);
  });

  it('is the runtime schema, only reordered: the same types, fields, arguments and descriptions', () => {
    const canonical = (s: GraphQLSchema) => printSchema(lexicographicSortSchema(s));
    expect(canonical(buildSchema(committed))).toBe(canonical(schema));
  });

  it('opens with Query, Mutation and Subscription, then every feature\'s types', () => {
    const types = [...committed.matchAll(/^(?:type|input|enum|interface|union|scalar) (\w+)/gm)].map((m) => m[1]);
    expect(types.slice(0, 3)).toEqual(['Query', 'Mutation', 'Subscription']);
    expect(types.indexOf('Event')).toBeLessThan(types.indexOf('Registration'));
    expect(types.indexOf('Node')).toBeGreaterThan(types.indexOf('Source'));
  });

  it('places every type and root field in a feature of src/schema/sdl-reading-order.ts, and lists nothing the schema lacks', () => {
    expect(readingOrderGaps(schema, SCHEMA_SECTIONS.map((section) => section.sdl))).toEqual({ unplaced: [], unknown: [] });
  });

  it('describes every type, field, argument, input field and enum value', () => {
    expect(undocumentedInSdl(committed)).toEqual([]);
  });

  it('the description check names each element that lacks one', () => {
    const sdl = `
      "Described." type Query { "Described." a(x: Int, "Described." y: Int): E  b: U }
      enum E { "Described." ONE TWO }
      union U = Query
      input I { "Described." p: Int  q: Int }
      "Described." scalar S`;
    expect(undocumentedInSdl(sdl)).toEqual(['Query.a(x)', 'Query.b', 'E', 'E.TWO', 'U', 'I', 'I.q']);
  });

  it('names every object, input and interface class exactly as the SDL names its type', () => {
    const storage = getMetadataStorage();
    const mismatched = [...storage.objectTypes, ...storage.inputTypes, ...storage.interfaceTypes]
      .filter((type) => type.target.name !== type.name)
      .map((type) => `${type.target.name} is ${type.name} in the SDL`);
    expect(mismatched).toEqual([]);
  });
});
