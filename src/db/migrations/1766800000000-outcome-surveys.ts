import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col } from './table-helpers';

/**
 * Outcome surveys (issue 19): `survey` (what a partner asks, attached to an occurrence, a series or a
 * category), `survey_response` (the answers, with no column that could name who gave them) and
 * `survey_token` (the SHA-256 of each registrant's one-use link, which names no response). See
 * docs/impact.md, "Outcome surveys".
 */
export class OutcomeSurveys1766800000000 implements MigrationInterface {
  name = 'OutcomeSurveys1766800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'survey',
      columns: [
        col.id(), col.ref('partnerId'), col.text('serviceArea', 32), col.text('round', 16),
        col.ref('eventId', true), col.ref('seriesId', true), col.text('category', 200, true), col.instant('createdAt'),
      ],
      indices: [
        { name: 'survey_event', columnNames: ['eventId', 'round'] },
        { name: 'survey_series', columnNames: ['seriesId', 'round'] },
        { name: 'survey_category', columnNames: ['partnerId', 'category', 'round'] },
      ],
    }));
    await q.createTable(new Table({
      name: 'survey_response',
      columns: [
        col.id(), col.ref('surveyId'), col.ref('eventId'),
        col.int('rating1'), col.int('rating2'), col.int('rating3'), col.int('rating4'),
        col.longText('liked'), col.longText('improve'), col.instant('createdAt'),
      ],
      indices: [{ name: 'survey_response_event', columnNames: ['eventId'] }],
    }));
    await q.createTable(new Table({
      name: 'survey_token',
      columns: [{ ...col.ref('hash'), isPrimary: true }, col.ref('eventId'), col.instant('usedAt', true)],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('survey_token');
    await q.dropTable('survey_response');
    await q.dropTable('survey');
  }
}
