#!/usr/bin/env node
// The `community-graph` command and `npm start`: the compiled JavaScript of `npm run build` (which
// `npm ci` and `npm install` run), so nothing is compiled at run time. The entry point is where the
// demo community is handed to the product, which never imports it. COMMUNITY_GRAPH_FROM_SOURCE=1 runs
// the TypeScript through tsx instead: the test suite does, so it tests the code it has in front of it.
const fs = require('node:fs');
const path = require('node:path');

const fromSource = process.env.COMMUNITY_GRAPH_FROM_SOURCE === '1';
const root = path.join(__dirname, '..');
if (fromSource) {
  require('tsx/cjs');
} else if (!fs.existsSync(path.join(root, 'dist/src/main.js'))) {
  process.stderr.write('community-graph is not built: run `npm run build` (npm ci runs it).\n');
  process.exit(1);
}
const load = (file) => require(path.join(root, fromSource ? `${file}.ts` : `dist/${file}.js`));
require('reflect-metadata');
// The demo on demand: only `serve` and `seed` load it (it pulls in the whole composition).
const demo = () => {
  const { isEmpty, seedDemo } = load('demo/seed');
  return { isEmpty, seedDemo };
};
load('src/main').runMain(process.argv.slice(2), { demo });
