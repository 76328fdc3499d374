import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { col } from './table-helpers';

/** Event.externalWaitlist: a partner's "takes a waiting list" flag (LibCal wait_list, issue 4). */
export class EventExternalWaitlist1765100000000 implements MigrationInterface {
  name = 'EventExternalWaitlist1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('event', new TableColumn({ ...col.bool('externalWaitlist'), isNullable: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('event', 'externalWaitlist');
  }
}
