import { RegistrationMode } from '../../../src/domain/enums';
import { describeEachBackend } from '../../support/backends';
import { createTestGraph, TestGraph } from '../../support/graph';
import { createPartner, insertNativeEvent } from '../../support/native-event';

const OVERVIEW = `query($filter: EventFilter) {
  registrationOverview(filter: $filter) {
    complete
    totals { events seats confirmed waitlisted attended fillRate }
    programs { key title organizer { slug } occurrences { title } totals { events seats confirmed waitlisted attended fillRate } }
    needsAttention { reason event { title } }
  }
}`;

/**
 * A fixture town whose dashboard numbers are worked out by hand below: one partner's events with
 * seats, a weekly club of three dates, and a drop-in event that has no seats to count.
 */
describeEachBackend('registrationOverview', (backend) => {
  let graph: TestGraph;
  let partnerId: string;
  const HOUR = 3_600_000;
  const DAY = 24 * HOUR;
  const at = (ms: number, minutes = 60) => ({ startsAt: new Date(Date.now() + ms), endsAt: new Date(Date.now() + ms + minutes * 60_000) });

  beforeAll(async () => {
    graph = await createTestGraph(backend);
    const { partner, globalId } = await createPartner(graph.db, 'overview-fixture');
    partnerId = globalId;
    const add = (title: string, fields: Parameters<typeof insertNativeEvent>[2]) => insertNativeEvent(graph.db, partner.id, { title, ...fields });
    await add('Full Workshop', { ...at(5 * DAY), capacity: 10, confirmedCount: 10, waitlistCapacity: 0 });
    await add('Full With Waitlist', { ...at(5 * DAY + HOUR), capacity: 10, confirmedCount: 10, waitlistCapacity: 5, waitlistedCount: 2 });
    await add('Quiet Talk', { ...at(48 * HOUR), capacity: 20, confirmedCount: 4 });
    await add('Busy Talk', { ...at(48 * HOUR + 60_000), capacity: 20, confirmedCount: 5, attendedCount: 0 });
    await add('Opens Later', { ...at(6 * DAY), capacity: 12, registrationOpensAt: new Date(Date.now() + 2 * DAY) });
    await add('Opens Later, Far Off', { ...at(10 * DAY), capacity: 12, registrationOpensAt: new Date(Date.now() + 2 * DAY) });
    await add('Weekly Club', { ...at(8 * DAY), seriesId: 'club', capacity: 8, confirmedCount: 4 });
    await add('Weekly Club', { ...at(15 * DAY), seriesId: 'club', capacity: 8, confirmedCount: 8, waitlistCapacity: 4, waitlistedCount: 2 });
    await add('Weekly Club', { ...at(22 * DAY), seriesId: 'club', capacity: 8, confirmedCount: 0 });
    await add('Drop-in Hour', { ...at(3 * DAY), registrationMode: RegistrationMode.NONE, capacity: null });
    // Yesterday's session, checked in: outside the default range (events still on at or after now).
    await add('Weekly Club', { ...at(-DAY), seriesId: 'club', capacity: 8, confirmedCount: 7, attendedCount: 6 });
  });
  afterAll(() => graph.close());

  it('totals seats and people over the events with seats, one row per program, and lists what needs attention', async () => {
    const result = await graph.execute(OVERVIEW, { filter: { partnerIds: [partnerId] } });
    expect(result.errors).toBeUndefined();
    const overview = result.data!.registrationOverview;
    expect(overview.complete).toBe(true);
    // 10+10+20+20+12+12+8+8+8 seats; 10+10+4+5+0+0+4+8+0 confirmed; 2+2 waitlisted.
    expect(overview.totals).toEqual({ events: 9, seats: 108, confirmed: 41, waitlisted: 4, attended: 0, fillRate: 41 / 108 });
    expect(overview.programs.map((p: any) => [p.title, p.occurrences.length, p.totals.confirmed, p.totals.seats])).toEqual([
      ['Quiet Talk', 1, 4, 20],
      ['Busy Talk', 1, 5, 20],
      ['Full Workshop', 1, 10, 10],
      ['Full With Waitlist', 1, 10, 10],
      ['Opens Later', 1, 0, 12],
      ['Weekly Club', 3, 12, 24],
      ['Opens Later, Far Off', 1, 0, 12],
    ]);
    const club = overview.programs.find((p: any) => p.title === 'Weekly Club');
    expect(club).toMatchObject({ key: 'club', organizer: { slug: 'overview-fixture' }, totals: { events: 3, waitlisted: 2, fillRate: 0.5 } });
    expect(overview.needsAttention).toEqual([
      { reason: 'UNDER_FILLED', event: { title: 'Quiet Talk' } },
      { reason: 'FULL_NO_WAITLIST', event: { title: 'Full Workshop' } },
      { reason: 'NOT_YET_OPEN', event: { title: 'Opens Later' } },
    ]);
  });

  it('takes the events filter: a date range that includes yesterday counts its check-ins', async () => {
    const from = new Date(Date.now() - 2 * DAY).toISOString();
    const to = new Date(Date.now() + 9 * DAY).toISOString();
    const result = await graph.execute(OVERVIEW, { filter: { partnerIds: [partnerId], from, to } });
    expect(result.errors).toBeUndefined();
    const overview = result.data!.registrationOverview;
    // Yesterday's club and the first upcoming one join the five one-offs with seats before day 9.
    expect(overview.totals).toMatchObject({ events: 7, seats: 10 + 10 + 20 + 20 + 12 + 8 + 8, confirmed: 10 + 10 + 4 + 5 + 7 + 4, attended: 6 });
    // Yesterday's session has started: nothing to act on.
    expect(overview.needsAttention.map((a: any) => a.event.title)).toEqual(['Quiet Talk', 'Full Workshop', 'Opens Later']);
  });

  it('answers the public with counts, and no registrant\'s name through it', async () => {
    const counts = await graph.execute('{ registrationOverview { totals { events } } }');
    expect(counts.errors).toBeUndefined();
    expect(counts.data!.registrationOverview.totals.events).toBeGreaterThan(0);
    const names = await graph.execute('{ registrationOverview { programs { occurrences { registrations { name } } } } }');
    expect(names.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
