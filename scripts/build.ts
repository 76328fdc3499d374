import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildSchemaOver } from '../src/compose-schema';
import { buildDashboard, PREBUILT_DASHBOARD_FILE } from '../src/edge/browser/dashboard-bundle';
import { buildDoor, PREBUILT_DOOR_FILE } from '../src/edge/browser/door-bundle';
import { buildImpact, PREBUILT_IMPACT_FILE } from '../src/edge/browser/impact-bundle';
import { buildWidget, prebuiltWidgetFile, widgetFeaturesOf } from '../src/edge/browser/widget-bundle';

/**
 * `npm run build` (run by `npm ci` and `npm install` as `prepare`): compiles src/ and demo/ to dist/
 * with tsc, then bundles the browser scripts (widget, dashboard, door, impact) with esbuild beside the compiled
 * code that serves them, so the server compiles and bundles nothing at run time.
 */
const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const BROWSER_OUT = path.join(DIST, 'src/edge/browser');

async function build(): Promise<void> {
  fs.rmSync(DIST, { recursive: true, force: true });
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
  const features = widgetFeaturesOf(await buildSchemaOver());
  const bundles: [string, string][] = [
    [prebuiltWidgetFile(features), await buildWidget(features)],
    [PREBUILT_DASHBOARD_FILE, await buildDashboard()],
    [PREBUILT_DOOR_FILE, await buildDoor()],
    [PREBUILT_IMPACT_FILE, await buildImpact()],
  ];
  for (const [file, code] of bundles) fs.writeFileSync(path.join(BROWSER_OUT, file), code);
  process.stdout.write(`built dist/ (${bundles.map(([file]) => file).join(', ')})\n`);
}

build().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
