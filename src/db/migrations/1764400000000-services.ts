import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col } from './table-helpers';

/** Nonprofit listings (HSDS services) and where they are offered. */
export class Services1764400000000 implements MigrationInterface {
  name = 'Services1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'service',
      columns: [
        col.id(), col.ref('partnerId'), col.text('name', 500), col.text('alternateName', 500, true), col.longText('description'),
        col.text('url', 1000, true), col.text('email', 320, true),
        { name: 'status', type: 'varchar', length: '32', default: "'ACTIVE'" },
        col.text('organizationName', 500, true), col.longText('eligibilityDescription'),
        col.float('minimumAge'), col.float('maximumAge'), col.longText('applicationProcess'), col.longText('fees'),
        col.jsonList('costOptions'), col.jsonList('languages'), col.jsonList('categories'), col.jsonList('categoryCodes'),
        col.jsonList('phones'), col.jsonList('contacts'), col.jsonList('hours'),
        col.text('timezone', 64), col.text('lastModified', 64, true),
        col.ref('sourceId', true), col.text('externalId', 1000), col.text('contentHash', 64),
        col.instant('fetchedAt'), col.instant('removedAt', true), col.instant('createdAt'), col.instant('updatedAt'),
      ],
      indices: [
        { name: 'service_page', columnNames: ['name', 'id'] },
        { name: 'service_partner_page', columnNames: ['partnerId', 'name', 'id'] },
        { columnNames: ['sourceId'] },
      ],
    }));
    await q.createTable(new Table({
      name: 'service_location',
      columns: [
        { name: 'serviceId', type: 'varchar', length: '64', isPrimary: true },
        { name: 'locationId', type: 'varchar', length: '64', isPrimary: true },
        { name: 'position', type: 'integer' },
      ],
      indices: [{ columnNames: ['locationId'] }],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['service_location', 'service']) await q.dropTable(table);
  }
}
