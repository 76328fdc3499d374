import { ApiKeyEntity } from '../../src/model/api-key.entity';
import { metrics } from '../../src/observability/metrics';
import { describeEachBackend } from '../support/backends';
import { runCli } from '../support/cli';
import { createPartner, insertNativeEvent, REGISTER } from '../support/native-event';
import { startTestServer, TestServer } from '../support/server';
import { until } from '../support/until';
import { connect, TestSocket, toWsUrl, WsMessage } from '../support/ws';

/** What the attacker subscribed to: every registrant's email, which a PARTNER key may read. */
const EMAILS = 'subscription($ids: [ID!]) { registrationCounts(eventIds: $ids) { confirmed event { registrations { email } } } }';

/** Each CLI run starts Node + tsx (about 1 s of CPU); on a loaded machine it takes a while. */
const CLI_TIMEOUT_MS = 180_000;

/** Records every message from now on; `closed` resolves with them once the server closes the socket. */
function recordUntilClosed(socket: TestSocket): Promise<{ messages: WsMessage[]; code: number; reason: string }> {
  const messages: WsMessage[] = [];
  socket.socket.on('message', (data) => messages.push(JSON.parse(String(data)) as WsMessage));
  return socket.closed.then(({ code, reason }) => ({ messages, code, reason }));
}

describeEachBackend('revoking an API key reaches its open sockets', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, { demo: false });
  });
  afterAll(() => server.close());

  async function subscribedPartner() {
    const partner = await createPartner(server.app.db);
    const event = await insertNativeEvent(server.app.db, partner.partner.id, { capacity: 50 });
    const keyId = (await server.app.services.apiKeys.list()).find((k) => k.label === partner.partner.slug)!.id;
    const socket = await connect(toWsUrl(server.graphqlUrl), { authorization: partner.key });
    const attached = server.app.activeSubscriptions();
    socket.send({ type: 'subscribe', id: 'emails', payload: { query: EMAILS, variables: { ids: [event.globalId] } } });
    // A registration published before the subscription is attached reaches nobody: wait for the state.
    await until(() => server.app.activeSubscriptions() === attached + 1, 'the subscription is attached');
    const register = (email: string) => server.post({ query: REGISTER, variables: { input: { eventId: event.globalId, name: 'N', email } } });
    // Before revocation the key reads emails: the first frame proves the subscription is live.
    await register('before@example.org');
    const first = await socket.next();
    expect(first).toMatchObject({ type: 'next', id: 'emails', payload: { data: { registrationCounts: { confirmed: 1, event: { registrations: [{ email: 'before@example.org' }] } } } } });
    return { partner, keyId, socket, register };
  }

  it('revoked by the CLI (another process, no pub/sub): the next frame is refused and the socket closes 4403', async () => {
    const { partner, keyId, socket, register } = await subscribedPartner();
    const recorded = recordUntilClosed(socket);
    const revoked = await runCli(['apikey', 'revoke', keyId], { DATABASE_URL: server.database.url });
    expect(revoked.stdout).toMatch(/^Revoked API key/);
    // HTTP refuses the key at once.
    expect((await server.post({ query: '{ partners { slug } }' }, { authorization: partner.key })).status).toBe(401);

    await register('after@example.org');
    const { messages, code } = await recorded;
    expect(code).toBe(4403);
    expect(JSON.stringify(messages)).not.toContain('@example.org');
    // The one frame the key could have had is an UNAUTHENTICATED error, with no data.
    for (const message of messages) {
      expect(message).toMatchObject({ type: 'next', payload: { errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] } });
      expect(message.payload.data).toBeUndefined();
    }
    // And a new socket with the key is refused as before.
    const again = await connect(toWsUrl(server.graphqlUrl), { authorization: partner.key }).catch((error: Error) => error);
    expect(again).toBeInstanceOf(Error);
    expect((again as Error).message).toMatch(/^closed 44\d\d /);
  }, CLI_TIMEOUT_MS);

  it('revoked through ApiKeyService (announced on the pub/sub): the socket closes 4403 before any further change', async () => {
    const { keyId, socket, register } = await subscribedPartner();
    const before = (await metrics.wsClosed.get()).values.find((v) => v.labels.reason === 'revoked')?.value ?? 0;
    const recorded = recordUntilClosed(socket);
    await server.app.services.apiKeys.revoke(keyId);
    const { messages, code, reason } = await recorded;
    expect({ code, reason }).toEqual({ code: 4403, reason: 'Forbidden: the API key was revoked' });
    expect(messages).toEqual([]);
    expect((await metrics.wsClosed.get()).values.find((v) => v.labels.reason === 'revoked')?.value).toBe(before + 1);
    // Registrations after the close reach nobody (and the server is fine).
    expect((await register('after@example.org')).json.data.register.__typename).toBe('RegistrationTicket');
  });

  it('a subscribe sent on the socket after revocation is refused with 4403 and runs nothing', async () => {
    const partner = await createPartner(server.app.db);
    const event = await insertNativeEvent(server.app.db, partner.partner.id);
    const keyId = (await server.app.services.apiKeys.list()).find((k) => k.label === partner.partner.slug)!.id;
    const socket = await connect(toWsUrl(server.graphqlUrl), { authorization: partner.key });
    // Revoked behind the server's back (as the CLI does), so no announcement closes the socket first.
    await server.app.db.getRepository(ApiKeyEntity).update({ id: keyId }, { revokedAt: new Date() });
    const recorded = recordUntilClosed(socket);
    socket.send({ type: 'subscribe', id: 'late', payload: { query: EMAILS, variables: { ids: [event.globalId] } } });
    const { messages, code } = await recorded;
    expect(code).toBe(4403);
    expect(messages.filter((m) => m.type === 'next')).toEqual([]);
  });
});
