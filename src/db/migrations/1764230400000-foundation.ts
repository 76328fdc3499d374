import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from './table-helpers';

export class Foundation1764230400000 implements MigrationInterface {
  name = 'Foundation1764230400000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'partner',
      columns: [
        col.id(), col.text('slug', 64), col.text('name', 200), col.enumText('kind'),
        col.text('website', 500, true), col.text('timezone', 64), col.instant('createdAt'),
      ],
      indices: [{ columnNames: ['slug'], isUnique: true }],
    }));
    await q.createTable(new Table({
      name: 'location',
      columns: [
        col.id(), col.ref('partnerId'), col.text('code', 64, true), col.text('name', 200),
        col.text('address', 500, true), col.float('lat'), col.float('lon'), col.longText('accessibility'),
      ],
      indices: [{ columnNames: ['partnerId'] }],
    }));
    await q.createTable(new Table({
      name: 'event',
      columns: [
        col.id(), col.ref('partnerId'), col.ref('seriesId', true), col.text('title', 500), col.longText('description'),
        col.instant('startsAt'), col.instant('endsAt'), col.text('timezone', 64), col.bool('allDay'),
        col.text('startDate', 10, true), col.text('endDate', 10, true),
        col.enumText('status', 'SCHEDULED'), col.enumText('attendanceMode', 'OFFLINE'),
        col.jsonList('audiences'), col.jsonList('rawAudiences'), col.jsonList('categories'),
        col.text('url', 1000, true), col.text('imageUrl', 1000, true), col.ref('locationId', true),
        col.enumText('registrationMode', 'NONE'), col.text('registrationUrl', 1000, true),
        col.int('capacity'), col.int('waitlistCapacity', 0), col.int('maxPartySize', 1),
        col.int('confirmedCount', 0), col.int('waitlistedCount', 0),
        col.instant('registrationOpensAt', true), col.instant('registrationClosesAt', true),
        col.ref('sourceId', true), col.text('externalId', 1000, true), col.text('contentHash', 64, true),
        col.instant('fetchedAt', true), col.instant('removedAt', true), col.int('sequence', 0),
        col.instant('createdAt'), col.instant('updatedAt'),
      ],
      indices: [
        { name: 'event_page', columnNames: ['startsAt', 'id'] },
        { name: 'event_partner_page', columnNames: ['partnerId', 'startsAt', 'id'] },
        { columnNames: ['seriesId'] }, { columnNames: ['locationId'] }, { columnNames: ['sourceId'] },
      ],
    }));
    await q.createTable(new Table({
      name: 'registration',
      columns: [
        col.id(), col.ref('eventId'), col.text('name', 200), col.text('email', 320), col.int('partySize', 1),
        col.enumText('status'), col.int('waitlistPosition'), col.text('cancelTokenHash', 64), col.bool('attended'),
        col.instant('createdAt'), col.instant('updatedAt'),
      ],
      indices: [{ name: 'registration_event_status', columnNames: ['eventId', 'status'] }],
    }));
    await q.createTable(new Table({
      name: 'api_key',
      columns: [
        col.id(), col.text('keyHash', 64), col.enumText('role'), col.ref('partnerId', true), col.text('label', 200),
        col.instant('createdAt'), col.instant('revokedAt', true),
      ],
      indices: [{ columnNames: ['keyHash'], isUnique: true }],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['api_key', 'registration', 'event', 'location', 'partner']) await q.dropTable(table);
  }
}
