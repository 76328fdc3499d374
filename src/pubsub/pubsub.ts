import { KeyedCoalescer, ScheduleTimer } from './coalesce';
import { LatestQueue } from './latest-queue';
import { Topics } from './topics';

export type TopicName = keyof Topics;
export type TopicMessage<K extends TopicName> = Topics[K][0];

/** Publishing, and two ways of hearing: a listener called per message, or an async iterator of them. */
export interface CommunityPubSub {
  publish<K extends TopicName>(topic: K, ...payload: Topics[K]): void;
  /** Calls `listener` for every message on `topic` (synchronously, in order); returns the unsubscribe. */
  listen<K extends TopicName>(topic: K, listener: (message: TopicMessage<K>) => void): () => void;
  /** Every message on `topic` from now on, buffered per subscriber (at most MAX_PENDING_PER_SUBSCRIBER). */
  subscribe<K extends TopicName>(topic: K): AsyncIterableIterator<TopicMessage<K>>;
  /**
   * How many messages this process has received so far (any topic). A message arrives after the write
   * it reports committed, so a database read begun at or after a count sees every write announced up
   * to it (the per-frame API key re-check relies on this, src/edge/active-keys.ts).
   */
  received(): number;
  /** Cancels the coalescing windows' timers (held messages are dropped); for shutdown. */
  close(): void;
}

export interface PubSubOptions {
  /**
   * LIVE_COALESCE_MS: per key of a coalesced topic, at most one message per this many ms reaches this
   * process's listeners, always ending on the newest (src/pubsub/coalesce.ts). 0 (the default here;
   * the server's default is 100) hands every message on.
   */
  coalesceMs?: number;
  /** The coalescing windows' timers (tests pass a clock they control). */
  schedule?: ScheduleTimer;
}

/**
 * Topics whose messages are snapshots, so only an event's newest matters: REGISTRATION_COUNTS carries
 * an event's counts as they are after a commit. A burst on one event (registration opening at 9:00)
 * would otherwise make every subscriber's execution and frame once per registration.
 */
const COALESCED: { [K in TopicName]?: (message: TopicMessage<K>) => string } = {
  REGISTRATION_COUNTS: (message) => message.eventId,
};

/**
 * Messages a slow subscriber may have pending before the oldest are dropped. Live subscriptions keep
 * only the newest message per event (src/features/registrations/live.service.ts); order is kept.
 */
export const MAX_PENDING_PER_SUBSCRIBER = 256;

/** Anything that carries events by type: the in-process EventTarget, or Redis (src/pubsub/redis-pubsub.ts). */
export interface TopicTarget {
  dispatchEvent(event: CustomEvent): boolean;
  addEventListener(type: string, listener: (event: CustomEvent) => void): void;
  removeEventListener(type: string, listener: (event: CustomEvent) => void): void;
}

/**
 * Our pub/sub over any event target. The target gets ONE listener per topic, which fans each message
 * out to this process's subscribers: a listener per subscriber would make the target hold thousands
 * (and Node warns past ten, MaxListenersExceededWarning).
 */
export function pubSubOver(target: TopicTarget, options: PubSubOptions = {}): CommunityPubSub {
  type Entry = { listeners: Set<(message: unknown) => void>; onEvent: (event: CustomEvent) => void; coalescer: KeyedCoalescer<unknown> | null };
  const topics = new Map<string, Entry>();
  let received = 0;
  const coalesceMs = options.coalesceMs ?? 0;

  const listen = (topic: string, listener: (message: unknown) => void): (() => void) => {
    let entry = topics.get(topic);
    if (!entry) {
      const listeners = new Set<(message: unknown) => void>();
      // A copy: a listener may unsubscribe (or another subscribe) while the message is handed out.
      const fanOut = (message: unknown) => {
        for (const each of [...listeners]) each(message);
      };
      // Here, where the replica hears a message once (after Redis's decode, before any subscriber's
      // queue), so a burst is coalesced once per replica rather than once per subscriber.
      const keyOf = coalesceMs > 0 ? (COALESCED[topic as TopicName] as ((message: unknown) => string) | undefined) : undefined;
      const coalescer = keyOf ? new KeyedCoalescer({ windowMs: coalesceMs, keyOf, deliver: fanOut, schedule: options.schedule }) : null;
      const onEvent = (event: CustomEvent) => {
        received++;
        if (coalescer) coalescer.push(event.detail);
        else fanOut(event.detail);
      };
      entry = { listeners, onEvent, coalescer };
      topics.set(topic, entry);
      target.addEventListener(topic, onEvent);
    }
    const current = entry;
    current.listeners.add(listener);
    return () => {
      if (!current.listeners.delete(listener) || current.listeners.size) return;
      topics.delete(topic);
      target.removeEventListener(topic, current.onEvent);
      current.coalescer?.close();
    };
  };

  return {
    publish(topic, ...payload) {
      target.dispatchEvent(new CustomEvent(topic, { detail: payload[0] }));
    },
    listen: listen as CommunityPubSub['listen'],
    subscribe(topic) {
      let stop = () => undefined as void;
      const queue = new LatestQueue<never>({ capacity: MAX_PENDING_PER_SUBSCRIBER, onClose: () => stop() });
      stop = listen(topic, (message) => queue.push(message as never));
      return queue;
    },
    received: () => received,
    close() {
      for (const entry of topics.values()) entry.coalescer?.close();
    },
  };
}

/** In-process pub/sub: enough for one replica. (src/pubsub/redis-pubsub.ts joins replicas.) */
export function createMemoryPubSub(options: PubSubOptions = {}): CommunityPubSub {
  return pubSubOver(new EventTarget() as unknown as TopicTarget, options);
}
