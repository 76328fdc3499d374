import { randomUUID } from 'node:crypto';
import { CommunityPubSub } from './pubsub';
import { DataChangeKind, DataChangedMessage } from './topics';

export type DataChangeListener = (change: DataChangedMessage) => void;

/**
 * The one seam between writes and anything that keeps copies of public answers (the response cache,
 * src/edge/plugins/response-cache.plugin.ts). Every service that commits a write a public query can see calls
 * `committed` after the commit; listeners hear it synchronously on this replica (so the writer's
 * next request never sees the old answer) and, through DATA_CHANGED on the pub/sub, on every other
 * replica (Redis when REDIS_URL is set).
 */
export class DataChanges {
  /** This process: its own messages come back from the pub/sub and are skipped (already heard). */
  private readonly origin = randomUUID();
  private readonly listeners = new Set<DataChangeListener>();

  constructor(private readonly pubsub: CommunityPubSub) {}

  committed(kind: DataChangeKind): void {
    const change: DataChangedMessage = { kind, origin: this.origin, changedAt: new Date().toISOString() };
    for (const listener of this.listeners) listener(change);
    this.pubsub.publish('DATA_CHANGED', change);
  }

  /** Calls `listener` for every change committed here or on another replica; returns the unsubscribe. */
  listen(listener: DataChangeListener): () => void {
    this.listeners.add(listener);
    const remote = this.pubsub.subscribe('DATA_CHANGED');
    // Iterating starts the subscription now (a Repeater starts on its first next()).
    void (async () => {
      for await (const change of remote) if (change.origin !== this.origin) listener(change);
    })();
    return () => {
      this.listeners.delete(listener);
      void remote.return?.(undefined);
    };
  }
}
