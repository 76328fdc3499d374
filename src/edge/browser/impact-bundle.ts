import path from 'node:path';
import { bundlePageScript } from './page-bundle';

export const IMPACT_ENTRY = path.join(__dirname, 'impact/impact.ts');
export const PREBUILT_IMPACT_FILE = 'impact.bundle.js';

/** The impact page's script, one IIFE. */
export function buildImpact(): Promise<string> {
  return bundlePageScript(IMPACT_ENTRY, PREBUILT_IMPACT_FILE);
}
