import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { col } from './table-helpers';

/** Event.offers, previousStartsAt and organizerName: partner detail from JSON-LD feeds (issue 4). */
export class EventPartnerDetails1764940000000 implements MigrationInterface {
  name = 'EventPartnerDetails1764940000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('event', [
      new TableColumn(col.jsonList('offers')),
      new TableColumn(col.instant('previousStartsAt', true)),
      new TableColumn(col.text('organizerName', 500, true)),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('event', 'organizerName');
    await q.dropColumn('event', 'previousStartsAt');
    await q.dropColumn('event', 'offers');
  }
}
