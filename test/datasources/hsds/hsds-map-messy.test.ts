import { isSkipped, mapHsdsService } from '../../../src/datasources/hsds/hsds.map';
import { NormalizedService } from '../../../src/datasources/shared/service-item';
import { AttendanceMode, EventStatus } from '../../../src/domain/enums';

/** HSDS services with the gaps and quirks real directories publish: what survives into the graph. */
const ctx = { zone: 'America/Chicago', window: { from: new Date('2026-12-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') } };
const mapOne = (raw: Record<string, unknown>): NormalizedService => {
  const m = mapHsdsService(raw, ctx);
  if (isSkipped(m)) throw new Error(m.reason);
  return m;
};

describe('HSDS services with messy parts', () => {
  it('drops phones without a number (or only quotes), names languages by code when they have no name', () => {
    const s = mapOne({ id: 's', name: 'S', phones: [
      { number: '""' }, { type: 'voice' }, { number: "'555-0100'", extension: 12, languages: [{ code: 'es' }, { name: 'Somali', code: 'so' }, {}] },
    ], languages: [{ code: 'vi' }] });
    expect(s.phones).toEqual([{ number: '555-0100', extension: '12', type: null, description: null, languages: ['es', 'Somali'] }]);
    expect(s.languages).toEqual(['vi']);
  });

  it('names a location by its address when it has no name, drops one with neither id nor name, and half a coordinate', () => {
    const s = mapOne({ id: 's', name: 'S', service_at_locations: [
      { location: { id: 'by-address', latitude: 41.9, longitude: 'west', addresses: [
        { address_type: 'postal', address_1: 'PO Box 9' },
        { address_type: 'physical', address_1: '12 Elm St', city: 'Millbrook', state_province: 'IL', postal_code: '60000', country: 'US' },
      ] } },
      { location: { id: 'empty-address', addresses: [{ address_type: 'physical' }] } },
      { location: { name: 'No id' } },
      { location_id: 'only-an-id' },
      { location: { id: 'ramp', name: 'Ramp house', physical_addresses: [{ address_1: '1 Hill Rd' }],
        accessibility_for_disabilities: [{ accessibility: 'Ramp', details: 'at the back' }, {}], location_type: 'physical' } },
    ] });
    expect(s.locations).toEqual([
      { externalId: 'by-address', name: '12 Elm St, Millbrook, IL 60000, US', address: '12 Elm St, Millbrook, IL 60000, US', lat: null, lon: null, accessibility: null, locationType: null },
      { externalId: 'ramp', name: 'Ramp house', address: '1 Hill Rd', lat: null, lon: null, accessibility: 'Ramp at the back', locationType: 'physical' },
    ]);
  });

  it('reads fees, cost options and eligibility under their 2.x names, upper-cases currencies, ignores attributes without a taxonomy term', () => {
    const s = mapOne({ id: 's', name: 'S', fees: 'Sliding scale', eligibility: 'Residents',
      cost_options: [{ option: 'Visit', amount: '5.50', currency: 'usd' }, { option: 'Free day' }],
      attributes: [{ taxonomy_term: { name: 'Food', code: 'BD-1800' } }, { label: 'no term' }, { taxonomy_term: { name: 'Food' } }] });
    expect(s).toMatchObject({ fees: 'Sliding scale', eligibilityDescription: 'Residents', categories: ['Food'], categoryCodes: ['BD-1800'] });
    expect(s.costOptions.map((c) => [c.option, c.amount, c.currency])).toEqual([['Visit', 5.5, 'USD'], ['Free day', null, null]]);
  });

  it('counts a schedule repeated under the location once, and ties a location_id schedule to that location', () => {
    const weekly = { id: 'w', freq: 'WEEKLY', byday: 'TU', opens_at: '10:00', closes_at: '12:00' };
    const s = mapOne({ id: 's', name: 'S', schedules: [weekly], service_at_locations: [
      { location_id: 'annex', schedules: [weekly, { id: 'x', weekday: 'friday', opens_at: '09:00' }] },
    ] });
    expect(s.hours.map((h) => [h.byDay.map((d) => d.weekday), h.locationExternalId])).toEqual([[[2], 'annex'], [[5], 'annex']]);
  });

  it('makes one-off sessions of a closed, online service: cancelled, online, at the first location, linked to the schedule', () => {
    const s = mapOne({ id: 'tax', name: 'Tax help', status: 'temporarily_closed', description: 'Free filing help', url: 'https://help.example/tax',
      service_at_locations: [{ location: { id: 'zoom', name: 'Online', location_type: 'virtual' } }],
      events: [
        { id: 'e1', dtstart: '2026-12-12', opens_at: '10:00', closes_at: '12:00', description: 'Bring your W-2', schedule_link: 'https://help.example/tax/e1', location_id: 'elsewhere' },
        { dtstart: '2026-12-19' },
      ] });
    expect(s.sessions.map((e) => ({ id: e.externalId, series: e.seriesKey, title: e.title, description: e.description, status: e.status, mode: e.attendanceMode, place: e.place?.code, url: e.url, allDay: e.allDay, startDate: e.startDate, endDate: e.endDate }))).toEqual([
      { id: 'tax#schedule:e1#2026-12-12', series: null, title: 'Tax help', description: 'Bring your W-2', status: EventStatus.CANCELLED, mode: AttendanceMode.ONLINE, place: 'zoom', url: 'https://help.example/tax/e1', allDay: false, startDate: null, endDate: null },
      { id: 'tax#schedule:1#2026-12-19', series: null, title: 'Tax help', description: 'Free filing help', status: EventStatus.CANCELLED, mode: AttendanceMode.ONLINE, place: 'zoom', url: 'https://help.example/tax', allDay: true, startDate: '2026-12-19', endDate: '2026-12-20' },
    ]);
  });

  it('makes a session without any location an in-person event with no place', () => {
    const s = mapOne({ id: 'walk', name: 'Walk', events: [{ id: 'w', dtstart: '2026-12-05', opens_at: '08:00' }] });
    expect(s.sessions.map((e) => [e.status, e.attendanceMode, e.place])).toEqual([[EventStatus.SCHEDULED, AttendanceMode.OFFLINE, null]]);
  });
});
