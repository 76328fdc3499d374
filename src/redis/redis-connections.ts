import Redis from 'ioredis';
import type { ReadinessCheck } from '../edge/health';
import { Logger } from '../logger';

/**
 * The process's Redis connections, made in one place with one set of options (REDIS_URL):
 * - `commands`: rate-limit counters and pub/sub publishing. One connection keeps this replica's
 *   published messages in publish order (Redis delivers a channel's messages in order).
 * - `subscriber`: pub/sub subscriptions. A connection in subscriber mode can issue no other command,
 *   so it is necessarily a second connection.
 * No offline queue: while Redis is down, rate limits fall back to their in-process insurance limiter,
 * a publish fails at once (and is logged) instead of piling up, and /readyz says so immediately.
 * ioredis reconnects by itself; both clients are checked by /readyz.
 */
export interface RedisConnections {
  commands: Redis;
  subscriber: Redis;
  /** `redis` (a PING on the commands connection) and `redisSubscriber` (the subscriber is connected). */
  readiness: ReadinessCheck[];
  close(): Promise<void>;
}

/** REDIS_URL without its password, for messages and logs. */
export function redactRedisUrl(url: string): string {
  try {
    const where = new URL(url);
    where.password = '';
    return where.toString();
  } catch {
    return '(unparsable REDIS_URL)';
  }
}

/** Connects both clients; a wrong REDIS_URL stops the start with a message naming it (without its password). */
export async function connectRedis(url: string, logger: Logger): Promise<RedisConnections> {
  const errors = new Map<string, Error>();
  const client = (role: 'commands' | 'subscriber') => {
    const redis = new Redis(url, {
      lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectionName: `community-graph-${role}`,
    });
    // Without a listener, ioredis reports connection errors as uncaught; reconnection is automatic.
    redis.on('error', (error: Error) => {
      errors.set(role, error);
      logger.warn({ err: error, role }, 'Redis connection error');
    });
    return redis;
  };
  const commands = client('commands');
  const subscriber = client('subscriber');
  try {
    await Promise.all([commands.connect(), subscriber.connect()]);
  } catch (error) {
    commands.disconnect();
    subscriber.disconnect();
    const cause = errors.get('commands') ?? errors.get('subscriber') ?? (error as Error);
    throw new Error(`Cannot connect to Redis at REDIS_URL=${redactRedisUrl(url)}: ${cause.message}`);
  }
  return {
    commands,
    subscriber,
    readiness: [
      { name: 'redis', ping: () => commands.ping() },
      {
        name: 'redisSubscriber',
        ping: async () => {
          if (subscriber.status !== 'ready') throw new Error(`Redis subscriber connection is ${subscriber.status}`);
        },
      },
    ],
    async close() {
      await Promise.allSettled([commands.quit(), subscriber.quit()]);
      commands.disconnect();
      subscriber.disconnect();
    },
  };
}
