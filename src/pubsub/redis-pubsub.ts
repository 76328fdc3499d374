import Redis from 'ioredis';
import { Logger } from '../logger';
import { CommunityPubSub, PubSubOptions, pubSubOver, TopicTarget } from './pubsub';

export interface RedisPubSubOptions {
  /** The commands connection (shared with rate limits): publishes. See src/redis/redis-connections.ts. */
  publishClient: Redis;
  /** The subscriber-mode connection. */
  subscribeClient: Redis;
  /** Prepended to every channel name, so deployments (and test runs) sharing one Redis stay apart. */
  channelPrefix: string;
  logger: Logger;
  /** Coalescing of this replica's incoming messages (LIVE_COALESCE_MS), applied after the decode. */
  pubsub?: PubSubOptions;
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
  const { publishClient, subscribeClient, logger } = options;
  const channel = (topic: string) => `${options.channelPrefix}${topic}`;
  const listeners = new Map<string, Set<(event: CustomEvent) => void>>();
  // Without an offline queue, SUBSCRIBE and UNSUBSCRIBE fail at once while Redis is down: logged, never
  // an unhandled rejection (which ends the process). ioredis restores on reconnect only the channels
  // Redis confirmed, so every channel still listened to is subscribed again once the connection is ready.
  const failed = (command: string) => (error: Error) => logger.error({ err: error, command }, `Redis ${command} failed; retried when Redis is back`);
  const subscribe = (channels: string[]) => {
    if (channels.length) subscribeClient.subscribe(...channels).catch(failed('subscribe'));
  };
  subscribeClient.on('ready', () => subscribe([...listeners.keys()]));
  subscribeClient.on('message', (name: string, message: string) => {
    const callbacks = listeners.get(name);
    if (!callbacks) return;
    const event = new CustomEvent(name, { detail: JSON.parse(message) });
    for (const callback of [...callbacks]) callback(event);
  });
  const prefixed: TopicTarget = {
    // A failed publish is logged, never an unhandled rejection.
    dispatchEvent(event) {
      publishClient.publish(channel(event.type), JSON.stringify(event.detail ?? null)).catch((error: Error) => {
        logger.error({ err: error, topic: event.type }, 'Redis publish failed; subscribers on other replicas miss this message');
      });
      return true;
    },
    addEventListener(type, listener) {
      const name = channel(type);
      const callbacks = listeners.get(name);
      if (callbacks) {
        callbacks.add(listener);
        return;
      }
      listeners.set(name, new Set([listener]));
      subscribe([name]);
    },
    removeEventListener(type, listener) {
      const name = channel(type);
      const callbacks = listeners.get(name);
      if (!callbacks?.delete(listener) || callbacks.size) return;
      listeners.delete(name);
      subscribeClient.unsubscribe(name).catch(failed('unsubscribe'));
    },
  };
  const pubsub = pubSubOver(prefixed, options.pubsub);
  return {
    pubsub,
    // The connections belong to RedisConnections, closed by the app after everything else.
    close: async () => pubsub.close(),
  };
}
