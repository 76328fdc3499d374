import type { Scenario } from '../lib/scenario';
import { scenario as eventsPage } from './events-page';
import { scenario as live } from './live';
import { scenario as lookups } from './lookups';

/** Every scenario `npm run bench` runs, in this order. Features append theirs (sync, live, catalog...). */
export const SCENARIOS: Scenario[] = [eventsPage, lookups, live];
