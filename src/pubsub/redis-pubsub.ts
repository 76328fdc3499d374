import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import Redis from 'ioredis';
import { Logger } from '../logger';
import { CommunityPubSub, pubSubOver, TopicTarget } from './pubsub';

export interface RedisPubSubOptions {
  url: string;
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
 * Both connections are made at start, so a wrong REDIS_URL stops the start instead of failing later.
 */
export async function createRedisPubSub(options: RedisPubSubOptions): Promise<LivePubSub> {
  const connect = (role: string) => {
    const client = new Redis(options.url, { lazyConnect: true, connectionName: `community-graph-${role}` });
    // Without a listener, ioredis reports connection errors as uncaught; reconnection is automatic.
    client.on('error', (error) => options.logger.warn({ err: error, role }, 'Redis connection error'));
    return client;
  };
  const publishClient = connect('publish');
  const subscribeClient = connect('subscribe');
  try {
    await Promise.all([publishClient.connect(), subscribeClient.connect()]);
  } catch (error) {
    publishClient.disconnect();
    subscribeClient.disconnect();
    throw new Error(`Cannot connect to REDIS_URL (${redactUrl(options.url)}): ${(error as Error).message}`);
  }
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
    async close() {
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}

function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
