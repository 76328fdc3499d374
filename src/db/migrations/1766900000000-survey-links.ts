import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col } from './table-helpers';

/**
 * `survey_link` (issue 19): the short code of each occurrence's public survey page (`/s/<code>`), one per
 * occurrence (unique eventId), made when first asked for. See docs/impact.md, "Outcome surveys".
 */
export class SurveyLinks1766900000000 implements MigrationInterface {
  name = 'SurveyLinks1766900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'survey_link',
      columns: [{ ...col.text('code', 16), isPrimary: true }, col.ref('eventId'), col.instant('createdAt')],
      indices: [{ name: 'survey_link_event', columnNames: ['eventId'], isUnique: true }],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('survey_link');
  }
}
