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
  /** The request's logger (its lines carry requestId); the pino child behind it is made on first use. */
  logger: RequestLogger;
  /** The request's loaders; each DataLoader in the set is made on first use (src/loaders/create-loaders.ts). */
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
  /**
   * The server's address as this client reaches it (PUBLIC_URL, else the request's scheme and host),
   * for absolute links in answers (Event.surveyLink); null where no request says it (graphql-ws, in process).
   */
  baseUrl?: string | null;
}

export interface ContextDeps {
  db: DataSource;
  /** Turns the Authorization header into a principal. */
  apiKeys: Pick<ApiKeyService, 'authenticate'>;
  logger: Logger;
  /** PUBLIC_URL: the base of absolute links, when the server sits behind a proxy. */
  publicUrl?: string | null;
}

export interface ContextRequest {
  authorization?: string | null;
  requestId?: string | null;
  clientIp?: string | null;
  /** The request's own scheme and host (`https://example.org`), used when PUBLIC_URL is unset. */
  origin?: string | null;
}

/** The log methods a request's logger offers (a pino Logger has them all). */
export type RequestLogger = Pick<Logger, 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace'>;

/**
 * A subscription keeps one context for its lifetime; each delivered event gets a fresh "now" and fresh
 * DataLoaders (an empty set: the ones the last event used are dropped, and the next use makes new ones),
 * so nothing cached while resolving one event leaks into the next.
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
    logger: new LazyChildLogger(deps.logger, requestId),
    loaders: createLoaders({ db: deps.db }),
    newLoaders: () => createLoaders({ db: deps.db }),
    clientIp: request.clientIp ?? null,
    partialErrors: [],
    baseUrl: deps.publicUrl ?? request.origin ?? null,
  };
}

/**
 * `parent.child({ requestId })`, made when the request first logs at an enabled level: an idle
 * subscription (most of them) never makes one.
 */
class LazyChildLogger implements RequestLogger {
  private made?: Logger;
  constructor(private readonly parent: Logger, private readonly requestId: string) {}

  fatal(...args: LogArgs): void { this.at('fatal', args); }
  error(...args: LogArgs): void { this.at('error', args); }
  warn(...args: LogArgs): void { this.at('warn', args); }
  info(...args: LogArgs): void { this.at('info', args); }
  debug(...args: LogArgs): void { this.at('debug', args); }
  trace(...args: LogArgs): void { this.at('trace', args); }

  private at(level: keyof RequestLogger, args: LogArgs): void {
    if (!this.parent.isLevelEnabled(level)) return;
    const logger = (this.made ??= this.parent.child({ requestId: this.requestId }));
    (logger[level] as (...args: LogArgs) => void).apply(logger, args);
  }
}

type LogArgs = [obj: unknown, msg?: string, ...args: unknown[]];
