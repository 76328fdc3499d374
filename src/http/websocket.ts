import http from 'node:http';
import { createHash } from 'node:crypto';
import { getOperationAST, GraphQLError, GraphQLFormattedError, GraphQLSchema, parse, specifiedRules, validate, ValidationRule } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { ContextDeps, createContext } from '../context';
import { DomainError } from '../domain/errors';
import { createErrorFormatter } from './format-error';
import { PersistedOperation, sha256Hex } from './persisted-queries';
import { QueryLimitError } from './plugins/query-limits.plugin';
import { rateLimitedGraphQLError, RateLimits } from './rate-limit';

export interface GraphqlWsOptions {
  server: http.Server;
  schema: GraphQLSchema;
  deps: ContextDeps;
  isProd: boolean;
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
}

type ConnectionExtra = Record<PropertyKey, unknown> & {
  /** The API key the socket authenticated with at connection_init. */
  authorization?: string;
};

const CLOSE_GRACE_MS = 1000;

/**
 * graphql-ws (the graphql-transport-ws protocol) on the HTTP server's own port and path, /graphql.
 * The API key comes from connection_init's payload ({ "authorization": "Bearer ..." }) or the upgrade
 * request's Authorization header; a wrong key closes the socket with 4403, as the protocol says.
 * Every operation gets its context from the same createContext as HTTP, and errors leave through the
 * same formatter, so a subscription can reveal nothing a query could not.
 */
export function attachGraphqlWs(options: GraphqlWsOptions): GraphqlWs {
  const wss = new WebSocketServer({ server: options.server, path: '/graphql', maxPayload: options.maxPayloadBytes ?? 64 * 1024 });
  const format = createErrorFormatter(options.deps.logger);
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

  const disposable = useServer<Record<string, unknown> | undefined, ConnectionExtra>({
    schema: options.schema,
    isProd: options.isProd,
    connectionInitWaitTimeout: options.connectionInitWaitTimeoutMs ?? 3_000,
    onConnect: async (ctx) => {
      const fromPayload = ctx.connectionParams?.authorization;
      const authorization = typeof fromPayload === 'string' ? fromPayload : ctx.extra.request.headers.authorization;
      if (!authorization) return true;
      try {
        await options.deps.services.apiKeys.authenticate(authorization);
      } catch (error) {
        if (error instanceof DomainError) return false;
        throw error;
      }
      ctx.extra.authorization = authorization;
      return true;
    },
    onSubscribe: async (ctx, _id, payload) => {
      const limited = await chargeRateLimit(options.rateLimits, ctx.extra.authorization, ctx.extra.request.socket.remoteAddress);
      if (limited) return [limited];
      let document;
      try {
        document = parse(payload.query);
      } catch (error) {
        return [error as GraphQLError];
      }
      const errors = validate(options.schema, document, [...specifiedRules, ...(options.validationRules ?? [])]);
      if (errors.length) return errors;
      // Mutations run over HTTP only, where the register rate limit and CSRF prevention apply.
      if (getOperationAST(document, payload.operationName)?.operation === 'mutation') {
        return [new GraphQLError('Mutations are not accepted over WebSocket; send them with POST /graphql.', { extensions: { code: 'BAD_REQUEST' } })];
      }
      if (options.safelist && !ctx.extra.authorization && !options.safelist.has(sha256Hex(payload.query))) {
        return [new GraphQLError('This server runs only registered (persisted) operations without an API key (SAFELIST_FILE).', {
          extensions: { code: 'PERSISTED_QUERY_NOT_ALLOWED' },
        })];
      }
      return { schema: options.schema, document, variableValues: payload.variables, operationName: payload.operationName };
    },
    context: (ctx) => createContext(options.deps, { authorization: ctx.extra.authorization ?? null }),
    onError: (_ctx, _id, _payload, errors) => formatAll(errors, 'GRAPHQL_VALIDATION_FAILED'),
    onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: formatAll(result.errors, 'BAD_USER_INPUT') } : undefined),
  }, wss, options.keepAliveMs ?? 12_000);

  return {
    clientCount: () => wss.clients.size,
    async close() {
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
