import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { RUNS_COMPILED } from '../../project-root';

export const DASHBOARD_ENTRY = path.join(__dirname, 'dashboard/dashboard.ts');
export const PREBUILT_DASHBOARD_FILE = 'dashboard.bundle.js';

/** Bundles the dashboard's page script (esbuild, already installed as tsx's engine) into one ES2019 IIFE. */
export async function buildDashboard(): Promise<string> {
  // Compiled, the bundle was made at build time (widget-bundle.ts says why).
  if (RUNS_COMPILED) return fs.promises.readFile(path.join(__dirname, PREBUILT_DASHBOARD_FILE), 'utf8');
  const result = await build({
    entryPoints: [DASHBOARD_ENTRY], bundle: true, minify: true, format: 'iife', target: 'es2019',
    platform: 'browser', write: false, legalComments: 'none',
  });
  return result.outputFiles[0].text;
}
