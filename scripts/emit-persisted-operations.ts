import fs from 'node:fs';
import { SHIPPED_MANIFEST_FILE, shippedManifest } from '../src/edge/browser/shipped-operations';

// Writes persisted-operations.json (a test fails while it is stale).
fs.writeFileSync(SHIPPED_MANIFEST_FILE, shippedManifest());
console.log(`wrote ${SHIPPED_MANIFEST_FILE}`);
