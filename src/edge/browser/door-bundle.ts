import path from 'node:path';
import { bundlePageScript } from './page-bundle';

export const DOOR_ENTRY = path.join(__dirname, 'door/door.ts');
export const PREBUILT_DOOR_FILE = 'door.bundle.js';

/** The door page's script, one IIFE. */
export function buildDoor(): Promise<string> {
  return bundlePageScript(DOOR_ENTRY, PREBUILT_DOOR_FILE);
}
