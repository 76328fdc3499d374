import { isSkipped, mapHsdsService } from '../../../src/datasources/hsds/hsds.map';
import { servicesFromJson } from '../../../src/datasources/hsds/hsds.parse';
import { assembleTabularServices, parseCsvTable } from '../../../src/datasources/hsds/hsds.tabular';
import { NormalizedService } from '../../../src/datasources/shared/service-item';
import { Audience, ServiceStatus } from '../../../src/domain/enums';

const ctx = { zone: 'America/Chicago', window: { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') } };
const mapOne = (raw: Record<string, unknown>): NormalizedService => {
  const m = mapHsdsService(raw, ctx);
  if (isSkipped(m)) throw new Error(m.reason);
  return m;
};

describe('HSDS mapping edge cases', () => {
  it('reads CSV cells that span lines and rebuilds the service from the tables', () => {
    const services = parseCsvTable('id,organization_id,name,description,status\ns1,o1,Pantry,"Open to all.\nBring a bag, please.",active\n', 'service');
    const orgs = parseCsvTable('id,name\no1,Food Share\n', 'organization');
    const [raw] = assembleTabularServices({ service: services, organization: orgs });
    expect(mapOne(raw)).toMatchObject({ name: 'Pantry', description: 'Open to all.\nBring a bag, please.', organizationName: 'Food Share' });
  });

  it('reads both schedule shapes: 3.0 schedules / newer operating_hours, and 2.x regular_schedules by weekday', () => {
    const s = mapOne({ id: 'x', name: 'X',
      operating_hours: [{ id: 'oh', freq: 'WEEKLY', byday: 'SA', opens_at: '09:00', closes_at: '12:00' }],
      regular_schedules: [{ id: 'rs', weekday: 'Monday', opens_at: '08:00', closes_at: '16:00' }, { id: 'rs2', weekday: 3, opens_at: '08:00', closes_at: '16:00' }] });
    expect(s.hours.map((h) => [h.byDay.map((d) => d.weekday), h.opensAt])).toEqual([[[6], '09:00'], [[1], '08:00'], [[3], '08:00']]);
  });

  it('turns `events` entries into sessions, recurring ones into a series inside the window', () => {
    const raw = { id: 'x', name: 'Literacy', minimum_age: 18,
      events: [{ id: 'club', name: 'Book Club', freq: 'MONTHLY', byday: '-1TH', opens_at: '18:00', closes_at: '19:00' }] };
    const s = mapHsdsService(raw, { ...ctx, window: { from: ctx.window.from, to: new Date('2027-02-01T00:00:00Z') } }) as NormalizedService;
    expect(s.sessions.map((e) => [e.title, e.startsAt.toISOString(), e.seriesKey])).toEqual([
      ['Book Club', '2026-11-27T00:00:00.000Z', 'x#schedule:club'],
      ['Book Club', '2027-01-01T00:00:00.000Z', 'x#schedule:club'], // Thu 31 Dec, 18:00 CST
      ['Book Club', '2027-01-29T00:00:00.000Z', 'x#schedule:club'],
    ]);
    expect(s.sessions[0].audiences).toEqual([Audience.ADULTS]);
    expect(s.hours).toEqual([]);
  });

  it('maps every HSDS status, and takes the nested service of service_at_location records once per service', () => {
    const statuses = ['active', 'inactive', 'defunct', 'temporarily closed'].map((status, i) => mapOne({ id: `s${i}`, name: 'S', status }).status);
    expect(statuses).toEqual([ServiceStatus.ACTIVE, ServiceStatus.INACTIVE, ServiceStatus.DEFUNCT, ServiceStatus.TEMPORARILY_CLOSED]);
    const raws = servicesFromJson({ total_items: 1, total_pages: 1, page_number: 1, size: 1, contents: [
      { id: 'sal', service: { id: 'svc', name: 'Svc' }, location: { id: 'loc', name: 'Hall' } }] }, 'page');
    expect(mapOne(raws[0]).locations.map((l) => l.name)).toEqual(['Hall']);
  });
});
