import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { col } from './table-helpers';

/** Attendance kept on the event row beside the seat counts; an index for the "already registered" check. */
export class Registrations1764600000000 implements MigrationInterface {
  name = 'Registrations1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('event', new TableColumn(col.int('attendedCount', 0)));
    await q.createIndex('registration', new TableIndex({ name: 'registration_event_email', columnNames: ['eventId', 'email'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('registration', 'registration_event_email');
    await q.dropColumn('event', 'attendedCount');
  }
}
