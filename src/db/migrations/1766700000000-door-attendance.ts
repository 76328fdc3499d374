import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { col } from './table-helpers';

/**
 * Attendance at the door (issue 19). `registration.attendedParty`: JSON `[{ category, count }]`, who of
 * the party came when staff said so at check-in; null: the whole party (or nobody, while not attended).
 * `event.walkIns` and `event.headCount`: JSON `[{ category, count }]` of people who came without
 * registering, added at the door, and of a drop-in occurrence's head count, set by staff; null: none.
 * Counts only: no personal data.
 */
export class DoorAttendance1766700000000 implements MigrationInterface {
  name = 'DoorAttendance1766700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('registration', new TableColumn(col.longText('attendedParty')));
    await q.addColumn('event', new TableColumn(col.longText('walkIns')));
    await q.addColumn('event', new TableColumn(col.longText('headCount')));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('event', 'headCount');
    await q.dropColumn('event', 'walkIns');
    await q.dropColumn('registration', 'attendedParty');
  }
}
