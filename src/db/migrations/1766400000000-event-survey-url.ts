import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { col } from './table-helpers';

/**
 * `event.surveyUrl` (issue 20): where a NATIVE event's registrants are asked how it went, by an email an
 * hour after it ends (src/features/notifications/survey-mail.ts). Null: no survey mail.
 */
export class EventSurveyUrl1766400000000 implements MigrationInterface {
  name = 'EventSurveyUrl1766400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('event', new TableColumn(col.text('surveyUrl', 1000, true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('event', 'surveyUrl');
  }
}
