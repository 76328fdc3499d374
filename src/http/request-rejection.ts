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
}

/** Answers a request refused before GraphQL runs, in the GraphQL error shape. */
export function reject(res: Response, status: number, code: string, message: string, extensions: Record<string, unknown> = {}): void {
  res.status(status).json({ errors: [{ message, extensions: { code, ...extensions } }] });
}
