import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { createLogger } from '../../src/logger';
import { ScheduleTimer } from '../../src/pubsub/coalesce';
import { CommunityPubSub, createMemoryPubSub, PubSubOptions } from '../../src/pubsub/pubsub';
import { createRedisPubSub } from '../../src/pubsub/redis-pubsub';
import { RegistrationCountsMessage } from '../../src/pubsub/topics';
import { describeWithRedis } from '../support/redis';
import { expectChannelSubscribers } from '../support/replicas';

/** A clock the test moves: `endWindows()` ends every window open now, as if N ms had passed. */
function manualClock() {
  const pending = new Set<() => void>();
  const schedule: ScheduleTimer = (callback) => {
    const fire = () => {
      pending.delete(fire);
      callback();
    };
    pending.add(fire);
    return () => void pending.delete(fire);
  };
  return {
    schedule,
    pending: () => pending.size,
    endWindows: () => [...pending].forEach((fire) => fire()),
  };
}

const counts = (eventId: string, confirmed: number): RegistrationCountsMessage => ({
  eventId, partnerId: 'p1', capacity: 100, confirmed, waitlisted: 0, held: 0, remaining: 100 - confirmed, changedAt: new Date(0).toISOString(),
});

/** Every REGISTRATION_COUNTS message this process's listener was handed, in order. */
function received(pubsub: CommunityPubSub): { frames: RegistrationCountsMessage[]; stop: () => void } {
  const frames: RegistrationCountsMessage[] = [];
  const stop = pubsub.listen('REGISTRATION_COUNTS', (message) => frames.push(message));
  return { frames, stop };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
}

/** The same behaviours over each transport: `make` builds the pub/sub, `settled` waits until `n` messages arrived. */
function coalescingBehaviours(make: (options: PubSubOptions) => Promise<{ pubsub: CommunityPubSub; close: () => Promise<void> }>) {
  it('a burst of 50 counts for one event: the first goes out at once, the newest when the window ends; at most 2 frames, ending on the final counts', async () => {
    const clock = manualClock();
    const { pubsub, close } = await make({ coalesceMs: 100, schedule: clock.schedule });
    const { frames } = received(pubsub);
    for (let confirmed = 1; confirmed <= 50; confirmed++) pubsub.publish('REGISTRATION_COUNTS', counts('e1', confirmed));
    await until(() => pubsub.received() === 50);
    expect(frames.map((f) => f.confirmed)).toEqual([1]);
    clock.endWindows();
    expect(frames.map((f) => f.confirmed)).toEqual([1, 50]);
    // Nothing held: the window after the trailing frame ends quietly, and the key is quiet again.
    clock.endWindows();
    expect(frames).toHaveLength(2);
    expect(clock.pending()).toBe(0);
    await close();
  });

  it('keeps events apart: each event gets its own first and final counts', async () => {
    const clock = manualClock();
    const { pubsub, close } = await make({ coalesceMs: 100, schedule: clock.schedule });
    const { frames } = received(pubsub);
    for (let confirmed = 1; confirmed <= 10; confirmed++) {
      pubsub.publish('REGISTRATION_COUNTS', counts('a', confirmed));
      pubsub.publish('REGISTRATION_COUNTS', counts('b', confirmed * 2));
    }
    await until(() => pubsub.received() === 20);
    clock.endWindows();
    expect(frames.map((f) => `${f.eventId}:${f.confirmed}`)).toEqual(['a:1', 'b:2', 'a:10', 'b:20']);
    await close();
  });

  it('LIVE_COALESCE_MS=0 hands on every message', async () => {
    const { pubsub, close } = await make({ coalesceMs: 0 });
    const { frames } = received(pubsub);
    for (let confirmed = 1; confirmed <= 50; confirmed++) pubsub.publish('REGISTRATION_COUNTS', counts('e1', confirmed));
    await until(() => frames.length === 50);
    expect(frames.map((f) => f.confirmed)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    await close();
  });

  it('coalesces once for the replica: every listener gets the same frames, and other topics pass untouched', async () => {
    const clock = manualClock();
    const { pubsub, close } = await make({ coalesceMs: 100, schedule: clock.schedule });
    const first = received(pubsub);
    const second = received(pubsub);
    const revoked: string[] = [];
    pubsub.listen('API_KEY_REVOKED', ({ keyId }) => revoked.push(keyId));
    for (let confirmed = 1; confirmed <= 5; confirmed++) pubsub.publish('REGISTRATION_COUNTS', counts('e1', confirmed));
    pubsub.publish('API_KEY_REVOKED', { keyId: 'k1', revokedAt: '' });
    pubsub.publish('API_KEY_REVOKED', { keyId: 'k2', revokedAt: '' });
    await until(() => pubsub.received() === 7);
    expect(clock.pending()).toBe(1);
    clock.endWindows();
    expect(first.frames.map((f) => f.confirmed)).toEqual([1, 5]);
    expect(second.frames).toEqual(first.frames);
    expect(revoked).toEqual(['k1', 'k2']);
    await close();
  });

  it('close() cancels the open windows: a held message is dropped and no timer is left', async () => {
    const clock = manualClock();
    const { pubsub, close } = await make({ coalesceMs: 100, schedule: clock.schedule });
    const { frames } = received(pubsub);
    pubsub.publish('REGISTRATION_COUNTS', counts('e1', 1));
    pubsub.publish('REGISTRATION_COUNTS', counts('e1', 2));
    await until(() => pubsub.received() === 2);
    expect(clock.pending()).toBe(1);
    await close();
    expect(clock.pending()).toBe(0);
    expect(frames.map((f) => f.confirmed)).toEqual([1]);
  });

  it('with real (unref\'d) timers and a short window, the trailing frame follows on its own', async () => {
    const { pubsub, close } = await make({ coalesceMs: 20 });
    const { frames } = received(pubsub);
    for (let confirmed = 1; confirmed <= 50; confirmed++) pubsub.publish('REGISTRATION_COUNTS', counts('e1', confirmed));
    await until(() => frames.at(-1)?.confirmed === 50);
    expect(frames.length).toBeLessThanOrEqual(50);
    await close();
  });
}

describe('coalescing REGISTRATION_COUNTS per event (in-memory pub/sub)', () => {
  coalescingBehaviours(async (options) => {
    const pubsub = createMemoryPubSub(options);
    return { pubsub, close: async () => pubsub.close() };
  });
});

describeWithRedis('coalescing REGISTRATION_COUNTS per event (Redis pub/sub, after the decode)', (REDIS_URL) => {
  const clients: Redis[] = [];
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.quit()));
  });
  coalescingBehaviours(async (options) => {
    const publishClient = new Redis(REDIS_URL);
    const subscribeClient = new Redis(REDIS_URL);
    clients.push(publishClient, subscribeClient);
    const channelPrefix = `coalesce-test-${randomUUID()}:`;
    const live = createRedisPubSub({ publishClient, subscribeClient, channelPrefix, logger: createLogger('silent'), pubsub: options });
    // Subscribed before anything is published: the first listen subscribes the channel.
    const probe = live.pubsub.listen('REGISTRATION_COUNTS', () => undefined);
    const revokedProbe = live.pubsub.listen('API_KEY_REVOKED', () => undefined);
    await expectChannelSubscribers(publishClient, `${channelPrefix}REGISTRATION_COUNTS`, 1);
    await expectChannelSubscribers(publishClient, `${channelPrefix}API_KEY_REVOKED`, 1);
    return {
      pubsub: live.pubsub,
      close: async () => {
        await live.close();
        probe();
        revokedProbe();
      },
    };
  });
});
