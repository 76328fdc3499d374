import { ApiKeyRole } from '../../../src/domain/enums';
import { toGlobalId } from '../../../src/domain/global-id';
import { EventEntity } from '../../../src/model/event.entity';
import { LocationEntity } from '../../../src/model/location.entity';
import { EventChangeMessage, RegistrationCountsMessage } from '../../../src/pubsub/topics';
import { describeEachBackend } from '../../support/backends';
import { createTestGraph, TestGraph } from '../../support/graph';
import { createPartner, insertNativeEvent, REGISTER, storedCounts } from '../../support/native-event';

const CREATE = `mutation($input: CreateEventInput!) {
  createEvent(input: $input) { id title description timezone startsAt endsAt categories audiences location { name }
    organizer { slug } registration { mode capacity waitlistCapacity maxPartySize isOpen remaining } }
}`;
const UPDATE = 'mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { title registration { capacity confirmed waitlisted remaining } } }';
const CANCEL_EVENT = 'mutation($id: ID!) { cancelEvent(id: $id) { status } }';

describeEachBackend('partners\' own events', (backend) => {
  let graph: TestGraph;
  let owner: Awaited<ReturnType<typeof createPartner>>;
  let other: Awaited<ReturnType<typeof createPartner>>;
  const changes: EventChangeMessage[] = [];
  const counts: RegistrationCountsMessage[] = [];
  const startsAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
  const endsAt = new Date(Date.now() + 3 * 86_400_000 + 5_400_000).toISOString();

  beforeAll(async () => {
    graph = await createTestGraph(backend);
    owner = await createPartner(graph.db);
    other = await createPartner(graph.db);
    const collect = async <T>(iterator: AsyncIterable<T>, into: T[]) => { for await (const m of iterator) into.push(m); };
    void collect(graph.services.pubsub.subscribe('EVENT_CHANGES'), changes);
    void collect(graph.services.pubsub.subscribe('REGISTRATION_COUNTS'), counts);
  });
  afterAll(() => graph.close());

  const eventCount = () => graph.db.getRepository(EventEntity).count();
  const baseInput = () => ({ partnerId: owner.globalId, title: 'Coding Club', startsAt, endsAt, capacity: 2, waitlistCapacity: 1, maxPartySize: 2 });

  it('creates a NATIVE event for the partner\'s own key, and publishes CREATED', async () => {
    const location = graph.db.getRepository(LocationEntity).create({ id: 'loc-own', partnerId: owner.partner.id, code: null, name: 'Annex', address: null, lat: null, lon: null, accessibility: null });
    await graph.db.getRepository(LocationEntity).insert(location);
    const result = await graph.execute(CREATE, {
      input: { ...baseInput(), description: '<p>Bring a <b>laptop</b></p>', categories: [' STEM ', 'STEM'], audiences: ['TEENS'], locationId: toGlobalId('Location', 'loc-own') },
    }, { authorization: owner.key });
    expect(result.errors).toBeUndefined();
    expect(result.data!.createEvent).toMatchObject({
      title: 'Coding Club', description: 'Bring a laptop', timezone: 'America/Chicago', startsAt,
      categories: ['STEM'], audiences: ['TEENS'], location: { name: 'Annex' }, organizer: { slug: owner.partner.slug },
      registration: { mode: 'NATIVE', capacity: 2, waitlistCapacity: 1, maxPartySize: 2, isOpen: true, remaining: 2 },
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(changes.at(-1)).toMatchObject({ type: 'CREATED', partnerId: owner.partner.id, partnerKind: 'LIBRARY' });
  });

  it('refuses the public, other partners, and bad values, storing nothing', async () => {
    const before = await eventCount();
    const asPublic = await graph.execute(CREATE, { input: baseInput() });
    expect(asPublic.errors![0]).toMatchObject({ message: 'Creating an event needs an API key (Authorization: Bearer <key>).', extensions: { code: 'UNAUTHENTICATED' } });
    const asOther = await graph.execute(CREATE, { input: baseInput() }, { authorization: other.key });
    expect(asOther.errors![0].extensions!.code).toBe('FORBIDDEN');
    const bad: [Record<string, unknown>, string, string][] = [
      [{ endsAt: startsAt }, 'input.endsAt', `Invalid value for argument "input.endsAt": "${new Date(startsAt).toISOString()}". Expected an instant after startsAt (${new Date(startsAt).toISOString()}).`],
      [{ timezone: 'Mars/Olympus' }, 'input.timezone', 'Invalid value for argument "input.timezone": "Mars/Olympus". Expected an IANA time zone such as America/Chicago.'],
      [{ capacity: -1 }, 'input.capacity', 'Invalid value for argument "input.capacity": -1. Expected an integer from 0 to 100000, or null for no limit.'],
      [{ maxPartySize: 0 }, 'input.maxPartySize', 'Invalid value for argument "input.maxPartySize": 0. Expected an integer from 1 to 100.'],
      [{ title: ' ' }, 'input.title', 'Invalid value for argument "input.title": " ". Expected a title of 1 to 500 characters.'],
      [{ locationId: toGlobalId('Location', 'somewhere-else') }, 'input.locationId', `Invalid value for argument "input.locationId": "${toGlobalId('Location', 'somewhere-else')}". Expected one of this partner's own locations.`],
    ];
    for (const [patch, argument, message] of bad) {
      const result = await graph.execute(CREATE, { input: { ...baseInput(), ...patch } }, { authorization: owner.key });
      expect(result.errors![0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', argument } });
    }
    expect(await eventCount()).toBe(before);
  });

  it('lets an ADMIN key create events for any partner', async () => {
    const { secret } = await graph.services.apiKeys.create({ role: ApiKeyRole.ADMIN, label: 'admin' });
    const result = await graph.execute(CREATE, { input: baseInput() }, { authorization: `Bearer ${secret}` });
    expect(result.data!.createEvent.organizer.slug).toBe(owner.partner.slug);
  });

  it('edits seats under the lock: never below confirmed, and added seats promote the waitlist', async () => {
    const event = await insertNativeEvent(graph.db, owner.partner.id, { capacity: 1, waitlistCapacity: 2, maxPartySize: 1 });
    for (const n of [1, 2, 3]) await graph.execute(REGISTER, { input: { eventId: event.globalId, name: 'N', email: `seat${n}@example.org` } });
    expect(await storedCounts(graph.db, event.id)).toMatchObject({ confirmed: 1, waitlisted: 2 });

    const tooSmall = await graph.execute(UPDATE, { id: event.globalId, input: { capacity: 0 } }, { authorization: owner.key });
    expect(tooSmall.errors![0]).toMatchObject({ message: 'Invalid value for argument "input.capacity": 0. Expected at least the 1 seats already confirmed.', extensions: { code: 'BAD_USER_INPUT' } });
    const byOther = await graph.execute(UPDATE, { id: event.globalId, input: { title: 'Mine now' } }, { authorization: other.key });
    expect(byOther.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(await storedCounts(graph.db, event.id)).toMatchObject({ confirmed: 1, waitlisted: 2 });

    const grown = await graph.execute(UPDATE, { id: event.globalId, input: { capacity: 2, title: 'Bigger room' } }, { authorization: owner.key });
    expect(grown.data!.updateEvent).toEqual({ title: 'Bigger room', registration: { capacity: 2, confirmed: 2, waitlisted: 1, remaining: 0 } });
    const stored = await storedCounts(graph.db, event.id);
    expect(stored.rows).toMatchObject({ confirmed: 2, waitlisted: 1 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(counts.at(-1)).toMatchObject({ eventId: event.id, capacity: 2, confirmed: 2, waitlisted: 1, remaining: 0 });
    expect(changes.at(-1)).toMatchObject({ type: 'UPDATED', eventId: event.id });
    expect((await graph.db.getRepository(EventEntity).findOneByOrFail({ id: event.id })).sequence).toBe(1);
  });

  it('cancels an event: registration answers EVENT_CANCELLED, edits are refused, CANCELLED is published once', async () => {
    const event = await insertNativeEvent(graph.db, owner.partner.id);
    expect((await graph.execute(CANCEL_EVENT, { id: event.globalId }, { authorization: owner.key })).data!.cancelEvent).toEqual({ status: 'CANCELLED' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(changes.filter((c) => c.eventId === event.id).map((c) => c.type)).toEqual(['CANCELLED']);
    await graph.execute(CANCEL_EVENT, { id: event.globalId }, { authorization: owner.key });
    await new Promise((resolve) => setImmediate(resolve));
    expect(changes.filter((c) => c.eventId === event.id)).toHaveLength(1);
    const register = await graph.execute(REGISTER, { input: { eventId: event.globalId, name: 'Late', email: 'late@example.org' } });
    expect(register.data!.register.code).toBe('EVENT_CANCELLED');
    const edit = await graph.execute(UPDATE, { id: event.globalId, input: { title: 'Back on' } }, { authorization: owner.key });
    expect(edit.errors![0]).toMatchObject({ message: 'A cancelled event cannot be edited.', extensions: { code: 'CONFLICT' } });
  });

  it('refuses to edit an event that comes from a partner feed', async () => {
    const synced = await insertNativeEvent(graph.db, owner.partner.id, { sourceId: 'feed-1', externalId: 'uid-1' });
    const edit = await graph.execute(UPDATE, { id: synced.globalId, input: { title: 'Local edit' } }, { authorization: owner.key });
    expect(edit.errors![0]).toMatchObject({ message: 'This event comes from a partner feed; change it at its source.', extensions: { code: 'CONFLICT' } });
    expect((await graph.db.getRepository(EventEntity).findOneByOrFail({ id: synced.id })).title).toBe('Robotics workshop');
  });
});
