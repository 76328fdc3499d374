import path from 'node:path';
import { bundlePageScript } from './page-bundle';

export const DASHBOARD_ENTRY = path.join(__dirname, 'dashboard/dashboard.ts');
export const PREBUILT_DASHBOARD_FILE = 'dashboard.bundle.js';

/** The dashboard's page script, one IIFE. */
export function buildDashboard(): Promise<string> {
  return bundlePageScript(DASHBOARD_ENTRY, PREBUILT_DASHBOARD_FILE);
}
