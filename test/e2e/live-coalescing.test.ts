import { describeEachBackend } from '../support/backends';
import { createPartner, insertNativeEvent, REGISTER } from '../support/native-event';
import { startTestServer, TestServer } from '../support/server';
import { connect, toWsUrl } from '../support/ws';
import { untilSubscriptions } from '../support/live';

const COUNTS = 'subscription($ids: [ID!]) { registrationCounts(eventIds: $ids) { eventId confirmed } }';

/**
 * The server coalesces REGISTRATION_COUNTS per event as its pub/sub hears them (LIVE_COALESCE_MS). A
 * window of a minute keeps this test free of timing: within it, an event's first change is a frame at
 * once and its later ones wait for the window's end, while another event's first change goes straight out.
 */
describeEachBackend('live counts coalesced per event (LIVE_COALESCE_MS)', (backend) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(backend, { demo: false, env: { LIVE_COALESCE_MS: '60000' } });
  });
  afterAll(() => server.close());

  it('sends an event\'s first change at once and holds the rest of its burst, without holding back another event', async () => {
    const partner = await createPartner(server.app.db);
    const busy = await insertNativeEvent(server.app.db, partner.partner.id, { capacity: 100 });
    const quiet = await insertNativeEvent(server.app.db, partner.partner.id, { capacity: 100 });
    const socket = await connect(toWsUrl(server.graphqlUrl));
    socket.send({ type: 'subscribe', id: 'counts', payload: { query: COUNTS, variables: { ids: [busy.globalId, quiet.globalId] } } });
    await untilSubscriptions(server, 1);
    let email = 0;
    const register = (eventId: string) => server.post({ query: REGISTER, variables: { input: { eventId, name: 'N', email: `n${++email}@example.org` } } });
    for (let i = 0; i < 3; i++) await register(busy.globalId);
    await register(quiet.globalId);
    // In publish order: without coalescing, the busy event's 2nd and 3rd counts would come before the quiet one's.
    const frames = [await socket.next(), await socket.next()].map((m) => m.payload.data.registrationCounts);
    expect(frames).toEqual([{ eventId: busy.globalId, confirmed: 1 }, { eventId: quiet.globalId, confirmed: 1 }]);
    socket.close();
    await untilSubscriptions(server, 0);
  });
});
