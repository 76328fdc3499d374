/**
 * ical.js 2 ships its types as an ES module; this CommonJS project loads its CJS build with require,
 * typed through a type-only import in "import" resolution mode.
 */
import type ICALModule from 'ical.js' with { 'resolution-mode': 'import' };

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL: typeof ICALModule = require('ical.js');

export default ICAL;
