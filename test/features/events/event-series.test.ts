import { localIdOf } from '../../../src/domain/global-id';
import { EventEntity } from '../../../src/model/event.entity';
import { MailOutboxEntity } from '../../../src/model/mail-outbox.entity';
import { describeEachBackend } from '../../support/backends';
import { createTestGraph, GraphResult, TestGraph } from '../../support/graph';
import { createPartner, REGISTER, storedCounts } from '../../support/native-event';

const OCCURRENCE = 'id title startsAt endsAt seriesId overriddenFields registration { capacity confirmed waitlisted opensAt closesAt }';
const CREATE = `mutation($input: CreateEventSeriesInput!) { createEventSeries(input: $input) { seriesId occurrences { ${OCCURRENCE} } } }`;
const UPDATE_SERIES = `mutation($seriesId: ID!, $input: UpdateEventInput!) { updateEventSeries(seriesId: $seriesId, input: $input) { seriesId occurrences { ${OCCURRENCE} } } }`;
const UPDATE = 'mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { overriddenFields registration { capacity } } }';
const CANCEL_EVENT = 'mutation($id: ID!) { cancelEvent(id: $id) { status } }';

interface Occurrence {
  id: string; title: string; startsAt: string; endsAt: string; seriesId: string; overriddenFields: string[];
  registration: { capacity: number | null; confirmed: number; waitlisted: number; opensAt: string | null; closesAt: string | null };
}
interface Series { seriesId: string; occurrences: Occurrence[] }

/**
 * Native recurring series (issue 20): one event row per occurrence of an RRULE, expanded on the
 * event's wall clock; series-wide edits reach the occurrences to come except the fields one was
 * given alone; each occurrence keeps its own seats, waitlist and cancellation.
 */
describeEachBackend('recurring series a partner runs itself', (backend) => {
  let graph: TestGraph;
  let owner: Awaited<ReturnType<typeof createPartner>>;
  let other: Awaited<ReturnType<typeof createPartner>>;
  let clock = new Date('2027-02-01T12:00:00Z');

  beforeAll(async () => {
    graph = await createTestGraph(backend, { clock: () => clock });
    owner = await createPartner(graph.db);
    other = await createPartner(graph.db);
  });
  afterAll(() => graph.close());
  beforeEach(() => {
    clock = new Date('2027-02-01T12:00:00Z');
  });

  const ok = (result: GraphResult) => {
    expect(result.errors).toBeUndefined();
    return result.data!;
  };
  // Tuesdays 10:00–11:00 in Chicago (CST, UTC-6) from 2 March 2027; DST starts on 14 March.
  const baseInput = (patch: Record<string, unknown> = {}) => ({
    partnerId: owner.globalId, title: 'Toddler Time', startsAt: '2027-03-02T16:00:00.000Z', endsAt: '2027-03-02T17:00:00.000Z',
    timezone: 'America/Chicago', capacity: 10, waitlistCapacity: 2, recurrence: 'FREQ=WEEKLY;BYDAY=TU;COUNT=4', ...patch,
  });
  const create = async (patch: Record<string, unknown> = {}) => ok(await graph.execute(CREATE, { input: baseInput(patch) }, { authorization: owner.key })).createEventSeries as Series;
  const updateSeries = async (seriesId: string, input: Record<string, unknown>) =>
    ok(await graph.execute(UPDATE_SERIES, { seriesId, input }, { authorization: owner.key })).updateEventSeries as Series;
  const register = async (eventId: string, who: string) =>
    ok(await graph.execute(REGISTER, { input: { eventId, name: who, email: `${who}@example.org` } })).register as { registration: { id: string; status: string } };
  const eventCount = () => graph.db.getRepository(EventEntity).count();

  it('keeps the local time of day across a DST change, each occurrence with its own window, in one series', async () => {
    const series = await create({ registrationOpensHoursBefore: 168, registrationClosesHoursBefore: 2 });
    expect(series.occurrences.map((o) => [o.startsAt, o.endsAt])).toEqual([
      ['2027-03-02T16:00:00.000Z', '2027-03-02T17:00:00.000Z'],
      ['2027-03-09T16:00:00.000Z', '2027-03-09T17:00:00.000Z'],
      ['2027-03-16T15:00:00.000Z', '2027-03-16T16:00:00.000Z'],
      ['2027-03-23T15:00:00.000Z', '2027-03-23T16:00:00.000Z'],
    ]);
    expect(new Set(series.occurrences.map((o) => o.seriesId))).toEqual(new Set([series.seriesId]));
    expect(new Set(series.occurrences.map((o) => o.id)).size).toBe(4);
    expect(series.occurrences[2]).toMatchObject({
      overriddenFields: [], registration: { capacity: 10, opensAt: '2027-03-09T15:00:00.000Z', closesAt: '2027-03-16T13:00:00.000Z' },
    });
  });

  it('expands UNTIL inclusively, and refuses unbounded, oversized and malformed rules as BAD_USER_INPUT on input.recurrence, storing nothing', async () => {
    const until = await create({ recurrence: 'FREQ=WEEKLY;UNTIL=20270323T150000Z' });
    expect(until.occurrences.map((o) => o.startsAt.slice(0, 10))).toEqual(['2027-03-02', '2027-03-09', '2027-03-16', '2027-03-23']);
    const before = await eventCount();
    for (const recurrence of ['FREQ=WEEKLY;BYDAY=TU', 'FREQ=DAILY;COUNT=201', 'FREQ=DAILY;UNTIL=20280101T000000Z', 'FREQ=SOMETIMES;COUNT=2', 'nonsense']) {
      const result = await graph.execute(CREATE, { input: baseInput({ recurrence }) }, { authorization: owner.key });
      expect(result.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'input.recurrence' } });
      expect(result.errors![0].message).toContain(`"input.recurrence": "${recurrence}"`);
    }
    const window = await graph.execute(CREATE, { input: baseInput({ registrationOpensHoursBefore: 2, registrationClosesHoursBefore: 2 }) }, { authorization: owner.key });
    expect(window.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.registrationClosesHoursBefore' });
    expect(await eventCount()).toBe(before);
  });

  it('keeps an occurrence\'s own capacity through a later series-wide change, while the others follow', async () => {
    const series = await create({ recurrence: 'FREQ=WEEKLY;COUNT=3' });
    const [first, second, third] = series.occurrences;
    const own = ok(await graph.execute(UPDATE, { id: second.id, input: { capacity: 4 } }, { authorization: owner.key })).updateEvent;
    expect(own).toEqual({ overriddenFields: ['capacity'], registration: { capacity: 4 } });

    const after = await updateSeries(series.seriesId, { capacity: 20, title: 'Toddler Time (big room)' });
    expect(after.occurrences.map((o) => [o.id, o.registration.capacity, o.title, o.overriddenFields])).toEqual([
      [first.id, 20, 'Toddler Time (big room)', []],
      [second.id, 4, 'Toddler Time (big room)', ['capacity']],
      [third.id, 20, 'Toddler Time (big room)', []],
    ]);
  });

  it('changes capacity by updateEvent\'s rules: added seats confirm the waitlist, and a capacity one occurrence cannot take changes none', async () => {
    const series = await create({ recurrence: 'FREQ=WEEKLY;COUNT=2', capacity: 1, waitlistCapacity: 2 });
    const [first, second] = series.occurrences;
    await register(first.id, 'ana');
    const ben = await register(first.id, 'ben');
    expect(ben.registration.status).toBe('WAITLISTED');

    const refused = await graph.execute(UPDATE_SERIES, { seriesId: series.seriesId, input: { capacity: 0, title: 'Smaller' } }, { authorization: owner.key });
    expect(refused.errors![0]).toMatchObject({ message: 'Invalid value for argument "input.capacity": 0. Expected at least the 1 seats already confirmed.', extensions: { code: 'BAD_USER_INPUT' } });
    const untouched = await graph.db.getRepository(EventEntity).findBy({ seriesId: series.seriesId });
    expect(untouched.map((e) => [e.title, e.capacity])).toEqual([['Toddler Time', 1], ['Toddler Time', 1]]);

    const grown = await updateSeries(series.seriesId, { capacity: 2 });
    expect(grown.occurrences.map((o) => o.registration)).toMatchObject([{ capacity: 2, confirmed: 2, waitlisted: 0 }, { capacity: 2, confirmed: 0 }]);
    expect((await storedCounts(graph.db, localIdOf('Event', first.id))).rows).toMatchObject({ confirmed: 2, waitlisted: 0 });
    expect((await storedCounts(graph.db, localIdOf('Event', second.id))).confirmed).toBe(0);
    // The same promotion mail as updateEvent's, stored in the same transaction.
    const promotion = await graph.db.getRepository(MailOutboxEntity).findOneBy({ idempotencyKey: `promotion:${localIdOf('Registration', ben.registration.id)}` });
    expect(promotion).toMatchObject({ to: 'ben@example.org' });
  });

  it('leaves occurrences that have started alone, and refuses per-occurrence instants series-wide', async () => {
    const series = await create({ recurrence: 'FREQ=WEEKLY;COUNT=3' });
    clock = new Date('2027-03-02T16:30:00Z');
    const after = await updateSeries(series.seriesId, { title: 'Toddler Time with Ms. Lee', waitlistCapacity: 5 });
    expect(after.occurrences.map((o) => [o.title, o.registration.capacity])).toEqual([
      ['Toddler Time', 10], ['Toddler Time with Ms. Lee', 10], ['Toddler Time with Ms. Lee', 10],
    ]);
    const started = await graph.db.getRepository(EventEntity).findOneByOrFail({ id: localIdOf('Event', series.occurrences[0].id) });
    expect([started.waitlistCapacity, started.sequence]).toEqual([2, 0]);
    for (const key of ['startsAt', 'registrationClosesAt']) {
      const result = await graph.execute(UPDATE_SERIES, { seriesId: series.seriesId, input: { [key]: '2027-04-01T10:00:00Z' } }, { authorization: owner.key });
      expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: `input.${key}` });
    }
  });

  it('cancelling one occurrence stores cancellation mails for its registrants only; the others stay as they were', async () => {
    const series = await create({ recurrence: 'FREQ=WEEKLY;COUNT=2' });
    const [first, second] = series.occurrences;
    const mine = [await register(first.id, 'cara'), await register(first.id, 'dev')];
    await register(second.id, 'eli');
    expect(ok(await graph.execute(CANCEL_EVENT, { id: first.id }, { authorization: owner.key })).cancelEvent).toEqual({ status: 'CANCELLED' });

    const keys = (await graph.db.getRepository(MailOutboxEntity).find()).map((m) => m.idempotencyKey).filter((k) => k.startsWith('event-cancelled:'));
    expect(keys.sort()).toEqual(mine.map((t) => `event-cancelled:${localIdOf('Registration', t.registration.id)}`).sort());
    const rest = await graph.db.getRepository(EventEntity).findOneByOrFail({ id: localIdOf('Event', second.id) });
    expect([rest.status, rest.confirmedCount, rest.sequence]).toEqual(['SCHEDULED', 1, 0]);
    // A series-wide change skips the cancelled occurrence.
    const after = await updateSeries(series.seriesId, { title: 'Moved online' });
    expect(after.occurrences.map((o) => o.title)).toEqual(['Toddler Time', 'Moved online']);
  });

  it('lets only the partner\'s own key create or change its series', async () => {
    const series = await create({ recurrence: 'FREQ=WEEKLY;COUNT=2' });
    const before = await eventCount();
    const createdByOther = await graph.execute(CREATE, { input: baseInput() }, { authorization: other.key });
    expect(createdByOther.errors![0].extensions!.code).toBe('FORBIDDEN');
    const changedByOther = await graph.execute(UPDATE_SERIES, { seriesId: series.seriesId, input: { title: 'Mine now' } }, { authorization: other.key });
    expect(changedByOther.errors![0].extensions!.code).toBe('FORBIDDEN');
    const asPublic = await graph.execute(UPDATE_SERIES, { seriesId: series.seriesId, input: { title: 'Anyone' } });
    expect(asPublic.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const unknown = await graph.execute(UPDATE_SERIES, { seriesId: 'no-such-series', input: { title: 'Nothing' } }, { authorization: owner.key });
    expect(unknown.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(await eventCount()).toBe(before);
    const titles = await graph.db.getRepository(EventEntity).findBy({ seriesId: series.seriesId });
    expect(titles.map((e) => e.title)).toEqual(['Toddler Time', 'Toddler Time']);
  });
});
