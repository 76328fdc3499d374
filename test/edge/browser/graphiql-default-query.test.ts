import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { GRAPHIQL_DEFAULT_QUERY } from '../../../src/edge/browser/graphiql-default-query';

/** GraphiQL's opening query fits its editor and is valid against the committed schema. */
describe('the GraphiQL default query', () => {
  it('keeps every line within 32 characters (it used to run past the editor, under the run button)', () => {
    const lines = GRAPHIQL_DEFAULT_QUERY.split('\n');
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.filter((line) => line.length > 32)).toEqual([]);
  });

  it('is indented by nesting: two spaces a level, one selection set opened per line', () => {
    let depth = 0;
    for (const line of GRAPHIQL_DEFAULT_QUERY.trimEnd().split('\n')) {
      const text = line.trim();
      const opened = (text.match(/{/g) ?? []).length - (text.match(/}/g) ?? []).length;
      expect(line).toBe(`${'  '.repeat(depth - (text.startsWith('}') ? 1 : 0))}${text}`);
      expect(opened).toBeLessThanOrEqual(1);
      depth += opened;
    }
    expect(depth).toBe(0);
  });

  it('validates against src/schema/schema.graphql', () => {
    const schema = buildSchema(fs.readFileSync(path.join(__dirname, '../../../src/schema/schema.graphql'), 'utf8'));
    expect(validate(schema, parse(GRAPHIQL_DEFAULT_QUERY)).map((error) => error.message)).toEqual([]);
  });
});
