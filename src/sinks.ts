import { CommunityPubSub } from './pubsub/pubsub';
import { CatalogSink } from './features/catalog/catalog.sink';
import { createEventsSink } from './features/events/events.sink';
import { ServicesSink } from './features/listings/services.sink';
import { SyncSink } from './datasources/shared/sink';

export interface SinkDeps {
  pubsub: CommunityPubSub;
}

/**
 * Every sink the sync engine can route to, one per item kind. The feature owning a table appends its
 * factory here (events: issue 3; services: issue 4; catalog: issue 5).
 */
export const SINK_FACTORIES: Array<(deps: SinkDeps) => SyncSink<any>> = [
  createEventsSink,
  // HSDS dated sessions become the source's Events through an events sink of their own.
  (deps) => new ServicesSink({ sessions: createEventsSink(deps) }),
  () => new CatalogSink(),
];
