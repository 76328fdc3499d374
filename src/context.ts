import { randomUUID } from 'node:crypto';
import { GraphQLFormattedError } from 'graphql';
import { DataSource } from 'typeorm';
import { Logger } from './logger';
import { Principal, PUBLIC } from './domain/principal';
import { createLoaders, Loaders } from './loaders/create-loaders';
import type { ApiKeyService } from './features/partners/api-key.service';

/**
 * Built once per HTTP request (and per subscription) by createContext; passed everywhere first. It
 * carries who asks, the request's loaders and the request itself; services reach resolvers through
 * their constructors (src/compose.ts), never through here.
 */
export interface Context {
  requestId: string;
  principal: Principal;
  /** The request's notion of "now", so one request sees one consistent instant. */
  now: Date;
  logger: Logger;
  loaders: Loaders;
  /** Fresh loaders for the next event a subscription delivers (see refreshForDelivery). */
  newLoaders: () => Loaders;
  /** The client's address (for per-address rate limits); null in process (tests, CLI). */
  clientIp?: string | null;
  /**
   * Errors reported beside data that is still returned (e.g. PARTNER_UNAVAILABLE with stale
   * holdings); appended to the response's errors by src/edge/plugins/partial-errors.plugin.ts.
   */
  partialErrors: GraphQLFormattedError[];
  /** Set for subscriptions over a socket: resolves when the socket can take another frame (src/edge/ws-flow.ts). */
  delivery?: LiveDelivery;
}

/** The transport's side of live delivery: a subscription waits on it before making each frame. */
export interface LiveDelivery {
  ready(): Promise<void>;
}

export interface ContextDeps {
  db: DataSource;
  /** Turns the Authorization header into a principal. */
  apiKeys: Pick<ApiKeyService, 'authenticate'>;
  logger: Logger;
}

export interface ContextRequest {
  authorization?: string | null;
  requestId?: string | null;
  clientIp?: string | null;
}

/**
 * A subscription keeps one context for its lifetime; each delivered event gets a fresh "now" and fresh
 * DataLoaders, so nothing cached while resolving one event leaks into the next.
 */
export function refreshForDelivery(ctx: Context): void {
  ctx.now = new Date();
  ctx.loaders = ctx.newLoaders();
}

/** The one way a Context is made, for HTTP and WebSocket alike. Throws UNAUTHENTICATED for a bad key. */
export async function createContext(deps: ContextDeps, request: ContextRequest = {}): Promise<Context> {
  const requestId = request.requestId || randomUUID();
  const principal = request.authorization
    ? await deps.apiKeys.authenticate(request.authorization)
    : PUBLIC;
  return {
    requestId,
    principal,
    now: new Date(),
    logger: deps.logger.child({ requestId }),
    loaders: createLoaders({ db: deps.db }),
    newLoaders: () => createLoaders({ db: deps.db }),
    clientIp: request.clientIp ?? null,
    partialErrors: [],
  };
}
