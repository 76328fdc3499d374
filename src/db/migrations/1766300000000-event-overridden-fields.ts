import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { col } from './table-helpers';

/**
 * Native recurring series (issue 20): `event.overriddenFields` lists, as JSON text, the fields one
 * occurrence was given on its own, which a series-wide change then leaves alone. Null: none.
 */
export class EventOverriddenFields1766300000000 implements MigrationInterface {
  name = 'EventOverriddenFields1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('event', new TableColumn(col.longText('overriddenFields')));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('event', 'overriddenFields');
  }
}
