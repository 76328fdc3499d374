import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { createLogger } from '../../src/logger';
import { createRedisPubSub, LivePubSub } from '../../src/pubsub/redis-pubsub';
import { RegistrationCountsMessage } from '../../src/pubsub/topics';
import { describeWithRedis } from '../support/redis';
import { expectChannelSubscribers } from '../support/replicas';

const SUBSCRIBERS_PER_REPLICA = 500;

const counts = (confirmed: number): RegistrationCountsMessage => ({
  eventId: 'e1', partnerId: 'p1', capacity: 1000, confirmed, waitlisted: 0, held: 0, remaining: 1000 - confirmed, changedAt: new Date(0).toISOString(),
});

/**
 * Issue 17: across replicas, one Redis message per change (not per subscriber), decoded once per
 * replica. Two replicas' pub/subs with hundreds of subscribers each; a raw Redis client on the same
 * channel counts what went over the wire.
 */
describeWithRedis('live counts across replicas: one Redis message per change, decoded once per replica', (REDIS_URL) => {
  const clients: Redis[] = [];
  const replicas: LivePubSub[] = [];
  const channelPrefix = `fan-out-test-${randomUUID()}:`;
  const channel = `${channelPrefix}REGISTRATION_COUNTS`;

  const replica = () => {
    const publishClient = new Redis(REDIS_URL);
    const subscribeClient = new Redis(REDIS_URL);
    clients.push(publishClient, subscribeClient);
    const live = createRedisPubSub({ publishClient, subscribeClient, channelPrefix, logger: createLogger('silent'), pubsub: { coalesceMs: 0 } });
    replicas.push(live);
    return live;
  };
  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.close()));
    await Promise.all(clients.map((client) => client.quit()));
  });

  it(`hands ${SUBSCRIBERS_PER_REPLICA} subscribers per replica the one decoded object of each change`, async () => {
    const [a, b] = [replica(), replica()];
    const handed = [a, b].map(() => [] as unknown[][]);
    const stops = [a, b].flatMap((live, r) => Array.from({ length: SUBSCRIBERS_PER_REPLICA }, (_, s) => {
      handed[r][s] = [];
      return live.pubsub.listen('REGISTRATION_COUNTS', (message) => handed[r][s].push(message));
    }));
    const wire = new Redis(REDIS_URL);
    clients.push(wire);
    const onWire: string[] = [];
    wire.on('message', (_channel: string, message: string) => onWire.push(message));
    await wire.subscribe(channel);
    // Each replica holds one Redis subscription for the topic, however many listen (plus the wire counter).
    await expectChannelSubscribers(clients[0], channel, 3);

    for (let confirmed = 1; confirmed <= 3; confirmed++) a.pubsub.publish('REGISTRATION_COUNTS', counts(confirmed));
    for (let i = 0; i < 1000 && (a.pubsub.received() < 3 || b.pubsub.received() < 3 || onWire.length < 3); i++) await new Promise((resolve) => setTimeout(resolve, 5));

    expect(onWire.map((m) => (JSON.parse(m) as RegistrationCountsMessage).confirmed)).toEqual([1, 2, 3]);
    expect([a.pubsub.received(), b.pubsub.received()]).toEqual([3, 3]);
    for (const perReplica of handed) {
      for (const messages of perReplica) expect(messages.map((m) => (m as RegistrationCountsMessage).confirmed)).toEqual([1, 2, 3]);
      // Decoded once: every subscriber of a replica was handed the very same object for a change.
      for (let change = 0; change < 3; change++) expect(new Set(perReplica.map((messages) => messages[change])).size).toBe(1);
    }
    // And the two replicas decoded it each for themselves (no object crosses processes).
    expect(handed[0][0][0]).not.toBe(handed[1][0][0]);
    stops.forEach((stop) => stop());
  });
});
