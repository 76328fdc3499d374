import { RequestHandler } from 'express';
import { Lexer, Source, TokenKind } from 'graphql';
import { LimitCode, reject } from '../request-rejection';
import { LRUCache } from 'lru-cache';

/** Counts lexical tokens up to max + 1 without building an AST; a lexing error is left to the parser. */
export function countTokens(query: string, max: number): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (count <= max && lexer.advance().kind !== TokenKind.EOF) count++;
  } catch {
    // A syntax error: the parser will report it with its location.
  }
  return count;
}

/**
 * Checks that need no parsing, before any GraphQL work: batched (array) bodies are refused, and a
 * query with more than MAX_QUERY_TOKENS tokens is refused before the parser allocates its AST.
 */
export function queryGuard(maxTokens: number): RequestHandler {
  const within = new LRUCache<string, true>({ max: KNOWN_QUERIES, maxSize: KNOWN_QUERIES_CHARS, sizeCalculation: (_known, query) => query.length });
  return (req, res, next) => {
    if (Array.isArray(req.body)) {
      reject(res, 400, LimitCode.BATCHING_NOT_SUPPORTED, 'Batched requests (a JSON array of operations) are not supported; send one operation per request.');
      return;
    }
    const query = req.method === 'POST' ? (req.body as { query?: unknown } | undefined)?.query : req.query.query;
    // Clients send the same few documents over and over: each text is lexed once (issue 15).
    if (typeof query !== 'string' || within.get(query)) {
      next();
      return;
    }
    if (countTokens(query, maxTokens) > maxTokens) {
      reject(res, 400, LimitCode.MAX_TOKENS_EXCEEDED, `The query has more than ${maxTokens} tokens, the limit (MAX_QUERY_TOKENS).`, {
        limit: { name: 'MAX_QUERY_TOKENS', max: maxTokens },
      });
      return;
    }
    if (query.length <= MAX_REMEMBERED_LENGTH) within.set(query, true);
    next();
  };
}

/** Query texts known to be within the limit: how many, how many characters in all, and how long one may be. */
const KNOWN_QUERIES = 1_000;
const KNOWN_QUERIES_CHARS = 2_000_000;
const MAX_REMEMBERED_LENGTH = 20_000;
