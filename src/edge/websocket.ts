import http from 'node:http';
import { createHash } from 'node:crypto';
import { DocumentNode, getOperationAST, GraphQLError, OperationDefinitionNode, GraphQLFormattedError, GraphQLSchema, specifiedRules, ValidationRule } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import WebSocket, { WebSocketServer } from 'ws';
import { ContextDeps, createContext } from '../context';
import { DomainError, ErrorCode } from '../domain/errors';
import { metrics } from '../observability/metrics';
import { ActiveKeys } from './active-keys';
import { createErrorFormatter } from './format-error';
import { PersistedOperation, sha256Hex } from './persisted-queries';
import { QueryLimitError } from './plugins/query-limits.plugin';
import { rateLimitedGraphQLError, RateLimits } from './rate-limit/rate-limit';
import { strictFieldCount } from './rate-limit/strict-fields';
import { SocketFlow } from './ws-flow';
import { WsCaps } from './ws-caps';
import { LiveFanOut } from './fan-out';
import { LiveSubscriber } from './live-subscriber';
import { requestValidationRules } from './validation-rules';
import { ValidatedDocuments } from './validated-documents';
import type { EdgeServices } from './edge-services';

export interface GraphqlWsOptions {
  server: http.Server;
  schema: GraphQLSchema;
  deps: ContextDeps;
  /** API keys (authentication, revocation), live delivery limits and the pub/sub revocations arrive on. */
  services: Pick<EdgeServices, 'apiKeys' | 'live' | 'pubsub'>;
  isProd: boolean;
  /** INTROSPECTION: off refuses `__schema`/`__type` and hides "Did you mean" exactly as over HTTP. */
  introspection: boolean;
  /** Close a socket that sends no connection_init within this time (4408). */
  connectionInitWaitTimeoutMs?: number;
  /** WebSocket ping interval; a peer that misses a pong for this long is dropped. */
  keepAliveMs?: number;
  /** Largest accepted message; a subscribe document is small. */
  maxPayloadBytes?: number;
  /** The same query limits (depth, aliases, cost...) as HTTP; a subscription may not bypass them. */
  validationRules?: ValidationRule[];
  /** The same rate limits as HTTP, charged per subscribe message. */
  rateLimits?: RateLimits;
  /** Safelist mode (SAFELIST_FILE): without an API key only these operations run, as over HTTP. */
  safelist?: Map<string, PersistedOperation> | null;
}

export interface GraphqlWs {
  /** Closes every socket (1001 Going away), waits briefly for the close handshakes, then cuts the rest. */
  close(): Promise<void>;
  clientCount(): number;
  /** Subscriptions running on this replica's sockets. */
  subscriptions(): number;
}

type ConnectionExtra = Record<PropertyKey, unknown> & {
  /** The API key the socket authenticated with at connection_init. */
  authorization?: string;
  /** Its id, for the per-frame re-check and for closing the socket when the key is revoked. */
  keyId?: string;
  flow?: SocketFlow;
};

/**
 * Close code for a socket whose API key was revoked: 4403 Forbidden, what graphql-ws's PROTOCOL.md has
 * a server send when it refuses a connection, and what the same client gets when it reconnects with
 * that key. (4401 there means "subscribe before connection_ack", a protocol mistake, not this.)
 */
export const REVOKED_CLOSE_CODE = 4403;

const CLOSE_GRACE_MS = 1000;

/**
 * graphql-ws (the graphql-transport-ws protocol) on the HTTP server's own port and path, /graphql.
 * The API key comes from connection_init's payload ({ "authorization": "Bearer ..." }) or the upgrade
 * request's Authorization header; a wrong key closes the socket with 4403, as the protocol says, and
 * so does revoking the key later (announced on the pub/sub, and re-checked before every frame).
 * A slow reader gets bounded memory (src/edge/ws-flow.ts).
 * Every operation gets its context from the same createContext as HTTP, and errors leave through the
 * same formatter, so a subscription can reveal nothing a query could not.
 */
export function attachGraphqlWs(options: GraphqlWsOptions): GraphqlWs {
  const wss = new WebSocketServer({ server: options.server, path: '/graphql', maxPayload: options.maxPayloadBytes ?? 64 * 1024 });
  const format = createErrorFormatter(options.deps.logger, { hideSuggestions: !options.introspection });
  const rules = [...specifiedRules, ...requestValidationRules(options.validationRules ?? [], options.introspection)];
  // One parse and validation per query text, shared by every subscriber that sends it.
  const documents = new ValidatedDocuments(options.schema, rules);
  // Request errors (syntax, validation, variable coercion) carry no code from graphql-js; give them
  // the codes Apollo gives them over HTTP, so they pass the formatter instead of being masked.
  const withCode = (error: GraphQLError, fallback: string): GraphQLError => {
    const fromResolver = error.path || (error.originalError && !(error.originalError instanceof GraphQLError));
    if (error.extensions.code || fromResolver || error instanceof QueryLimitError) return error;
    const code = error.message.startsWith('Syntax Error') ? 'GRAPHQL_PARSE_FAILED' : fallback;
    return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { code } });
  };
  const formatAll = (errors: readonly GraphQLError[], fallback: string): GraphQLFormattedError[] =>
    errors.map((error) => withCode(error, fallback)).map((error) => format(error.toJSON(), error));

  const activeKeys = new ActiveKeys(options.services.apiKeys, options.services.pubsub);
  // Sockets by the key they authenticated with, so a revocation announced on any replica closes them here.
  const socketsByKey = new Map<string, Set<WebSocket>>();
  const closeRevoked = (socket: WebSocket) => {
    if (socket.readyState !== WebSocket.OPEN) return;
    metrics.wsClosed.inc({ reason: 'revoked' });
    socket.close(REVOKED_CLOSE_CODE, 'Forbidden: the API key was revoked');
  };
  const stopListening = options.services.pubsub.listen('API_KEY_REVOKED', ({ keyId }) => {
    for (const socket of socketsByKey.get(keyId) ?? []) closeRevoked(socket);
  });
  const track = (keyId: string, socket: WebSocket) => {
    const sockets = socketsByKey.get(keyId) ?? new Set();
    socketsByKey.set(keyId, sockets.add(socket));
    socket.once('close', () => {
      sockets.delete(socket);
      if (sockets.size) return;
      socketsByKey.delete(keyId);
      activeKeys.forget(keyId);
    });
  };
  const caps = new WsCaps(options.services.live.limits);
  const addressOf = (request: http.IncomingMessage) => request.socket.remoteAddress ?? 'unknown';
  const unauthenticated = () => new GraphQLError('The API key is unknown or revoked.', { extensions: { code: ErrorCode.UNAUTHENTICATED } });

  // One execution and one serialisation per change per distinct subscription, written to every
  // subscriber's socket in one pass. A subscription's context is made here per operation, so it
  // identifies the subscriber (socket, operation id) the fan-out writes to.
  const subscribers = new WeakMap<object, LiveSubscriber>();
  const fanOut = new LiveFanOut(
    (context) => (typeof context === 'object' && context !== null ? subscribers.get(context) : undefined),
    (result) => (result.errors ? { ...result, errors: formatAll(result.errors, 'BAD_USER_INPUT') } : result),
  );
  const subscriberFor = (socket: WebSocket, id: string, flow: SocketFlow, keyId: string | undefined): LiveSubscriber => {
    // Per frame: a key revoked since the socket opened gets nothing more, whichever process revoked it.
    const admit = keyId ? async () => {
      if (await activeKeys.isActive(keyId)) return true;
      closeRevoked(socket);
      return false;
    } : undefined;
    return new LiveSubscriber(socket, id, flow, admit, (error) => options.deps.logger.warn({ err: error }, 'a live frame waits: the API key could not be re-checked'));
  };
  // Before graphql-ws's own 'connection' listener, so a socket over the cap is closed before it is served.
  wss.on('connection', (socket, request) => {
    void caps.admit(addressOf(request), socket);
  });
  const disposable = useServer<Record<string, unknown> | undefined, ConnectionExtra>({
    schema: options.schema,
    isProd: options.isProd,
    subscribe: fanOut.subscribe,
    connectionInitWaitTimeout: options.connectionInitWaitTimeoutMs ?? 3_000,
    onConnect: async (ctx) => {
      // A socket closed by the caps as it opened may still deliver its connection_init.
      if (ctx.extra.socket.readyState !== WebSocket.OPEN) return false;
      caps.attach(ctx.extra.socket, ctx);
      const fromPayload = ctx.connectionParams?.authorization;
      const authorization = typeof fromPayload === 'string' ? fromPayload : ctx.extra.request.headers.authorization;
      ctx.extra.flow = new SocketFlow(ctx.extra.socket, ctx.extra.request.socket, options.services.live.limits);
      if (!authorization) return true;
      let principal;
      try {
        principal = await options.services.apiKeys.authenticate(authorization);
      } catch (error) {
        if (error instanceof DomainError) return false;
        throw error;
      }
      ctx.extra.authorization = authorization;
      if (principal.role !== 'PUBLIC') {
        ctx.extra.keyId = principal.keyId;
        track(principal.keyId, ctx.extra.socket);
      }
      return true;
    },
    onSubscribe: async (ctx, _id, payload) => {
      if (ctx.extra.keyId && !(await activeKeys.isActive(ctx.extra.keyId))) {
        closeRevoked(ctx.extra.socket);
        return [unauthenticated()];
      }
      const capped = caps.refusal(addressOf(ctx.extra.request), ctx.extra.socket);
      if (capped) return [capped];
      const limited = await chargeRateLimit(options.rateLimits, ctx.extra.authorization, ctx.extra.request.socket.remoteAddress);
      if (limited) return [limited];
      const { document, errors } = documents.check(payload.query);
      if (errors) return errors;
      // Mutations run over HTTP only, where the register rate limit and CSRF prevention apply.
      const operation = getOperationAST(document, payload.operationName);
      if (operation?.operation === 'mutation') {
        return [new GraphQLError('Mutations are not accepted over WebSocket; send them with POST /graphql.', { extensions: { code: 'BAD_REQUEST' } })];
      }
      const strict = await chargeStrictFields(options.rateLimits, document, operation, addressOf(ctx.extra.request));
      if (strict) return [strict];
      if (options.safelist && !ctx.extra.authorization && !options.safelist.has(sha256Hex(payload.query))) {
        return [new GraphQLError('This server runs only registered (persisted) operations without an API key (SAFELIST_FILE).', {
          extensions: { code: 'PERSISTED_QUERY_NOT_ALLOWED' },
        })];
      }
      return { schema: options.schema, document, variableValues: payload.variables, operationName: payload.operationName };
    },
    context: async (ctx, id) => {
      const context = await createContext(options.deps, { authorization: ctx.extra.authorization ?? null });
      if (ctx.extra.flow) subscribers.set(context, subscriberFor(ctx.extra.socket, id, ctx.extra.flow, ctx.extra.keyId));
      return context;
    },
    onError: (ctx, _id, _payload, errors) => {
      // A frame that could not be written because the reader went away (killed, reset) is no error of
      // ours, and nobody is left to tell: one debug line, not an error line per pending frame.
      if (ctx.extra.socket.readyState !== WebSocket.OPEN || errors.some(isLostSocket)) {
        options.deps.logger.debug({ code: ctx.extra.socket.readyState }, 'a graphql-ws frame was not written: the socket is gone');
        return undefined;
      }
      return formatAll(errors, 'GRAPHQL_VALIDATION_FAILED');
    },
    // A query's answer (subscriptions' frames are the fan-out's): refused if the key was revoked since.
    onNext: async (ctx, _id, _payload, _args, result) => {
      if (ctx.extra.keyId && !(await activeKeys.isActive(ctx.extra.keyId))) {
        closeRevoked(ctx.extra.socket);
        return { errors: formatAll([unauthenticated()], 'UNAUTHENTICATED') };
      }
      return result.errors ? { ...result, errors: formatAll(result.errors, 'BAD_USER_INPUT') } : undefined;
    },
  }, wss, options.keepAliveMs ?? 12_000);

  return {
    clientCount: () => wss.clients.size,
    subscriptions: () => fanOut.members(),
    async close() {
      stopListening();
      const clients = [...wss.clients];
      await disposable.dispose();
      const deadline = Date.now() + CLOSE_GRACE_MS;
      while (clients.some((c) => c.readyState !== c.CLOSED) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      for (const client of clients) if (client.readyState !== client.CLOSED) client.terminate();
    },
  };
}

/** Charges one subscribe against the key's budget (or the address's, without a key); an error when spent. */
async function chargeRateLimit(limits: RateLimits | undefined, authorization: string | undefined, address: string | undefined): Promise<GraphQLError | null> {
  if (!limits?.enabled) return null;
  const decision = authorization
    ? await limits.consume('key', createHash('sha256').update(authorization).digest('hex'))
    : await limits.consume('ip', address ?? 'unknown');
  return decision.allowed ? null : rateLimitedGraphQLError(decision);
}

/** `myRegistration` spends the `register` budget here as over HTTP (register-rate-limit.plugin.ts): one point per field. */
async function chargeStrictFields(
  limits: RateLimits | undefined, document: DocumentNode, operation: OperationDefinitionNode | null | undefined, address: string,
): Promise<GraphQLError | null> {
  if (!limits?.enabled || !operation) return null;
  for (let i = strictFieldCount(document, operation); i > 0; i--) {
    const decision = await limits.consume('register', address);
    if (!decision.allowed) return rateLimitedGraphQLError(decision);
  }
  return null;
}

/** Write failures that mean the peer is gone (the stream was destroyed or reset under a pending frame). */
const LOST_SOCKET_CODES = new Set(['ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END', 'EPIPE', 'ECONNRESET']);

function isLostSocket(error: GraphQLError): boolean {
  const code = (error.originalError as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && LOST_SOCKET_CODES.has(code);
}
