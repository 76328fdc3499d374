import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { buildCommunitySchema, printCommunitySchema } from '../src/schema/build-schema';

/** Writes src/schema/schema.graphql; a test fails while the committed file differs from the code. */
buildCommunitySchema().then((schema) => {
  const file = path.join(__dirname, '..', 'src', 'schema', 'schema.graphql');
  fs.writeFileSync(file, printCommunitySchema(schema));
  process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
});
