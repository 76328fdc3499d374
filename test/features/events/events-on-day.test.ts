import { PartnerEntity } from '../../../src/model/partner.entity';
import { describeEachBackend } from '../../support/backends';
import { createTestGraph, TestGraph } from '../../support/graph';
import { createPartner, insertNativeEvent } from '../../support/native-event';

const DAY = `query ($filter: EventFilter) { events(first: 100, filter: $filter) { totalCount edges { node { title } } } }`;

/**
 * Issue 32: `EventFilter.on` and `timeZone`, so a front end asks for "the 10th" instead of computing
 * UTC bounds. Fixed instants: with `on` and no `from`, the list does not start at now.
 */
describeEachBackend('EventFilter.on and timeZone', (backend) => {
  let graph: TestGraph;

  beforeAll(async () => {
    graph = await createTestGraph(backend);
    const chicago = await createPartner(graph.db, 'river-library');
    const tokyo = await createPartner(graph.db, 'sister-city');
    await graph.db.getRepository(PartnerEntity).update({ id: tokyo.partner.id }, { timezone: 'Asia/Tokyo' });
    const at = (iso: string, hours = 1) => ({ startsAt: new Date(iso), endsAt: new Date(new Date(iso).getTime() + hours * 3_600_000) });
    await insertNativeEvent(graph.db, chicago.partner.id, { title: 'Chicago morning 10th', ...at('2026-12-10T15:00:00Z') });
    // 23:30 on the 10th in Chicago is already the 11th in UTC.
    await insertNativeEvent(graph.db, chicago.partner.id, { title: 'Chicago late 10th', ...at('2026-12-11T05:30:00Z', 0.25) });
    await insertNativeEvent(graph.db, chicago.partner.id, { title: 'Chicago overnight 9th-10th', ...at('2026-12-10T04:00:00Z', 3) });
    await insertNativeEvent(graph.db, chicago.partner.id, { title: 'Chicago 11th', ...at('2026-12-11T15:00:00Z') });
    // 01:00 on the 11th in Tokyo; 10:00 on the 10th in Chicago.
    await insertNativeEvent(graph.db, tokyo.partner.id, { title: 'Tokyo early 11th', ...at('2026-12-10T16:00:00Z'), timezone: 'Asia/Tokyo' });
    await insertNativeEvent(graph.db, tokyo.partner.id, {
      title: 'Tokyo all-day 10th', allDay: true, startDate: '2026-12-10', endDate: '2026-12-11', timezone: 'Asia/Tokyo',
      startsAt: new Date('2026-12-09T15:00:00Z'), endsAt: new Date('2026-12-10T15:00:00Z'),
    });
    // The night clocks went back in Chicago (a 25-hour day): 23:30 CST on 1 November is 05:30Z on the 2nd.
    await insertNativeEvent(graph.db, chicago.partner.id, { title: 'Chicago late 1 Nov', ...at('2026-11-02T05:30:00Z', 0.25) });
  });
  afterAll(() => graph.close());

  const titles = async (filter: Record<string, unknown>): Promise<string[]> => {
    const result = await graph.execute(DAY, { filter });
    expect(result.errors).toBeUndefined();
    return (result.data!.events.edges as { node: { title: string } }[]).map((e) => e.node.title).sort();
  };

  it('reads the day in each partner\'s own zone by default, all-day events by their dates', async () => {
    expect(await titles({ on: '2026-12-10' })).toEqual(['Chicago late 10th', 'Chicago morning 10th', 'Chicago overnight 9th-10th', 'Tokyo all-day 10th']);
    expect(await titles({ on: '2026-12-11' })).toEqual(['Chicago 11th', 'Tokyo early 11th']);
    expect(await titles({ on: '2026-12-09' })).toEqual(['Chicago overnight 9th-10th']);
  });

  it('reads the day in the zone asked for, for every partner; an all-day event keeps its date', async () => {
    expect(await titles({ on: '2026-12-10', timeZone: 'America/Chicago' }))
      .toEqual(['Chicago late 10th', 'Chicago morning 10th', 'Chicago overnight 9th-10th', 'Tokyo all-day 10th', 'Tokyo early 11th']);
    expect(await titles({ on: '2026-12-11', timeZone: 'UTC' })).toEqual(['Chicago 11th', 'Chicago late 10th']);
    expect(await titles({ on: '2026-12-10', timeZone: 'Pacific/Honolulu' })).toContain('Tokyo all-day 10th');
  });

  it('counts the 25-hour day a clock change makes', async () => {
    expect(await titles({ on: '2026-11-01' })).toEqual(['Chicago late 1 Nov']);
    expect(await titles({ on: '2026-11-02' })).toEqual([]);
  });

  it('narrows further with from and to, and pages and counts alike', async () => {
    expect(await titles({ on: '2026-12-10', from: '2026-12-10T12:00:00Z' })).toEqual(['Chicago late 10th', 'Chicago morning 10th', 'Tokyo all-day 10th']);
    const result = await graph.execute('{ events(first: 1, filter: { on: "2026-12-10" }) { totalCount pageInfo { hasNextPage } } }');
    expect(result.data!.events).toEqual({ totalCount: 4, pageInfo: { hasNextPage: true } });
  });

  it('refuses a time zone without a day, an unknown zone and an impossible date, naming the argument', async () => {
    const alone = await graph.execute('{ events(filter: { timeZone: "America/Chicago" }) { totalCount } }');
    expect(alone.errors![0].message).toBe('Invalid value for argument "filter.timeZone": "America/Chicago". Expected a time zone only together with filter.on (it says in which zone that day is read).');
    expect(alone.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const unknown = await graph.execute('{ events(filter: { on: "2026-12-10", timeZone: "Mars/Olympus" }) { totalCount } }');
    expect(unknown.errors![0].message).toBe('Invalid value for argument "filter.timeZone": "Mars/Olympus". Expected an IANA time zone such as America/Chicago.');
    const impossible = await graph.execute('query ($f: EventFilter) { events(filter: $f) { totalCount } }', { f: { on: '2026-02-30' } });
    expect(impossible.errors![0].message).toContain('Date');
    expect(impossible.data).toBeUndefined();
    const instant = await graph.execute('query ($f: EventFilter) { events(filter: $f) { totalCount } }', { f: { on: '2026-12-10T10:00:00Z' } });
    expect(instant.errors).toHaveLength(1);
  });
});
