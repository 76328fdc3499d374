import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { RUNS_COMPILED } from '../../project-root';

/**
 * Bundles one staff page's script (esbuild, already installed as tsx's engine) into one ES2019 IIFE.
 * Compiled, the bundle was made at build time beside this file (widget-bundle.ts says why), so the
 * server reads `prebuiltFile` instead.
 */
export async function bundlePageScript(entry: string, prebuiltFile: string): Promise<string> {
  if (RUNS_COMPILED) return fs.promises.readFile(path.join(__dirname, prebuiltFile), 'utf8');
  const result = await build({
    entryPoints: [entry], bundle: true, minify: true, format: 'iife', target: 'es2019',
    platform: 'browser', write: false, legalComments: 'none',
  });
  return result.outputFiles[0].text;
}
