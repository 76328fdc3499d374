import fs from 'node:fs';
import { Audience, AttendanceMode, EventStatus, RegistrationMode } from '../../../src/domain/enums';
import { mapJsonLdEvents } from '../../../src/datasources/jsonld/jsonld.map';
import { parseJsonLd } from '../../../src/datasources/jsonld/jsonld.parse';
import { corpusFile } from '../../support/corpus';
import { describeNeeding, needsCorpus } from '../../support/needs';

const ZONE = 'America/Chicago';
const window = { from: new Date('2010-01-01T00:00:00Z'), to: new Date('2030-01-01T00:00:00Z') };
const read = (name: string) => {
  const doc = parseJsonLd(fs.readFileSync(corpusFile('jsonld', name)));
  return mapJsonLdEvents(doc.nodes, { zone: ZONE, window });
};

describeNeeding(needsCorpus(), 'JSON-LD corpus (../shared/fixtures/jsonld)', () => {
  it('reads every file without throwing and extracts 56 occurrences in all', () => {
    const files = fs.readdirSync(corpusFile('jsonld')).filter((f) => f.endsWith('.jsonld')).sort();
    const counts = Object.fromEntries(files.map((f) => [f, read(f).events.length]));
    expect(counts).toEqual({
      'event_basic_concert.jsonld': 1,
      'event_mixed_attendance_virtual.jsonld': 1,
      'event_weekly_schedule.jsonld': 52, // every Wednesday of 2017
      'exhibition_event_museum.jsonld': 1,
      'music_event_rescheduled.jsonld': 1,
    });
    expect(files.flatMap((f) => read(f).skipped)).toEqual([]);
  });

  it('reads a start without an offset as wall time in the partner zone', () => {
    const [event] = read('event_basic_concert.jsonld').events;
    expect(event.startsAt.toISOString()).toBe('2013-09-15T02:30:00.000Z'); // 21:30 CDT
    expect(event.place).toEqual({ name: 'The Hi-Dive', address: '7 S. Broadway, Denver, CO 80209', lat: null, lon: null });
    expect(event.registration).toEqual({ mode: RegistrationMode.EXTERNAL, url: 'http://www.ticketfly.com/purchase/309433', capacity: null, confirmed: null });
  });

  it('maps a mixed-attendance event with a VirtualLocation and a Place', () => {
    const [event] = read('event_mixed_attendance_virtual.jsonld').events;
    expect(event.attendanceMode).toBe(AttendanceMode.MIXED);
    expect(event.status).toBe(EventStatus.SCHEDULED);
    expect(event.startsAt.toISOString()).toBe('2025-07-22T00:00:00.000Z');
    expect(event.endsAt.toISOString()).toBe('2025-07-22T04:00:00.000Z');
    expect(event.place?.name).toBe('Snickerpark Stadium');
    expect(event.imageUrl).toBe('https://example.com/photos/1x1/photo.jpg');
  });

  it('expands a weekly eventSchedule in its own scheduleTimezone', () => {
    const { events } = read('event_weekly_schedule.jsonld');
    expect(events[0].startsAt.toISOString()).toBe('2017-01-04T19:00:00.000Z');
    expect(events[0].endsAt.toISOString()).toBe('2017-01-04T20:00:00.000Z');
    expect(events[20].startsAt.toISOString()).toBe('2017-05-24T18:00:00.000Z'); // BST
    expect(events.every((e) => e.timezone === 'Europe/London' && e.seriesKey === 'http://www.example.org/events/1')).toBe(true);
    expect(new Set(events.map((e) => e.externalId)).size).toBe(52);
  });

  it('keeps a date-only exhibition all-day with an exclusive end date', () => {
    const [event] = read('exhibition_event_museum.jsonld').events;
    expect(event).toMatchObject({ allDay: true, startDate: '2015-06-13', endDate: '2016-02-01', categories: ['Exhibition'] });
    expect(event.place?.name).toBe('Victoria and Albert Museum');
  });

  it('maps EventRescheduled and typicalAgeRange 18+, keeping the raw label', () => {
    const [event] = read('music_event_rescheduled.jsonld').events;
    expect(event.status).toBe(EventStatus.RESCHEDULED);
    expect(event.audiences).toEqual([Audience.ADULTS]);
    expect(event.rawAudiences).toEqual(['18+']);
    expect(event.categories).toEqual(['Music']);
  });
});

describeNeeding(needsCorpus(), 'JSON-LD corpus details', () => {
  it('keeps offers, previousStartDate and organizer as event details', () => {
    const [music] = read('music_event_rescheduled.jsonld').events;
    expect(music.details!.previousStartsAt!.toISOString()).toBe('2013-10-01T00:30:00.000Z'); // 19:30 CDT
    expect(music.details!.offers).toEqual([
      { name: 'General Admission', price: 63.25, currency: 'USD', url: 'http://www.ticketmaster.com/event/17004C29', availability: 'SoldOut' },
      { name: 'VIP Experience', price: 299, currency: 'USD', url: 'http://www.example.com/Abcde12345', availability: null },
    ]);
    const [mixed] = read('event_mixed_attendance_virtual.jsonld').events;
    expect(mixed.details!.organizerName).toBe('Kira and Morrison Music');
    expect(mixed.details!.offers![0]).toMatchObject({ price: 30, availability: 'InStock' });
  });
});
