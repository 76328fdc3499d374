import fs from 'node:fs';
import path from 'node:path';

/**
 * The checkout (or installed package) this code runs from: the nearest folder above it with a
 * package.json. The same whether the code runs as TypeScript from src/ or compiled from dist/src/,
 * so files shipped beside the code (demo data, docs, the persisted-operations manifest) are found
 * in both.
 */
export const PROJECT_ROOT = ((): string => {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${__dirname}`);
  }
})();

/** True when this is the compiled JavaScript of `npm run build` (dist/), false under tsx or ts-jest. */
export const RUNS_COMPILED = __filename.endsWith('.js');
