import type { TownTable } from '../town-table';
import { eventTable } from './event.table';
import { locationTable } from './location.table';
import { partnerTable } from './partner.table';
import { registrationTable } from './registration.table';

/** Filled in this order (referenced tables first). Features append their own tables here. */
export const TOWN_TABLES: TownTable[] = [partnerTable, locationTable, eventTable, registrationTable];
