import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { TownPlan } from './town-plan';

/**
 * One table of the generated town. A feature that adds a table (services, catalog records) adds one
 * `<name>.table.ts` under tables/ and appends it to TOWN_TABLES, after the tables it refers to.
 */
export interface TownTable {
  name: string;
  entity: EntityTarget<ObjectLiteral>;
  /** Plain rows in entity shape (Dates, arrays: the entity's column transformers apply on insert). */
  rows(plan: TownPlan): Iterable<ObjectLiteral>;
}
