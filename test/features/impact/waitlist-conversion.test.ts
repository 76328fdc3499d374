import { ApiKeyRole } from '../../../src/domain/enums';
import { ApiKeyService } from '../../../src/features/partners/api-key.service';
import { describeEachBackend } from '../../support/backends';
import { createTestGraph, TestGraph } from '../../support/graph';
import { CANCEL, createPartner, insertNativeEvent, REGISTER } from '../../support/native-event';

const CONVERSION = `query($from: DateTime!, $to: DateTime!) {
  impact(from: $from, to: $to) { totals { waitlistJoined waitlistPromoted waitlistConversion waitlisted confirmed } }
}`;

const DAY = 86_400_000;

/**
 * Waitlist conversion from what registrations did, through the API: two seats, three parties waiting;
 * a confirmed party cancels (the first in line is promoted), a waiting one gives up, one is still
 * waiting when the occurrence ends. Three waited, one got a seat.
 */
describeEachBackend('waitlist conversion in impact reports', (backend) => {
  let graph: TestGraph;
  let now = new Date();
  let admin: string;
  let event: Awaited<ReturnType<typeof insertNativeEvent>>;

  beforeAll(async () => {
    graph = await createTestGraph(backend, { clock: () => now });
    const { partner } = await createPartner(graph.db, 'conversion-library');
    admin = `Bearer ${(await new ApiKeyService(graph.db).create({ role: ApiKeyRole.ADMIN, label: 'conversion admin' })).secret}`;
    event = await insertNativeEvent(graph.db, partner.id, { title: 'Two-seat workshop', capacity: 2, waitlistCapacity: 5 });
  });
  afterAll(() => graph.close());

  const register = async (who: string) => (await graph.execute(REGISTER, { input: { eventId: event.globalId, name: who, email: `${who}@example.org`, partySize: 1 } })).data!.register;
  const cancel = async (ticket: { cancelToken: string; registration: { id: string } }) => {
    const result = await graph.execute(CANCEL, { input: { registrationId: ticket.registration.id, cancelToken: ticket.cancelToken } });
    expect(result.errors).toBeUndefined();
    return result.data!.cancelRegistration;
  };
  const report = async () => {
    const result = await graph.execute(CONVERSION, { from: new Date(event.startsAt.getTime() - DAY).toISOString(), to: new Date(event.startsAt.getTime() + DAY).toISOString() }, { authorization: admin });
    expect(result.errors).toBeUndefined();
    return result.data!.impact.totals;
  };

  it('counts the parties that waited and those that got a seat, once the occurrence has ended', async () => {
    const tickets = [];
    for (const who of ['ada', 'bea', 'cy', 'dee', 'eve']) tickets.push(await register(who));
    expect(tickets.map((t) => t.registration.status)).toEqual(['CONFIRMED', 'CONFIRMED', 'WAITLISTED', 'WAITLISTED', 'WAITLISTED']);
    expect((await cancel(tickets[0])).promoted).toBe(1);
    expect((await cancel(tickets[3])).registration.status).toBe('CANCELLED');
    // Before the end the waitlist is not settled: nothing is counted yet.
    expect(await report()).toMatchObject({ waitlistJoined: 0, waitlistPromoted: 0, waitlistConversion: null, waitlisted: 1 });

    now = new Date(event.endsAt.getTime() + 60_000);
    expect(await report()).toEqual({ waitlistJoined: 3, waitlistPromoted: 1, waitlistConversion: 1 / 3, waitlisted: 1, confirmed: 2 });
  });
});
