import path from 'node:path';
import { build } from 'esbuild';

export const DASHBOARD_ENTRY = path.join(__dirname, 'dashboard/dashboard.ts');

/** Bundles the dashboard's page script (esbuild, already installed as tsx's engine) into one ES2019 IIFE. */
export async function buildDashboard(): Promise<string> {
  const result = await build({
    entryPoints: [DASHBOARD_ENTRY], bundle: true, minify: true, format: 'iife', target: 'es2019',
    platform: 'browser', write: false, legalComments: 'none',
  });
  return result.outputFiles[0].text;
}
