import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { SCHEMA_SECTIONS } from '../src/compose';
import { buildSchemaOver } from '../src/compose-schema';
import { printCommunitySchema } from '../src/schema/build-schema';
import { buildCommunitySubgraphSchema, printCommunitySubgraphSchema } from '../src/schema/build-subgraph-schema';
import { NodeService } from '../src/schema/node.service';
import { nodeLoadersOf } from '../src/schema/schema-section';

/**
 * Writes src/schema/schema.graphql (the public API) and federation/subgraph.graphql (the same API
 * as a Federation 2 subgraph, for `rover subgraph publish` or a router's static config); tests fail
 * while either committed file differs from the code.
 */
buildSchemaOver().then((schema) => {
  const root = path.join(__dirname, '..');
  const files: [string, string][] = [
    ['src/schema/schema.graphql', printCommunitySchema(schema)],
    ['federation/subgraph.graphql', printCommunitySubgraphSchema(buildCommunitySubgraphSchema(schema, new NodeService(nodeLoadersOf(SCHEMA_SECTIONS))))],
  ];
  for (const [name, sdl] of files) {
    const file = path.join(root, name);
    fs.writeFileSync(file, sdl);
    process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
  }
});
