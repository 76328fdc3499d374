import { EventStatus, RegistrationMode } from '../../../src/domain/enums';
import { describeEachBackend } from '../../support/backends';
import { createTestGraph, TestGraph } from '../../support/graph';
import { createPartner, insertNativeEvent, REGISTER } from '../../support/native-event';

const STATE = `query ($id: ID!) { event(id: $id) { registration { state isOpen remaining } } }`;
const DAY_MS = 86_400_000;

/**
 * Issue 32: `RegistrationInfo.state`, so a drop-in event no longer reads as "closed" (isOpen false) and a
 * front end picks its label from one field. Counts move through the real register mutation.
 */
describeEachBackend('RegistrationInfo.state', (backend) => {
  let graph: TestGraph;
  let partnerId: string;
  let email = 0;

  beforeAll(async () => {
    graph = await createTestGraph(backend);
    partnerId = (await createPartner(graph.db)).partner.id;
  });
  afterAll(() => graph.close());

  const stateOf = async (id: string) => {
    const result = await graph.execute(STATE, { id });
    expect(result.errors).toBeUndefined();
    return result.data!.event.registration;
  };
  const register = async (eventId: string) => {
    const result = await graph.execute(REGISTER, { input: { eventId, name: 'Ada Lovelace', email: `p${++email}@example.org` } });
    expect(result.errors).toBeUndefined();
    return result.data!.register.registration.status as string;
  };

  it('says NOT_REQUIRED for a drop-in event, where isOpen alone reads false', async () => {
    const event = await insertNativeEvent(graph.db, partnerId, { registrationMode: RegistrationMode.NONE, capacity: null });
    expect(await stateOf(event.globalId)).toEqual({ state: 'NOT_REQUIRED', isOpen: false, remaining: null });
  });

  it('goes OPEN → WAITLIST_OPEN → FULL as people register', async () => {
    const event = await insertNativeEvent(graph.db, partnerId, { capacity: 1, waitlistCapacity: 1, maxPartySize: 1 });
    expect(await stateOf(event.globalId)).toEqual({ state: 'OPEN', isOpen: true, remaining: 1 });
    expect(await register(event.globalId)).toBe('CONFIRMED');
    expect(await stateOf(event.globalId)).toEqual({ state: 'WAITLIST_OPEN', isOpen: true, remaining: 0 });
    expect(await register(event.globalId)).toBe('WAITLISTED');
    expect(await stateOf(event.globalId)).toEqual({ state: 'FULL', isOpen: true, remaining: 0 });
  });

  it('says NOT_YET_OPEN before its window and CLOSED after it, or when the event is cancelled', async () => {
    const later = await insertNativeEvent(graph.db, partnerId, { registrationOpensAt: new Date(Date.now() + DAY_MS) });
    const past = await insertNativeEvent(graph.db, partnerId, { registrationClosesAt: new Date(Date.now() - DAY_MS) });
    const cancelled = await insertNativeEvent(graph.db, partnerId, { status: EventStatus.CANCELLED });
    expect((await stateOf(later.globalId)).state).toBe('NOT_YET_OPEN');
    expect((await stateOf(past.globalId)).state).toBe('CLOSED');
    expect((await stateOf(cancelled.globalId)).state).toBe('CLOSED');
  });
});
