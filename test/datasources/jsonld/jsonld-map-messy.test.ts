import { mapJsonLdEvents } from '../../../src/datasources/jsonld/jsonld.map';
import { AttendanceMode, Audience, RegistrationMode } from '../../../src/domain/enums';

/** Event markup as CMSs and hand-written pages publish it, gaps and all: what becomes an event, what is skipped and why. */
const ctx = { zone: 'America/Chicago', window: { from: new Date('2026-12-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') } };
const map = (...nodes: Record<string, unknown>[]) => mapJsonLdEvents(nodes, ctx);
const one = (node: Record<string, unknown>) => {
  const { events, skipped } = map({ '@type': 'Event', name: 'Talk', startDate: '2026-12-10T18:00:00-06:00', ...node });
  expect(skipped).toEqual([]);
  expect(events).toHaveLength(1);
  return events[0];
};

describe('JSON-LD events with messy parts', () => {
  it('skips an event without a name, naming its type and id', () => {
    expect(map({ '@type': ['ChildrensEvent', 'Event'], '@id': 'https://museum.example/e/1', startDate: '2026-12-10' }, { '@type': 'Event', name: ' ' }).skipped).toEqual([
      { externalId: 'https://museum.example/e/1', reason: 'ChildrensEvent/Event without a name' },
      { externalId: null, reason: 'Event without a name' },
    ]);
  });

  it('reads audiences given as text, as an age range without a label, or as a name', () => {
    const e = one({ audience: ['Families', { '@type': 'PeopleAudience', suggestedMinAge: { '@value': '65' } }, { '@type': 'Audience', name: 'Teens', suggestedMaxAge: 17, suggestedMinAge: 13 }, 7] });
    expect(e.rawAudiences).toEqual(['Families', '65+', 'Teens']);
    expect(e.audiences).toEqual(expect.arrayContaining([Audience.FAMILIES, Audience.SENIORS, Audience.TEENS]));
    expect(one({ audience: { suggestedMaxAge: 5 } }).rawAudiences).toEqual(['0-5']);
  });

  it('takes the first usable place: a PostalAddress names a place without a name, geo gives its coordinates', () => {
    const e = one({ location: [42, { '@type': 'Place' }, { '@type': 'Place', address: { streetAddress: '1 Lock Rd', addressLocality: 'Millbrook', addressRegion: 'IL', postalCode: '60000' }, geo: { latitude: '41.9', longitude: -88.1 } }, { '@type': 'Place', name: 'Second' }] });
    expect(e.place).toEqual({ name: '1 Lock Rd, Millbrook, IL 60000', address: '1 Lock Rd, Millbrook, IL 60000', lat: 41.9, lon: -88.1 });
    expect(e.attendanceMode).toBe(AttendanceMode.OFFLINE);
    expect(one({ location: [{ '@type': 'VirtualLocation', url: 'https://meet.example/talk' }, 'Main hall'] })).toMatchObject({
      attendanceMode: AttendanceMode.MIXED, url: 'https://meet.example/talk', place: { name: 'Main hall', address: null, lat: null, lon: null },
    });
    expect(one({ location: { '@type': 'Place', name: 'Barn', latitude: 41.5, longitude: '-88.5', address: '' } }).place).toEqual({ name: 'Barn', address: null, lat: 41.5, lon: -88.5 });
  });

  it('counts a sold-out event as full, and reads seats left without a capacity as unknown confirmed', () => {
    expect(one({ maximumAttendeeCapacity: 30, offers: [{ availability: 'https://schema.org/SoldOut' }, { availability: { '@id': 'schema:SoldOut' } }] }).registration)
      .toEqual({ mode: RegistrationMode.EXTERNAL, url: null, capacity: 30, confirmed: 30 });
    expect(one({ remainingAttendeeCapacity: 4, url: 'https://museum.example/talk' }).registration)
      .toEqual({ mode: RegistrationMode.EXTERNAL, url: 'https://museum.example/talk', capacity: null, confirmed: null });
  });

  it('keeps an organizer named as text, keywords as objects, and a previous all-day start at local midnight', () => {
    const e = one({ organizer: ' Friends of the Museum ', keywords: [{ name: 'history' }, 'art, ', {}], previousStartDate: '2026-11-20' });
    expect(e.details).toMatchObject({ organizerName: 'Friends of the Museum', previousStartsAt: new Date('2026-11-20T06:00:00Z') });
    expect(e.categories).toEqual(['history', 'art']);
    expect(one({ organizer: 7 }).details!.organizerName).toBeNull();
  });

  it('reads all-day ranges with an end time or an end before the start, and a timed start with a date-only or earlier end', () => {
    expect(one({ startDate: '2026-12-10', endDate: '2026-12-12T15:00:00-06:00' })).toMatchObject({ allDay: true, startDate: '2026-12-10', endDate: '2026-12-13' });
    expect(one({ startDate: '2026-12-10', endDate: '2026-12-01' })).toMatchObject({ allDay: true, startDate: '2026-12-10', endDate: '2026-12-11' });
    expect(one({ startDate: '2026-12-10T18:00:00-06:00', endDate: '2026-12-10' })).toMatchObject({ allDay: false, endsAt: new Date('2026-12-11T06:00:00Z') });
    expect(one({ startDate: '2026-12-10T18:00:00-06:00', endDate: '2026-12-10T17:00:00-06:00' })).toMatchObject({ endsAt: new Date('2026-12-11T00:00:00Z') });
  });

  it('gives untyped sub-events the Event type and a series key from the name when the series has no id', () => {
    const { events } = map({ '@type': 'EventSeries', name: 'Winter walks', location: 'Riverside', subEvent: [{ name: 'Walk 1', startDate: '2026-12-05T09:00' }, { name: 'Walk 2', startDate: '2026-12-12T09:00' }] });
    expect(events.map((e) => [e.externalId, e.seriesKey, e.place?.name, e.startsAt.toISOString()])).toEqual([
      ['Walk 1#2026-12-05T09:00', 'series:Winter walks', 'Riverside', '2026-12-05T15:00:00.000Z'],
      ['Walk 2#2026-12-12T09:00', 'series:Winter walks', 'Riverside', '2026-12-12T15:00:00.000Z'],
    ]);
  });

  it('skips a schedule with no occurrence in the window, unless the event also states a start of its own', () => {
    const schedule = { '@type': 'Schedule', startDate: '2027-03-01', repeatFrequency: 'P1W', startTime: '10:00' };
    expect(map({ '@type': 'Event', name: 'Spring class', eventSchedule: schedule })).toEqual({
      events: [], skipped: [{ externalId: null, reason: '"Spring class": its eventSchedule has no occurrence in the sync window' }],
    });
    const { events } = map({ '@type': 'Event', name: 'Open day', startDate: '2026-12-20', eventSchedule: schedule });
    expect(events.map((e) => [e.externalId, e.allDay, e.startDate])).toEqual([['Open day#2026-12-20', true, '2026-12-20']]);
  });

  it('finds events listed under places (which become their location) and item lists, but not events nested more than three levels down', () => {
    const deep = { '@type': 'WebPage', event: { '@type': 'Thing', event: { '@type': 'Thing', event: { '@type': 'Thing', event: { '@type': 'Event', name: 'Too deep', startDate: '2026-12-10' } } } } };
    const { events } = map(deep, { '@type': 'Museum', name: 'Millbrook Museum', events: [{ '@type': 'Event', name: 'Hosted', startDate: '2026-12-11' }] },
      { '@type': 'ItemList', itemListElement: [{ '@type': 'ListItem', item: { '@type': 'Event', name: 'Listed', startDate: '2026-12-12' } }, { '@type': 'Event', name: 'Bare', startDate: '2026-12-13' }] });
    expect(events.map((e) => [e.title, e.place?.name ?? null])).toEqual([['Hosted', 'Millbrook Museum'], ['Listed', null], ['Bare', null]]);
  });

  it('keeps two events sharing one page URL apart by appending the start', () => {
    const { events } = map({ '@type': 'Event', name: 'A', url: 'https://museum.example/events', startDate: '2026-12-10T10:00:00Z' },
      { '@type': 'Event', name: 'B', url: { url: 'https://museum.example/events' }, startDate: '2026-12-11T10:00:00Z' });
    expect(events.map((e) => e.externalId)).toEqual(['https://museum.example/events', 'https://museum.example/events#2026-12-11T10:00:00.000Z']);
  });
});
