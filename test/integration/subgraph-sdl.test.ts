import fs from 'node:fs';
import path from 'node:path';
import { buildCommunitySchema } from '../../src/schema/build-schema';
import { buildCommunitySubgraphSchema, printCommunitySubgraphSchema } from '../../src/schema/build-subgraph-schema';

describe('the committed subgraph SDL', () => {
  it('matches the Federation 2 subgraph built from the code-first schema (run `npm run schema:emit` after changing the schema)', async () => {
    const committed = fs.readFileSync(path.join(__dirname, '../../src/schema/subgraph.graphql'), 'utf8');
    expect(printCommunitySubgraphSchema(buildCommunitySubgraphSchema(await buildCommunitySchema()))).toBe(committed);
  });
});
