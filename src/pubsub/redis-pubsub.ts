import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import Redis from 'ioredis';
import { Logger } from '../logger';
import { CommunityPubSub, pubSubOver, TopicTarget } from './pubsub';

export interface RedisPubSubOptions {
  /** The commands connection (shared with rate limits): publishes. See src/redis/redis-connections.ts. */
  publishClient: Redis;
  /** The subscriber-mode connection. */
  subscribeClient: Redis;
  /** Prepended to every channel name, so deployments (and test runs) sharing one Redis stay apart. */
  channelPrefix: string;
  logger: Logger;
}

export interface LivePubSub {
  pubsub: CommunityPubSub;
  close(): Promise<void>;
}

/**
 * Pub/sub across replicas: every replica publishes to Redis and every replica subscribes, so a
 * subscriber on replica B sees what commits on replica A. One publishing connection per replica keeps
 * each replica's messages in publish order; Redis delivers a channel's messages in order.
 * The connections are made (and closed) by connectRedis, so a wrong REDIS_URL stops the start.
 */
export function createRedisPubSub(options: RedisPubSubOptions): LivePubSub {
  const { publishClient, subscribeClient } = options;
  const target = createRedisEventTarget({ publishClient, subscribeClient }) as unknown as TopicTarget;
  const channel = (topic: string) => `${options.channelPrefix}${topic}`;
  const prefixed: TopicTarget = {
    // Published directly (not through the event target) so a failed publish is logged, never an
    // unhandled rejection; the subscriber side is the event target's.
    dispatchEvent(event) {
      publishClient.publish(channel(event.type), JSON.stringify(event.detail ?? null)).catch((error: Error) => {
        options.logger.error({ err: error, topic: event.type }, 'Redis publish failed; subscribers on other replicas miss this message');
      });
      return true;
    },
    addEventListener: (type, listener) => target.addEventListener(channel(type), listener),
    removeEventListener: (type, listener) => target.removeEventListener(channel(type), listener),
  };
  return {
    pubsub: pubSubOver(prefixed),
    // The connections belong to RedisConnections, closed by the app after everything else.
    close: async () => undefined,
  };
}
