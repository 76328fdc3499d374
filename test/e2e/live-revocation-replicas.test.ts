import Redis from 'ioredis';
import { openDatabase } from '../../src/db/data-source';
import { createLogger } from '../../src/logger';
import { createRedisPubSub } from '../../src/pubsub/redis-pubsub';
import { ApiKeyService } from '../../src/features/partners/api-key.service';
import { runCli } from '../support/cli';
import { createPartner, insertNativeEvent, REGISTER } from '../support/native-event';
import { describeWithRedis } from '../support/redis';
import { describeReplicas, expectChannelSubscribers, TwoReplicas, withTwoReplicas } from '../support/replicas';
import { connect, toWsUrl, WsMessage } from '../support/ws';

const EMAILS = 'subscription($ids: [ID!]) { registrationCounts(eventIds: $ids) { confirmed event { registrations { email } } } }';

/** Two serve processes and a CLI run: about a minute on a loaded machine. */
const TIMEOUT_MS = 180_000;

/** A partner key subscribed to its registrants' emails on replica B, with one frame received to prove it live. */
async function subscribedOnB({ a, b, database, prefix, redis }: TwoReplicas) {
  const db = await openDatabase(database.config);
  const partner = await createPartner(db);
  const event = await insertNativeEvent(db, partner.partner.id, { capacity: 50 });
  const keyId = (await new ApiKeyService(db).list()).find((k) => k.label === partner.partner.slug)!.id;
  await db.destroy();
  const socket = await connect(toWsUrl(b), { authorization: partner.key });
  socket.send({ type: 'subscribe', id: 'emails', payload: { query: EMAILS, variables: { ids: [event.globalId] } } });
  await expectChannelSubscribers(redis, `${prefix}REGISTRATION_COUNTS`, 1);
  // Registrations go to replica A; B hears of them through Redis.
  const register = (email: string) => fetch(a, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: REGISTER, variables: { input: { eventId: event.globalId, name: 'N', email } } }),
  }).then((r) => r.json());
  await register('before@example.org');
  expect(await socket.next()).toMatchObject({ type: 'next', payload: { data: { registrationCounts: { event: { registrations: [{ email: 'before@example.org' }] } } } } });
  const messages: WsMessage[] = [];
  socket.socket.on('message', (data) => messages.push(JSON.parse(String(data)) as WsMessage));
  const closed = socket.closed.then(({ code, reason }) => ({ code, reason, messages }));
  return { keyId, register, closed };
}

describeWithRedis('revocation across replicas (Redis)', (REDIS_URL) => {
  describeReplicas('revoking a key closes its sockets on every replica', (backend) => {
    it('revoked by the CLI: replica B refuses the next frame (a registration on A) and closes 4403', async () => {
      await withTwoReplicas(backend, REDIS_URL, {}, async (replicas) => {
        const { keyId, register, closed } = await subscribedOnB(replicas);
        expect((await runCli(['apikey', 'revoke', keyId], { DATABASE_URL: replicas.database.url })).code).toBe(0);
        expect((await register('after@example.org')).data.register.__typename).toBe('RegistrationTicket');
        const { code, messages } = await closed;
        expect(code).toBe(4403);
        expect(JSON.stringify(messages)).not.toContain('@example.org');
      });
    }, TIMEOUT_MS);

    it('revoked through ApiKeyService in a third process: the announcement on Redis closes B\'s socket 4403 at once', async () => {
      await withTwoReplicas(backend, REDIS_URL, {}, async (replicas) => {
        const { keyId, closed } = await subscribedOnB(replicas);
        const publishClient = new Redis(REDIS_URL);
        const subscribeClient = new Redis(REDIS_URL);
        const db = await openDatabase(replicas.database.config);
        try {
          const { pubsub } = createRedisPubSub({ publishClient, subscribeClient, channelPrefix: replicas.prefix, logger: createLogger('silent') });
          await new ApiKeyService(db, pubsub).revoke(keyId);
          expect(await closed).toEqual({ code: 4403, reason: 'Forbidden: the API key was revoked', messages: [] });
        } finally {
          await db.destroy();
          await Promise.all([publishClient.quit(), subscribeClient.quit()]);
        }
      });
    }, TIMEOUT_MS);
  });
});
