import { DataSource } from 'typeorm';
import { openDatabase } from '../../../src/db/data-source';
import { sqlReaderOf } from '../../../src/db/sql-reader';
import { AttendanceMode, Audience, EventStatus, PartnerKind, RegistrationMode } from '../../../src/domain/enums';
import { eventsByIds } from '../../../src/features/events/events.read';
import { locationsByIds, partnersByIds } from '../../../src/features/partners/partners.read';
import { EventEntity } from '../../../src/model/event.entity';
import { LocationEntity } from '../../../src/model/location.entity';
import { PartnerEntity } from '../../../src/model/partner.entity';
import { createTestDatabase, describeEachBackend, TestDatabase } from '../../support/backends';

/**
 * The read path maps rows itself (issue 15): every column of every entity it reads must come back as
 * typeorm would hydrate it, or a field would silently vanish from GraphQL, feeds and the widget.
 */
describeEachBackend('events.read and partners.read agree with typeorm column for column', (backend) => {
  let database: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    db = await openDatabase(database.config);
    await db.getRepository(PartnerEntity).save({
      id: 'p1', slug: 'p-one', name: 'Partner One', kind: PartnerKind.MUSEUM, website: 'https://one.example', timezone: 'America/Chicago',
      createdAt: new Date('2026-01-02T03:04:05.678Z'), allowedOrigins: ['https://one.example'],
    });
    await db.getRepository(LocationEntity).save({ id: 'l1', partnerId: 'p1', code: 'MAIN', name: 'Main hall', address: '1 Main St', lat: 41.472, lon: -90.57400000000001, accessibility: 'Step-free' });
    const full = {
      partnerId: 'p1', seriesId: 's1', title: 'Every column', description: 'Text', startsAt: new Date('2026-12-24T15:00:00.000Z'),
      endsAt: new Date('2026-12-24T16:30:00.000Z'), timezone: 'America/Chicago', allDay: false, startDate: null, endDate: null,
      status: EventStatus.RESCHEDULED, attendanceMode: AttendanceMode.MIXED, audiences: [Audience.KIDS, Audience.FAMILIES], rawAudiences: ['kids'],
      categories: ['Storytime'], url: 'https://one.example/e', imageUrl: 'https://one.example/e.jpg',
      offers: [{ name: 'Entry', price: 5, currency: 'USD', url: 'https://one.example/t', availability: 'InStock' }],
      previousStartsAt: new Date('2026-12-23T15:00:00.000Z'), organizerName: 'Friends', locationId: 'l1', registrationMode: RegistrationMode.EXTERNAL,
      registrationUrl: 'https://one.example/r', capacity: 30, waitlistCapacity: 5, externalWaitlist: true, maxPartySize: 4, confirmedCount: 12,
      waitlistedCount: 2, attendedCount: 1, registrationOpensAt: new Date('2026-12-01T00:00:00.000Z'), registrationClosesAt: new Date('2026-12-24T12:00:00.000Z'),
      sourceId: null, externalId: 'ext-1', contentHash: 'abc', fetchedAt: new Date('2026-12-07T00:00:00.000Z'), removedAt: new Date('2026-12-08T00:00:00.000Z'),
      sequence: 3, createdAt: new Date('2026-11-01T00:00:00.000Z'), updatedAt: new Date('2026-11-02T00:00:00.000Z'),
    };
    await db.getRepository(EventEntity).save([
      { id: 'full', ...full },
      // Nulls and defaults where a column allows them, and an all-day event.
      { id: 'sparse', ...full, seriesId: null, description: null, allDay: true, startDate: '2026-12-25', endDate: '2026-12-26', audiences: [], rawAudiences: [],
        categories: [], url: null, imageUrl: null, offers: [], previousStartsAt: null, organizerName: null, locationId: null, registrationMode: RegistrationMode.NONE,
        registrationUrl: null, capacity: null, externalWaitlist: null, registrationOpensAt: null, registrationClosesAt: null, externalId: null, contentHash: null,
        fetchedAt: null, removedAt: null },
    ]);
  });

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it('reads every EventEntity column, with nulls, lists, flags and instants as typeorm gives them', async () => {
    const ours = await eventsByIds(sqlReaderOf(db), ['full', 'sparse', 'missing']);
    const theirs = await db.getRepository(EventEntity).find({ order: { id: 'ASC' } });
    expect(ours.sort((a, b) => a.id.localeCompare(b.id))).toEqual(theirs);
    expect(ours.every((e) => e instanceof EventEntity)).toBe(true);
    // Every column typeorm knows of is one the read path maps (a new column must be added there too).
    const columns = db.getMetadata(EventEntity).columns.map((c) => c.propertyName).sort();
    expect(Object.keys(ours[0]).sort()).toEqual(columns);
  });

  it('reads partners and locations as typeorm does', async () => {
    expect(await partnersByIds(sqlReaderOf(db), ['p1'])).toEqual(await db.getRepository(PartnerEntity).find());
    expect(await locationsByIds(sqlReaderOf(db), ['l1', 'nope'])).toEqual(await db.getRepository(LocationEntity).find());
  });
});
