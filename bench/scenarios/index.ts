import type { Scenario } from '../lib/scenario';
import { scenario as catalog } from './catalog';
import { scenario as contention } from './contention';
import { scenario as door } from './door';
import { scenario as eventsPage } from './events-page';
import { scenario as federation } from './federation';
import { scenario as impact } from './impact';
import { scenario as live } from './live';
import { scenario as lookups } from './lookups';
import { scenario as sync } from './sync';
import { scenario as syncResponsiveness } from './sync-responsiveness';

/** Every scenario `npm run bench` runs, in this order. Features append theirs. */
export const SCENARIOS: Scenario[] = [eventsPage, lookups, live, contention, sync, syncResponsiveness, catalog, federation, impact, door];
