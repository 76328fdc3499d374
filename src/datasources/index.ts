import { SourceAdapter } from './adapter';
import { icalendarAdapter } from './icalendar/icalendar.source';

/** Every partner format the sync engine knows; a new format appends its adapter here. */
export const ADAPTERS: SourceAdapter[] = [
  icalendarAdapter,
];
