import { NormalizedEvent } from '../../../src/datasources/adapter';
import { isSkipped, mapHsdsService } from '../../../src/datasources/hsds/hsds.map';
import { NormalizedService } from '../../../src/datasources/shared/service-item';
import { IsNull } from 'typeorm';
import { PartnerKind } from '../../../src/domain/enums';
import { toGlobalId } from '../../../src/domain/global-id';
import { PartnerEntity } from '../../../src/model/partner.entity';
import { ServiceEntity } from '../../../src/model/service.entity';
import { ServicesSink } from '../../../src/features/listings/services.sink';
import { SinkCounts, SinkRun, SyncSink } from '../../../src/datasources/shared/sink';
import { describeEachBackend } from '../../support/backends';
import { createTestGraph, TestGraph } from '../../support/graph';

const ZONE = 'America/Chicago';
const NOW = new Date('2026-11-27T12:00:00Z');
const window = { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2027-05-01T00:00:00Z') };

const pantry = { id: 'loc-pantry', name: 'Food Share Pantry', latitude: 41.4893, longitude: -90.5811, location_type: 'physical',
  addresses: [{ address_1: '78 Mill Road', city: 'Millbrook', state_province: 'IA', postal_code: '52799', country: 'US', address_type: 'physical' }],
  accessibility: [{ description: 'Step-free entrance', details: 'Ramp at the side door' }] };
const RAW = [
  { id: 'svc-pantry', name: 'Emergency Food Pantry', description: 'Free groceries, once a week per household.', status: 'active',
    languages: [{ name: 'Spanish', code: 'es' }], attributes: [{ taxonomy_term: { name: 'Food Pantry', code: 'BD-1800.2000' } }],
    service_at_locations: [{ location: pantry }],
    schedules: [{ id: 'h1', freq: 'WEEKLY', byday: 'TU,TH', opens_at: '10:00', closes_at: '14:00' },
      { id: 'once', dtstart: '2026-12-12', opens_at: '09:00', closes_at: '12:00', description: 'Holiday food drive' }] },
  { id: 'svc-tutoring', name: 'Adult Reading Tutoring', description: 'One-to-one tutors for adult learners.', status: 'active', minimum_age: 18,
    languages: [{ name: 'English', code: 'en' }], attributes: [{ taxonomy_term: { name: 'Literacy Programs' } }],
    service_at_locations: [{ location: { id: 'loc-ferry', name: 'Riverbend Learning Center', latitude: 41.4935, longitude: -90.6215 } }],
    schedules: [{ id: 'h2', freq: 'WEEKLY', byday: 'MO,WE', opens_at: '17:00', closes_at: '20:00' }] },
  { id: 'svc-youth', name: 'Youth Homework Club', status: 'temporarily closed', minimum_age: 8, maximum_age: 14,
    service_at_locations: [{ location: { id: 'loc-far', name: 'County Annex', latitude: 42.5, longitude: -91.6 } }] },
];

const mapAll = (raws: Record<string, unknown>[]): NormalizedService[] => raws.map((r) => {
  const m = mapHsdsService(r, { zone: ZONE, window });
  if (isSkipped(m)) throw new Error(m.reason);
  return m;
});

/** Stands in for the events sink (issue 3): records what the services sink hands over. */
class RecordingEventsSink implements SyncSink<NormalizedEvent> {
  kind = 'events';
  received: NormalizedEvent[][] = [];
  async apply(_run: SinkRun, items: NormalizedEvent[] | AsyncIterable<NormalizedEvent>): Promise<SinkCounts> {
    const list: NormalizedEvent[] = [];
    for await (const item of items as AsyncIterable<NormalizedEvent>) list.push(item);
    this.received.push(list);
    return { created: list.length, updated: 0, removed: 0, unchanged: 0 };
  }
}

describeEachBackend('services sink and Query.services', (backend) => {
  let graph: TestGraph;
  let partnerId: string;
  const sessions = new RecordingEventsSink();
  const sink = new ServicesSink({ sessions });
  const run = (over: Partial<SinkRun> = {}): SinkRun => ({
    db: graph.db, source: { id: 'src-hsds', partnerId, partnerTimezone: ZONE }, now: NOW, incremental: false, deletedExternalIds: [], ...over,
  });

  beforeAll(async () => {
    graph = await createTestGraph(backend);
    partnerId = 'p-food';
    await graph.db.getRepository(PartnerEntity).insert({ id: partnerId, slug: 'food-share', name: 'Millbrook Food Share', kind: PartnerKind.NONPROFIT, website: null, timezone: ZONE, createdAt: NOW });
  });
  afterAll(() => graph.close());

  it('stores a pull, hands one-off sessions to the events sink, and a second identical pull writes nothing', async () => {
    expect(await sink.apply(run(), mapAll(RAW))).toEqual({ created: 4, updated: 0, removed: 0, unchanged: 0 });
    expect(sessions.received[0].map((e) => [e.title, e.description, e.startsAt.toISOString()])).toEqual([['Emergency Food Pantry', 'Holiday food drive', '2026-12-12T15:00:00.000Z']]);
    const again = await graph.sql.measure(() => sink.apply(run(), mapAll(RAW)));
    expect(again.result).toEqual({ created: 1, updated: 0, removed: 0, unchanged: 3 }); // 1 = the session, re-handed to the events sink
    expect(again.statements).toBeLessThanOrEqual(4); // BEGIN, SELECT, COMMIT (+ driver housekeeping); no INSERT/UPDATE
  });

  it('filters by text, taxonomy term (name or code), language, age and near, and pages by name', async () => {
    const q = `query($filter: ServiceFilter, $first: Int, $after: String) { services(filter: $filter, first: $first, after: $after) {
      totalCount edges { node { name } } pageInfo { hasNextPage endCursor } } }`;
    const names = async (filter: Record<string, unknown>) => (await graph.execute(q, { filter })).data!.services.edges.map((e: any) => e.node.name);
    expect(await names({})).toEqual(['Adult Reading Tutoring', 'Emergency Food Pantry', 'Youth Homework Club']);
    expect(await names({ text: 'GROCERIES' })).toEqual(['Emergency Food Pantry']);
    expect(await names({ categories: ['food pantry'] })).toEqual(['Emergency Food Pantry']);
    expect(await names({ categories: ['BD-1800.2000', 'Literacy Programs'] })).toEqual(['Adult Reading Tutoring', 'Emergency Food Pantry']);
    expect(await names({ language: 'ES' })).toEqual(['Emergency Food Pantry']);
    expect(await names({ language: 'english' })).toEqual(['Adult Reading Tutoring']);
    // Any spelling of the language finds what the directory published under another one.
    expect(await names({ language: 'Español' })).toEqual(['Emergency Food Pantry']);
    expect(await names({ language: 'spa' })).toEqual(['Emergency Food Pantry']);
    expect(await names({ language: 'eng' })).toEqual(['Adult Reading Tutoring']);
    expect(await names({ age: 10 })).toEqual(['Emergency Food Pantry', 'Youth Homework Club']);
    expect(await names({ near: { lat: 41.49, lon: -90.6, km: 5 } })).toEqual(['Adult Reading Tutoring', 'Emergency Food Pantry']);
    const first = (await graph.execute(q, { first: 2 })).data!.services;
    expect(first.totalCount).toBe(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await graph.execute(q, { first: 2, after: first.pageInfo.endCursor })).data!.services;
    expect(second.edges.map((e: any) => e.node.name)).toEqual(['Youth Homework Club']);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('filters by openAt and answers isOpenAt in the location\'s own time', async () => {
    const q = `query($at: DateTime!) { services(filter: { openAt: $at }) { totalCount edges { node { name isOpenAt(at: $at) } } } }`;
    const tuesdayNoon = '2026-12-01T18:00:00Z'; // 12:00 CST
    const result = (await graph.execute(q, { at: tuesdayNoon })).data!.services;
    expect(result).toEqual({ totalCount: 1, edges: [{ node: { name: 'Emergency Food Pantry', isOpenAt: true } }] });
    const monday6pm = '2026-11-30T00:00:00Z'; // Sunday 18:00 CST: nobody
    expect((await graph.execute(q, { at: monday6pm })).data!.services.totalCount).toBe(0);
    const all = (await graph.execute(`{ services { edges { node { name isOpenAt(at: "${tuesdayNoon}") } } } }`)).data!.services.edges;
    expect(all.map((e: any) => e.node.isOpenAt)).toEqual([false, true, null]); // the homework club publishes no hours
  });

  it('resolves organization, locations with accessibility, hours and Node refetch in a constant number of statements', async () => {
    const q = `{ services(first: 10) { edges { node { id name organization { name kind } locations { name address accessibility }
      hours { byDay opensAt closesAt } languages { tag name nativeName } } } } }`;
    const { result, statements } = await graph.sql.measure(() => graph.execute(q));
    const pantryNode = result.data!.services.edges[1].node;
    expect(pantryNode).toMatchObject({
      name: 'Emergency Food Pantry', organization: { name: 'Millbrook Food Share', kind: 'NONPROFIT' },
      locations: [{ name: 'Food Share Pantry', address: '78 Mill Road, Millbrook, IA 52799, US', accessibility: 'Step-free entrance Ramp at the side door' }],
      hours: [{ byDay: ['TU', 'TH'], opensAt: '10:00', closesAt: '14:00' }],
      // Published as { name: 'Spanish', code: 'es' }: one language, not two strings.
      languages: [{ tag: 'es', name: 'Spanish', nativeName: 'español' }],
    });
    expect(statements).toBeLessThanOrEqual(4); // page + partners + links + locations
    const node = await graph.execute(`query($id: ID!) { node(id: $id) { ... on Service { name } } }`, { id: pantryNode.id });
    expect(node.data!.node).toEqual({ name: 'Emergency Food Pantry' });
    const partner = await graph.execute(`{ partner(slug: "food-share") { services { totalCount } } }`);
    expect(partner.data!.partner.services.totalCount).toBe(3);
  });

  it('rejects a bad filter with the exact error and changes nothing', async () => {
    const bad = await graph.execute('{ services(filter: { age: -3 }) { totalCount } }');
    expect(bad.errors![0].message).toBe('Invalid value for argument "filter.age": -3. Expected an age in years from 0 to 130.');
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const cursor = await graph.execute('{ services(after: "nope") { totalCount } }');
    expect(cursor.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('keeps services an incremental pull omits, removes those a full pull omits or the source deletes', async () => {
    const [pantryOnly] = mapAll([RAW[0]]);
    expect(await sink.apply(run({ incremental: true }), [pantryOnly])).toMatchObject({ removed: 0, unchanged: 1 });
    expect(await sink.apply(run({ incremental: true, deletedExternalIds: ['svc-youth'] }), [])).toMatchObject({ removed: 1 });
    expect(await sink.apply(run(), [pantryOnly])).toMatchObject({ removed: 1, unchanged: 1 });
    const live = await graph.db.getRepository(ServiceEntity).findBy({ removedAt: IsNull() });
    expect(live.map((s) => s.externalId)).toEqual(['svc-pantry']);
    const removedId = toGlobalId('Service', (await graph.db.getRepository(ServiceEntity).findOneByOrFail({ externalId: 'svc-tutoring' })).id);
    expect((await graph.execute(`query($id: ID!) { service(id: $id) { name } }`, { id: removedId })).data!.service).toBeNull();
    // Coming back restores it.
    expect(await sink.apply(run(), mapAll(RAW))).toMatchObject({ updated: 2, unchanged: 1 });
  });
});
