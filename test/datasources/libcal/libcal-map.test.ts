import { mapLibCalEvents } from '../../../src/datasources/libcal/libcal.map';
import { Audience, AttendanceMode, RegistrationMode } from '../../../src/domain/enums';

const ZONE = 'America/Chicago';
const base = { id: 501, title: 'Teen Game Night', start: '2026-12-04T18:00:00-06:00', end: '2026-12-04T20:00:00-06:00' };

describe('LibCal event mapping', () => {
  it('never carries the private fields into any normalized field', () => {
    const SECRET = ['JOIN-PASS-7731', 'https://zoom.example/host/SECRET-HOST', 'STAFF-NOTE-9912', 'https://lib.libcal.com/admin/event/501', 'https://zoom.example/j/JOIN-URL'];
    const [event] = mapLibCalEvents([{
      ...base, description: '<p>Board games &amp; snacks</p>', online_join_password: SECRET[0], online_host_url: SECRET[1],
      internal_notes: SECRET[2], url: { public: 'https://lib.libcal.com/event/501', admin: SECRET[3] }, online_join_url: SECRET[4],
      online_provider: 'Zoom', registration: true, seats: 30, seats_taken: 12,
    }], ZONE).events;
    const stored = JSON.stringify(event);
    for (const secret of SECRET) expect(stored).not.toContain(secret);
    expect(event.url).toBe('https://lib.libcal.com/event/501');
    expect(event.description).toBe('Board games & snacks');
  });

  it('reads location and campus as an object, an array, or ""', () => {
    const shapes = [
      { location: { id: 7, name: 'Storytime Room' }, campus: { id: 2, name: 'Eastside Branch' } },
      { location: [{ id: 7, name: 'Storytime Room' }], campus: '' },
      { location: '', campus: [{ id: 2, name: 'Eastside Branch' }] },
      { location: '', campus: '' },
    ];
    const places = mapLibCalEvents(shapes.map((s, i) => ({ ...base, id: i, ...s })), ZONE).events.map((e) => e.place);
    expect(places).toEqual([
      { name: 'Storytime Room', address: 'Eastside Branch', lat: null, lon: null, code: 'libcal-location:7' },
      { name: 'Storytime Room', address: null, lat: null, lon: null, code: 'libcal-location:7' },
      { name: 'Eastside Branch', address: null, lat: null, lon: null, code: 'libcal-campus:2' },
      null,
    ]);
  });

  it('reads times with and without an offset, and all-day events as local dates', () => {
    const events = mapLibCalEvents([
      { ...base, id: 1, start: '2026-12-04 18:00:00', end: '2026-12-04 20:00:00' },
      { ...base, id: 2, allday: true, start: '2026-12-24T00:00:00-06:00', end: '2026-12-26T23:59:00-06:00' },
    ], ZONE).events;
    expect(events[0].startsAt.toISOString()).toBe('2026-12-05T00:00:00.000Z');
    expect(events[1]).toMatchObject({ allDay: true, startDate: '2026-12-24', endDate: '2026-12-27' });
  });

  it('maps audiences through the LibCal table, keeping the raw labels, and categories by name', () => {
    const [event] = mapLibCalEvents([{ ...base, audience: [{ id: 1, name: 'Teens' }, { id: 2, name: 'Tweens (9-12)' }], category: [{ id: 4, name: 'Games' }] }], ZONE).events;
    expect(event.audiences).toEqual([Audience.KIDS, Audience.TWEENS, Audience.TEENS]);
    expect(event.rawAudiences).toEqual(['Teens', 'Tweens (9-12)']);
    expect(event.categories).toEqual(['Games']);
  });

  it('counts physical and online seats when only the split is published, and reads "" seats as unlimited', () => {
    const [split, unlimited, none] = mapLibCalEvents([
      { ...base, id: 1, registration: true, physical_seats: 10, physical_seats_taken: 4, online_seats: 50, online_seats_taken: 7, location: { id: 1, name: 'Hall' }, online_provider: 'Zoom' },
      { ...base, id: 2, registration: true, seats: '', seats_taken: '3' },
      { ...base, id: 3, registration: false, seats: 20, seats_taken: 5 },
    ], ZONE).events;
    expect(split.registration).toMatchObject({ mode: RegistrationMode.EXTERNAL, capacity: 60, confirmed: 11 });
    expect(split.attendanceMode).toBe(AttendanceMode.MIXED);
    expect(unlimited.registration).toMatchObject({ capacity: null, confirmed: 3 });
    expect(none.registration.mode).toBe(RegistrationMode.NONE);
  });

  it('reads wait_list as a boolean or 0/1, and as not said when absent', () => {
    const values: unknown[] = [true, false, 1, 0, '1', '0'];
    const events = mapLibCalEvents([...values.map((wait_list, i) => ({ ...base, id: i, registration: true, seats: 10, wait_list })), { ...base, id: 9, registration: true }], ZONE).events;
    expect(events.map((e) => e.details?.waitlist)).toEqual([true, false, true, false, true, false, null]);
  });

  it('skips events without an id, a title or a readable start, with reasons', () => {
    const { events, skipped } = mapLibCalEvents([{ title: 'x', start: base.start }, { id: 9, start: base.start }, { id: 10, title: 'Bad', start: 'soon' }, 'junk'], ZONE);
    expect(events).toEqual([]);
    expect(skipped).toEqual([
      { externalId: null, reason: 'event without an id' },
      { externalId: '9', reason: 'event 9 has no title' },
      { externalId: '10', reason: 'event 10 has an unreadable start "soon"' },
      { externalId: null, reason: 'event is string, not an object' },
    ]);
  });
});
