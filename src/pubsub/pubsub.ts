import { PubSub, Repeater, SlidingBuffer } from '@graphql-yoga/subscription';
import { Topics } from './topics';

export type CommunityPubSub = PubSub<Topics>;

/**
 * Messages a slow subscriber may have pending before the oldest are dropped. Counts are snapshots,
 * so the newest one is what matters; order is kept. (yoga's own `repeaterBuffer` option would share
 * ONE buffer instance between all subscribers, so each subscription gets its own here.)
 */
export const MAX_PENDING_PER_SUBSCRIBER = 256;

/** Anything that carries events by type: the in-process EventTarget, or the Redis event target. */
export interface TopicTarget {
  dispatchEvent(event: CustomEvent): boolean;
  addEventListener(type: string, listener: (event: CustomEvent) => void): void;
  removeEventListener(type: string, listener: (event: CustomEvent) => void): void;
}

/** Our pub/sub over any event target: publish dispatches, each subscribe is its own buffered Repeater. */
export function pubSubOver(target: TopicTarget): CommunityPubSub {
  return {
    publish(topic: string, payload: unknown) {
      target.dispatchEvent(new CustomEvent(topic, { detail: payload }));
    },
    subscribe(topic: string) {
      return new Repeater((push, stop) => {
        const listener = (event: CustomEvent) => {
          void push(event.detail);
        };
        target.addEventListener(topic, listener);
        void stop.then(() => target.removeEventListener(topic, listener));
      }, new SlidingBuffer(MAX_PENDING_PER_SUBSCRIBER));
    },
  } as unknown as CommunityPubSub;
}

/** In-process pub/sub: enough for one replica. (src/pubsub/redis-pubsub.ts joins replicas.) */
export function createMemoryPubSub(): CommunityPubSub {
  return pubSubOver(new EventTarget() as unknown as TopicTarget);
}
