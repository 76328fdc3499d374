import fs from 'node:fs';
import path from 'node:path';
import { buildCommunitySchema, printCommunitySchema } from '../../src/schema/build-schema';

describe('the committed SDL', () => {
  it('matches the code-first schema (run `npm run schema:emit` after changing the schema)', async () => {
    const committed = fs.readFileSync(path.join(__dirname, '../../src/schema/schema.graphql'), 'utf8');
    expect(printCommunitySchema(await buildCommunitySchema())).toBe(committed);
  });
});
