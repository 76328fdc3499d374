import { Response } from 'express';

/** Stable `extensions.code` values of every hardening rejection; clients may switch on them. */
export enum LimitCode {
  MAX_DEPTH_EXCEEDED = 'MAX_DEPTH_EXCEEDED',
  MAX_ALIASES_EXCEEDED = 'MAX_ALIASES_EXCEEDED',
  MAX_COST_EXCEEDED = 'MAX_COST_EXCEEDED',
  MAX_DIRECTIVES_EXCEEDED = 'MAX_DIRECTIVES_EXCEEDED',
  MAX_TOKENS_EXCEEDED = 'MAX_TOKENS_EXCEEDED',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  BATCHING_NOT_SUPPORTED = 'BATCHING_NOT_SUPPORTED',
  RATE_LIMITED = 'RATE_LIMITED',
  PERSISTED_QUERY_NOT_ALLOWED = 'PERSISTED_QUERY_NOT_ALLOWED',
  /** graphql-ws: WS_MAX_SUBSCRIPTIONS_PER_SOCKET or WS_MAX_SUBSCRIPTIONS_PER_ADDRESS reached. */
  MAX_SUBSCRIPTIONS_EXCEEDED = 'MAX_SUBSCRIPTIONS_EXCEEDED',
}

/** Stable `extensions.code` values of malformed requests (the client's mistake, never ours). */
export enum RequestCode {
  BAD_REQUEST = 'BAD_REQUEST',
  /** A Content-Encoding or charset the server does not decode (415). */
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  /** A document with several operations and no operationName. */
  OPERATION_NAME_REQUIRED = 'OPERATION_NAME_REQUIRED',
  /** An operationName that names no operation of the document (Apollo's own code for it). */
  OPERATION_RESOLUTION_FAILURE = 'OPERATION_RESOLUTION_FAILURE',
  PERSISTED_QUERY_HASH_MISMATCH = 'PERSISTED_QUERY_HASH_MISMATCH',
  PERSISTED_QUERY_VERSION_NOT_SUPPORTED = 'PERSISTED_QUERY_VERSION_NOT_SUPPORTED',
}

/** Answers a request refused before GraphQL runs, in the GraphQL error shape. */
export function reject(res: Response, status: number, code: string, message: string, extensions: Record<string, unknown> = {}): void {
  res.status(status).json({ errors: [{ message, extensions: { code, ...extensions } }] });
}
