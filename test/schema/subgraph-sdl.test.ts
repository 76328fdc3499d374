import fs from 'node:fs';
import path from 'node:path';
import { SCHEMA_SECTIONS } from '../../src/compose';
import { buildSchemaOver } from '../../src/compose-schema';
import { buildCommunitySubgraphSchema, printCommunitySubgraphSchema } from '../../src/schema/build-subgraph-schema';
import { NodeService } from '../../src/schema/node.service';
import { nodeLoadersOf } from '../../src/schema/schema-section';
import { undocumentedInSdl } from '../support/sdl-descriptions';

const committed = fs.readFileSync(path.join(__dirname, '../../federation/subgraph.graphql'), 'utf8');

describe('the committed subgraph SDL', () => {
  it('matches the Federation 2 subgraph built from the code-first schema (run `npm run schema:emit` after changing the schema)', async () => {
    expect(printCommunitySubgraphSchema(buildCommunitySubgraphSchema(await buildSchemaOver(), new NodeService(nodeLoadersOf(SCHEMA_SECTIONS))))).toBe(committed);
  });

  it('keeps the public SDL\'s reading order and descriptions', () => {
    const types = [...committed.matchAll(/^(?:type|input|enum|interface|union|scalar) (\w+)/gm)].map((m) => m[1]);
    expect(types.slice(0, 3)).toEqual(['Query', 'Mutation', 'Subscription']);
    expect(undocumentedInSdl(committed)).toEqual([]);
  });
});
