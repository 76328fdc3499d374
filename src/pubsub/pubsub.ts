import { createPubSub, PubSub } from '@graphql-yoga/subscription';
import { Topics } from './topics';

export type CommunityPubSub = PubSub<Topics>;

/** In-process pub/sub: enough for one replica. (A Redis-backed event target joins replicas.) */
export function createMemoryPubSub(): CommunityPubSub {
  return createPubSub<Topics>();
}
