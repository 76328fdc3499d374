import { ChildProcess } from 'node:child_process';
import Redis from 'ioredis';
import { createLogger } from '../../src/logger';
import { createPartner, insertNativeEvent, REGISTER, storedCounts } from '../support/native-event';
import { freePort, startRedis, stopRedis } from '../support/redis';
import { expectChannelSubscribers } from '../support/replicas';
import { startTestServer, TestServer } from '../support/server';
import { until } from '../support/until';
import { connect, toWsUrl } from '../support/ws';

interface LogLine { level: number; msg: string; topic?: string; role?: string; command?: string; err?: { message?: string } }

const PREFIX = 'cg-outage-test:';

/**
 * A replica whose Redis dies and comes back, on live pub/sub: registrations still commit (the database
 * is the truth); a live message other replicas miss is logged as an error naming its topic; a
 * subscription started or ended meanwhile neither crashes the process (an unhandled rejection) nor
 * stays deaf once Redis is back.
 */
describe('live pub/sub while Redis is down [sqlite]', () => {
  let redis: ChildProcess;
  let port: number;
  let server: TestServer;
  let eventId: string;
  let localEventId: string;
  const logs: LogLine[] = [];
  const logged = (msg: string) => logs.filter((l) => l.msg === msg);
  const register = (email: string) => server.post({ query: REGISTER, variables: { input: { eventId, name: 'Ann', email } } });

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    server = await startTestServer('sqlite', {
      demo: false, env: { REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_CHANNEL_PREFIX: PREFIX },
      logger: createLogger('warn', { write: (line: string) => void logs.push(JSON.parse(line)) }),
    });
    const { partner } = await createPartner(server.app.db);
    const event = await insertNativeEvent(server.app.db, partner.id, { capacity: 5 });
    [eventId, localEventId] = [event.globalId, event.id];
  });
  afterAll(async () => {
    await server?.close();
    if (redis) await stopRedis(redis);
  });

  it('commits a registration while Redis is down, and logs the lost REGISTRATION_COUNTS message as an error', async () => {
    await stopRedis(redis);
    await until(() => logs.some((l) => l.msg === 'Redis connection error' && l.role === 'commands'), 'the commands connection noticed Redis is gone');

    const { status, json } = await register('ann@example.org');
    expect(status).toBe(200);
    expect(json.data.register).toMatchObject({ __typename: 'RegistrationTicket', registration: { status: 'CONFIRMED' } });
    expect(await storedCounts(server.app.db, localEventId)).toMatchObject({ confirmed: 1, rows: { confirmed: 1 } });

    const failedPublish = 'Redis publish failed; subscribers on other replicas miss this message';
    await until(() => logged(failedPublish).some((l) => l.topic === 'REGISTRATION_COUNTS'), 'the lost counts message was logged');
    expect(logged(failedPublish).find((l) => l.topic === 'REGISTRATION_COUNTS')).toMatchObject({ level: 50, err: { message: expect.any(String) } });
  });

  it('a subscription ended while Redis is down is logged, not fatal; one started meanwhile hears other replicas once Redis is back', async () => {
    const subscription = { type: 'subscribe', id: 'counts', payload: { query: `subscription { registrationCounts(eventIds: ["${eventId}"]) { eventId confirmed } }` } };
    const failedCommand = (command: string) => logged(`Redis ${command} failed; retried when Redis is back`).filter((l) => l.command === command);

    const early = await connect(toWsUrl(server.graphqlUrl));
    early.send(subscription);
    await until(() => failedCommand('subscribe').length >= 1, 'the refused SUBSCRIBE was logged');
    early.close();
    await until(() => failedCommand('unsubscribe').length >= 1, 'the refused UNSUBSCRIBE was logged');

    const late = await connect(toWsUrl(server.graphqlUrl));
    late.send(subscription);
    await until(() => failedCommand('subscribe').length >= 2, 'the second refused SUBSCRIBE was logged');
    expect(failedCommand('subscribe')[0]).toMatchObject({ level: 50, err: { message: expect.any(String) } });

    redis = await startRedis(port);
    const observer = new Redis(`redis://127.0.0.1:${port}`);
    try {
      await expectChannelSubscribers(observer, `${PREFIX}REGISTRATION_COUNTS`, 1);
      // Published by this replica to Redis like any replica's: the subscriber hears it only through Redis.
      expect((await register('bo@example.org')).json.data.register.__typename).toBe('RegistrationTicket');
      const message = await late.next();
      expect(message).toMatchObject({ type: 'next', id: 'counts', payload: { data: { registrationCounts: { eventId, confirmed: 2 } } } });
    } finally {
      late.close();
      await observer.quit();
    }
  }, 60_000);
});
